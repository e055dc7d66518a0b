/**
 * Which routing engines a command runs on: the command-forwarding selectors
 * (routing matrix chassis, re0/re1/routing-engine, virtual-chassis members,
 * cluster nodes) resolved against the device's topology.
 */
import type { ChassisSelectors } from '../grammar/chassis-selectors.js';
import { SnapshotRefusal } from './errors.js';
import { routingEngineReachable, unreachableMessage } from './fault-hooks.js';
import type { DeviceModel } from './model.js';
import { localReSlot } from './re-slot.js';
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
 * `sessionRe` is the RE the session is logged in to. On a routing matrix the
 * command runs on the RE in the same slot of each chassis: master REs from
 * the master, backups from the backup (re0 is master in every chassis of the
 * emulated matrix). `scope` is what no selector means: `all` (request-snapshot
 * on a matrix backs up every chassis) or `local`.
 */
export function selectTargets(model: DeviceModel, sessionRe: string, sel: ChassisSelectors, scope: 'all' | 'local'): TargetSelection {
  const slot = localReSlot(sessionRe);
  const reach = (re: RoutingEngineState): TargetRef =>
    routingEngineReachable(model, re.name, re.chassis) ? { name: re.name, re } : { name: re.name, re: null, error: unreachableMessage(re.name) };
  switch (model.spec.topology) {
    case 'matrix':
      return matrixTargets(model, slot, sel, scope, reach);
    case 'virtual-chassis':
    case 'cluster':
      return memberTargets(model, slot, sel, reach);
    default:
      return chassisRes(model, slot, sel, reach);
  }
}

/** One chassis with one or two REs: `re0`, `re1`, `routing-engine local|other|master|backup|both`. */
function chassisRes(model: DeviceModel, slot: 're0' | 're1', sel: ChassisSelectors, reach: (re: RoutingEngineState) => TargetRef): TargetSelection {
  const local = model.routingEngineIn('', slot) ?? model.routingEngines()[0]!;
  const other: 're0' | 're1' = local.slot === 're0' ? 're1' : 're0';
  const want = (s: 're0' | 're1'): RoutingEngineState => {
    const re = model.routingEngineIn('', s);
    if (!re) throw new SnapshotRefusal(`${s} is not present in this chassis`, { badElement: s });
    return re;
  };
  const pick = (slots: Array<'re0' | 're1'>): TargetSelection => {
    const res = slots.map(want);
    return { multi: res.length > 1 || res[0] !== local, targets: res.map(reach) };
  };
  if (sel.re0) return pick(['re0']);
  if (sel.re1) return pick(['re1']);
  const which = sel.routingEngine;
  // re0 is master on the emulated devices.
  if (which === 'both') return pick(['re0', 're1']);
  if (which === 'other') return pick([other]);
  if (which === 'master') return pick(['re0']);
  if (which === 'backup') return pick(['re1']);
  return { multi: false, targets: [reach(local)] };
}

/**
 * Virtual-chassis members (`member N`, `all-members`, `local`) and cluster
 * nodes (`node 0|1|all|local|primary`). Their output always names the member
 * or node (`fpc0:`, `node0:`), as the EX and SRX captures show.
 */
function memberTargets(model: DeviceModel, slot: 're0' | 're1', sel: ChassisSelectors, reach: (re: RoutingEngineState) => TargetRef): TargetSelection {
  const all = model.routingEngines();
  const local = model.routingEngineIn('', slot) ?? all[0]!;
  const byIndex = (n: number, what: string): RoutingEngineState => {
    const re = all[n];
    if (!re) throw new SnapshotRefusal(`${what} ${n} is not present`, { badElement: what });
    return re;
  };
  let res: RoutingEngineState[] = [local];
  const node = sel.node;
  if (sel.allMembers || node === 'all') res = [...all];
  else if (sel.member !== undefined) res = [byIndex(sel.member, 'member')];
  else if (node === 'primary') res = [all[0]!];
  else if (node === '0' || node === '1') res = [byIndex(Number(node), 'node')];
  return { multi: true, targets: res.map(reach) };
}

function matrixTargets(
  model: DeviceModel,
  slot: 're0' | 're1',
  sel: ChassisSelectors,
  scope: 'all' | 'local',
  reach: (re: RoutingEngineState) => TargetRef,
): TargetSelection {
  const sw = model.spec.switchChassis;
  const ref = (chassis: string): TargetRef => {
    const re = model.routingEngineIn(chassis, slot);
    const name = `${chassis}-${slot}`;
    return re ? reach(re) : { name, re: null, error: `${name} does not exist` };
  };
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

  if (sel.scc || sel.sfc) return { multi: false, targets: [ref(sw)] };
  if (sel.lcc !== undefined) return { multi: true, targets: [lccRef(sel.lcc)] };
  if (sel.allLcc) return { multi: true, targets: lccs() };
  if (sel.allChassis || scope === 'all') {
    return { multi: true, targets: [ref(sw), ...connected.map(lccRef)] };
  }
  return { multi: false, targets: [ref(sw)] };
}
