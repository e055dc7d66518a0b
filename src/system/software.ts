/** `show version` (get-software-information): what each RE runs. */
import type { DeviceModel, RoutingEngineState } from '../engine/index.js';
import { fillModel, releaseRow } from '../engine/releases/index.js';
import { el, leaf, multiRe } from '../render/tree.js';
import type { XNode } from '../render/tree.js';
import { multiSections } from '../render/text.js';
import { chassisIdentity } from './identity.js';

export interface SoftwareTarget {
  readonly reName: string;
  readonly hostName: string;
  readonly productModel: string;
  readonly version: string;
  /** The release prints `<junos-version>` / `Junos:`. */
  readonly junosVersion: boolean;
  readonly packages: ReadonlyArray<{ readonly name: string; readonly comment: string }>;
}

export interface SoftwareResult {
  readonly multi: boolean;
  readonly targets: readonly SoftwareTarget[];
  /** REs that could not be reached: `Could not connect to re1 : No route to host`. */
  readonly unreachable: readonly string[];
}

/**
 * What an RE shows follows the release it runs: its release row names the
 * packages and whether `<junos-version>` exists (15.1 on; PyEZ reads the
 * `junos` package comment otherwise).
 */
export function softwareTarget(model: DeviceModel, re: RoutingEngineState, hostName: string): SoftwareTarget {
  const v = re.running.version;
  const row = releaseRow(model.spec.line, v);
  return {
    reName: re.name,
    hostName,
    productModel: chassisIdentity(model, re.chassis).productModel,
    version: v,
    junosVersion: row.junosVersionLine,
    packages: row.versionPackages.map((p) => ({
      name: p.name,
      comment: `${fillModel(p.comment, model.spec.model)} [${p.build === 'os' ? (row.osBuild ?? v) : v}]`,
    })),
  };
}

/** No xmlns on software-information: every fixture and NETCONF capture shows it bare. */
function info(t: SoftwareTarget): XNode {
  return el('software-information', [
    leaf('host-name', t.hostName),
    leaf('product-model', t.productModel),
    leaf('product-name', t.productModel),
    ...(t.junosVersion ? [leaf('junos-version', t.version)] : []),
    ...t.packages.map((p) => el('package-information', [leaf('name', p.name), leaf('comment', p.comment)])),
  ]);
}

export function softwareTree(r: SoftwareResult): XNode {
  if (!r.multi) return info(r.targets[0]!);
  return multiRe(r.targets.map((t) => ({ reName: t.reName, body: [info(t)] })));
}

function targetText(t: SoftwareTarget): string {
  let s = `Hostname: ${t.hostName}\nModel: ${t.productModel}\n`;
  if (t.junosVersion) s += `Junos: ${t.version}\n`;
  for (const p of t.packages) s += `${p.comment}\n`;
  return s;
}

export function softwareText(r: SoftwareResult): string {
  if (!r.multi) return targetText(r.targets[0]!);
  return multiSections(r.targets.map((t) => ({ reName: t.reName, text: targetText(t) })));
}
