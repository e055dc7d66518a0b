/** The configuration a device starts with: what its YAML entry says, as Junos statements. */
import type { DeviceSpec } from '../options/types.js';
import type { ConfigNode } from './tree.js';

/**
 * Every Junos device has a root password (a commit without one is refused).
 * This is the SHA-512 crypt of `junos-emulator-root`; it is data only: the
 * emulator's logins come from its YAML users (docs/command-and-configuration.md).
 */
export const ROOT_PASSWORD_HASH = '$6$jUn0sEmU$O33Tn7cnx.Onfv/Ko.rIaHI52hX7lUbKCwP0gXHxM1x25pQDB1A/EOGiePDGwH.QPj90kB.KrF.Si2nlPF8DW/';

const leaf = (name: string, value?: string): ConfigNode => ({ name, ...(value !== undefined ? { value } : {}), children: [] });
const node = (name: string, children: ConfigNode[]): ConfigNode => ({ name, children });

export function initialConfiguration(spec: DeviceSpec, mirrorFlashOnDisk: boolean): ConfigNode {
  const netconf = [leaf('ssh'), ...(spec.rfcCompliant ? [leaf('rfc-compliant')] : []), ...(spec.version11 ? [leaf('version-1.1')] : [])];
  const system: ConfigNode[] = [
    leaf('host-name', spec.hostname),
    node('root-authentication', [leaf('encrypted-password', ROOT_PASSWORD_HASH)]),
    node('login', spec.users.map((u) => node('user', [leaf('name', u.name), leaf('class', u.class)]))),
    node('services', [leaf('ssh'), node('netconf', netconf)]),
  ];
  if (mirrorFlashOnDisk) system.push(leaf('mirror-flash-on-disk'));
  return { name: 'configuration', children: [node('system', system)] };
}
