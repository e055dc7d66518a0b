/**
 * Internal routing instance (IRI) addressing: `/etc/hosts.junos` names every
 * RE's IRI address, and the session's RE holds its own on em0/em1. PyEZ's
 * `current_re` fact maps one through the other, so the two must agree.
 * Single chassis and LCC prefixes follow a real hosts.junos (128, 129+N,
 * 144 for the TX Matrix scc); 145 for the TX Matrix Plus sfc0 is our choice.
 */
import type { DeviceModel, RoutingEngineState } from '../engine/index.js';

function prefix(chassis: string): number {
  if (chassis === '') return 128;
  if (chassis === 'scc') return 144;
  if (chassis === 'sfc0') return 145;
  return 129 + Number(chassis.slice(3));
}

function names(chassis: string, role: string): string[] {
  return chassis === '' ? (role === 'master' ? ['master', 'node'] : [role]) : [`${chassis}-${role}`];
}

export function hostsJunos(model: DeviceModel): string {
  let s = '#\n# File mapping AF_INET/AF_INET6 hostnames for REs on Single and Multichassis\n# systems\n#\n';
  const chassis = [...new Set(model.routingEngines().map((r) => r.chassis))];
  for (const c of chassis) {
    const p = prefix(c);
    s += `\n# ${c === '' ? 'Single Chassis Hostnames' : c.toUpperCase()}\n`;
    for (const [host, role] of [[1, 'master'], [4, 're0'], [5, 're1'], [6, 'backup']] as const) {
      s += `${`${p}.0.0.${host}`.padEnd(17)}${names(c, role).join(' ')}\n`;
    }
  }
  return s;
}

/** The IRI addresses the RE holds: its slot address, and the master (or backup) alias. */
export function iriAddresses(re: RoutingEngineState): string[] {
  const p = prefix(re.chassis);
  return re.slot === 're0' ? [`${p}.0.0.1/2`, `${p}.0.0.4/2`] : [`${p}.0.0.5/2`, `${p}.0.0.6/2`];
}
