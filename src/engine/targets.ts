/**
 * Which routing engines a command runs on: the routing-matrix selectors
 * (all-chassis, all-lcc, lcc N, scc, sfc N) resolved against the device.
 */
import type { ParsedOptions } from '../grammar/types.js';
import { SnapshotRefusal } from './errors.js';
import { routingEngineReachable, unreachableMessage } from './fault-hooks.js';
import type { DeviceModel } from './model.js';
import type { RoutingEngineState } from './state.js';

export interface TargetRef {
  readonly name: string;
  /** Null when the target cannot be reached; `error` then says why. */
  readonly re: RoutingEngineState | null;
  readonly error?: string;
}

export interface TargetSelection {
  readonly multi: boolean;
  readonly targets: readonly TargetRef[];
}

export const CHASSIS_SELECTORS = ['all-chassis', 'all-lcc', 'lcc', 'scc', 'sfc'] as const;

/**
 * `sessionRe` is the RE the session is logged in to. The command runs on the
 * RE in the same slot of each chassis: master REs from the master, backups from
 * the backup (re0 is master in every chassis of the emulated matrix).
 * `scope` is what no selector means: `all` (request-snapshot on a matrix
 * backs up every chassis) or `local`.
 */
export function selectTargets(model: DeviceModel, sessionRe: string, opts: ParsedOptions, scope: 'all' | 'local'): TargetSelection {
  const slot: 're0' | 're1' = sessionRe.endsWith('re1') ? 're1' : 're0';
  const sw = model.spec.switchChassis;
  const ref = (chassis: string): TargetRef => {
    const re = model.routingEngineIn(chassis, slot);
    const name = chassis === '' ? slot : `${chassis}-${slot}`;
    if (re && !routingEngineReachable(model, name, chassis)) {
      return { name, re: null, error: unreachableMessage(name) };
    }
    return re ? { name, re } : { name, re: null, error: `${name} does not exist` };
  };
  if (sw === '') return { multi: false, targets: [ref('')] };

  const connected = model.settings.connectedLcc;
  const lccRef = (n: number): TargetRef => {
    const r = ref(`lcc${n}`);
    if (connected.includes(n)) return r;
    return { name: r.name, re: null, error: `lcc${n} is not connected to the routing matrix` };
  };
  const lccs = (): TargetRef[] => {
    if (connected.length === 0) throw new SnapshotRefusal('No line-card chassis is connected to the routing matrix.');
    return connected.map(lccRef);
  };

  if (opts.has('scc') || opts.has('sfc')) return { multi: false, targets: [ref(sw)] };
  const lcc = opts.get('lcc');
  if (typeof lcc === 'string') return { multi: true, targets: [lccRef(Number(lcc))] };
  if (opts.has('all-lcc')) return { multi: true, targets: lccs() };
  if (opts.has('all-chassis') || scope === 'all') {
    return { multi: true, targets: [ref(sw), ...connected.map(lccRef)] };
  }
  return { multi: false, targets: [ref(sw)] };
}
