/** `show version` (get-software-information): what each RE runs. */
import type { DeviceModel, RoutingEngineState } from '../engine/index.js';
import { el, junosNs, leaf, multiRe } from '../render/tree.js';
import type { XNode } from '../render/tree.js';
import { multiSections } from '../render/text.js';
import { chassisIdentity } from './identity.js';

export interface SoftwareTarget {
  readonly reName: string;
  readonly hostName: string;
  readonly productModel: string;
  readonly version: string;
  readonly packages: ReadonlyArray<{ readonly name: string; readonly comment: string }>;
}

export interface SoftwareResult {
  readonly multi: boolean;
  readonly targets: readonly SoftwareTarget[];
  /** REs that could not be reached: `Could not connect to re1 : No route to host`. */
  readonly unreachable: readonly string[];
}

const PACKAGE_COMMENTS: Readonly<Record<string, string>> = {
  jbase: 'JUNOS Base OS Software Suite',
  jkernel: 'JUNOS Kernel Software Suite',
  jcrypto: 'JUNOS Crypto Software Suite',
  jdocs: 'JUNOS Online Documentation',
  jpfe: 'JUNOS Packet Forwarding Engine Support',
  jroute: 'JUNOS Routing Software Suite',
  junos: 'JUNOS Software Release',
};

/** Releases from 15.1 on carry `<junos-version>`; older ones only the `junos` package comment (PyEZ reads either). */
function hasJunosVersion(version: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m !== null && (Number(m[1]) > 15 || (Number(m[1]) === 15 && Number(m[2]) >= 1));
}

export function softwareTarget(model: DeviceModel, re: RoutingEngineState, hostName: string): SoftwareTarget {
  const v = re.running.version;
  const names = ['junos', ...model.spec.packages.filter((p) => p !== 'junos')];
  return {
    reName: re.name,
    hostName,
    productModel: chassisIdentity(model, re.chassis).productModel,
    version: v,
    packages: names.map((n) => ({ name: n, comment: `${PACKAGE_COMMENTS[n] ?? `JUNOS ${n}`} [${v}]` })),
  };
}

function info(t: SoftwareTarget, release: string): XNode {
  return el(
    'software-information',
    [
      leaf('host-name', t.hostName),
      leaf('product-model', t.productModel),
      leaf('product-name', t.productModel),
      ...(hasJunosVersion(t.version) ? [leaf('junos-version', t.version)] : []),
      ...t.packages.map((p) => el('package-information', [leaf('name', p.name), leaf('comment', p.comment)])),
    ],
    [['xmlns', junosNs(release)]],
  );
}

export function softwareTree(r: SoftwareResult, release: string): XNode {
  if (!r.multi) return info(r.targets[0]!, release);
  return multiRe(r.targets.map((t) => ({ reName: t.reName, body: [info(t, release)] })));
}

function targetText(t: SoftwareTarget): string {
  let s = `Hostname: ${t.hostName}\nModel: ${t.productModel}\n`;
  if (hasJunosVersion(t.version)) s += `Junos: ${t.version}\n`;
  for (const p of t.packages) s += `${p.comment}\n`;
  return s;
}

export function softwareText(r: SoftwareResult): string {
  if (!r.multi) return targetText(r.targets[0]!);
  return multiSections(r.targets.map((t) => ({ reName: t.reName, text: targetText(t) })));
}
