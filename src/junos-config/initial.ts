/** The configuration a device starts with: what its YAML entry says, as Junos statements. */
import type { DeviceSpec } from '../options/types.js';
import type { ConfigNode } from './tree.js';

const leaf = (name: string, value?: string): ConfigNode => ({ name, ...(value !== undefined ? { value } : {}), children: [] });
const node = (name: string, children: ConfigNode[]): ConfigNode => ({ name, children });

export function initialConfiguration(spec: DeviceSpec, mirrorFlashOnDisk: boolean): ConfigNode {
  const netconf = [leaf('ssh'), ...(spec.rfcCompliant ? [leaf('rfc-compliant')] : []), ...(spec.version11 ? [leaf('version-1.1')] : [])];
  const system: ConfigNode[] = [
    leaf('host-name', spec.hostname),
    node('login', spec.users.map((u) => node('user', [leaf('name', u.name), leaf('class', u.class)]))),
    node('services', [leaf('ssh'), node('netconf', netconf)]),
  ];
  if (mirrorFlashOnDisk) system.push(leaf('mirror-flash-on-disk'));
  return { name: 'configuration', children: [node('system', system)] };
}
