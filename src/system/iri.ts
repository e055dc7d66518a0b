/**
 * Internal routing instance (IRI) addressing: `/etc/hosts.junos` names every
 * RE's IRI address, and the session's RE holds its own on an internal
 * interface. PyEZ's `current_re` fact maps one through the other, so the two
 * must agree. The single-chassis lines follow a real hosts.junos (PyEZ's
 * current_re fixtures: `10.0.0.4 re0`, `128.0.0.1` as master, node, fwdd,
 * member and pfem, one name per line), so current_re is
 * [re0, master, node, fwdd, member, pfem] as on a real MX. LCC prefixes
 * 129+N and 144 for the TX Matrix scc follow it too; 145 for the TX Matrix
 * Plus sfc0, 128.0.0.16+N for virtual-chassis members are our choice.
 * Cluster nodes hold 129/130.<cluster>.0.1, which PyEZ decodes itself.
 */
import type { DeviceModel, RoutingEngineState } from '../engine/index.js';

/** The cluster id of an emulated chassis cluster. */
export const CLUSTER_ID = 1;

function prefix(chassis: string): number {
  if (chassis === '') return 128;
  if (chassis === 'scc') return 144;
  if (chassis === 'sfc0') return 145;
  return 129 + Number(chassis.slice(3));
}

const line = (ip: string, name: string): string => `${ip.padEnd(16)}${name}\n`;

/** The single-chassis section every hosts.junos carries. */
function singleChassis(): string {
  let s = '\n# Single Chassis Hostnames\n';
  s += line('10.0.0.1', 'master') + line('10.0.0.4', 're0') + line('10.0.0.5', 're1') + line('10.0.0.6', 'backup');
  for (const n of ['master', 'node', 'fwdd', 'member', 'pfem']) s += line('128.0.0.1', n);
  s += line('128.0.0.4', 're0') + line('128.0.0.5', 're1') + line('128.0.0.6', 'backup');
  return s;
}

export function hostsJunos(model: DeviceModel): string {
  let s = '#\n# $Id: hosts.junos,v 1.7.72.1 2015/03/19 06:04:18 builder Exp $\n#\n';
  s += '# File mapping AF_INET/AF_INET6 hostnames for REs on Single and Multichassis\n# systems\n#\n';
  s += singleChassis();
  const topology = model.spec.topology;
  if (topology === 'virtual-chassis') {
    s += '\n# Virtual Chassis Members\n';
    model.routingEngines().forEach((re, n) => {
      s += line(`128.0.0.${16 + n}`, re.name);
    });
  }
  if (topology === 'matrix') {
    for (const c of [...new Set(model.routingEngines().map((r) => r.chassis))]) {
      const p = prefix(c);
      s += `\n# ${c.toUpperCase()}\n`;
      for (const [host, role] of [[1, 'master'], [4, 're0'], [5, 're1'], [6, 'backup']] as const) s += line(`${p}.0.0.${host}`, `${c}-${role}`);
    }
  }
  return s;
}

export interface IriInterface {
  /** The internal interface (em0.0 on M/MX/T and J, bme0.32768 on EX, fxp1.0 on a branch SRX cluster). */
  readonly name: string;
  readonly addresses: readonly string[];
}

/** What the RE holds on its internal interface: its slot address, and the master (or backup) alias. */
export function iriInterface(model: DeviceModel, re: RoutingEngineState): IriInterface {
  const topology = model.spec.topology;
  const index = model.routingEngines().filter((r) => r.chassis === re.chassis).indexOf(re);
  if (topology === 'virtual-chassis') {
    const alias = re.slot === 're0' ? '128.0.0.1/2' : '128.0.0.6/2';
    return { name: 'bme0.32768', addresses: [alias, `128.0.0.${16 + index}/2`] };
  }
  if (topology === 'cluster') {
    const octet = (CLUSTER_ID & 0x0f) << 4;
    // node0 is primary: it also holds the primary address (143.x.0.1).
    const addresses = re.slot === 're0' ? [`129.${octet}.0.1/2`, `143.${octet}.0.1/2`] : [`130.${octet}.0.1/2`];
    return { name: 'fxp1.0', addresses };
  }
  const p = prefix(re.chassis);
  const iri = re.slot === 're0' ? [`${p}.0.0.1/2`, `${p}.0.0.4/2`] : [`${p}.0.0.5/2`, `${p}.0.0.6/2`];
  // A routing matrix's REs answer on their chassis prefix only (their 10/8 address is not in hosts.junos' matrix sections).
  if (topology === 'matrix') return { name: 'em0.0', addresses: iri };
  return { name: 'em0.0', addresses: [`10.0.0.${re.slot === 're1' ? '5' : '4'}/8`, ...iri] };
}
