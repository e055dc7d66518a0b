/**
 * `show chassis routing-engine` (get-route-engine-information): slot and
 * mastership, status, temperatures, memory, CPU and load, model, serial and
 * uptime of each RE, in the element order of a real RE-S-1800x4 reply (PyEZ's
 * re_info_dual fixture; its values stand in for live measurements). A chassis
 * cluster answers per node, as its multi-routing-engine items.
 */
import { routingEngineReachable, type DeviceModel, type RoutingEngineState } from '../engine/index.js';
import { el, junosNs, leaf, multiRe } from '../render/tree.js';
import type { XNode } from '../render/tree.js';
import { multiSections } from '../render/text.js';
import type { SystemState } from './state.js';
import { chassisIdentity, chassisList, reSerialNumber } from './identity.js';
import { localtime } from './junos-time.js';

export interface RouteEngineRow {
  readonly slot: number;
  readonly master: boolean;
  readonly reachable: boolean;
  readonly model: string;
  readonly memoryMb: number;
  readonly serial: string;
  readonly bootedAt: number;
}

export interface ChassisRes {
  /** Item name in multi-chassis replies (`scc-re0`, `node0`), '' on a single chassis. */
  readonly reName: string;
  readonly rows: readonly RouteEngineRow[];
}

export interface RouteEngineResult {
  readonly multi: boolean;
  readonly singleRe: boolean;
  readonly chassis: readonly ChassisRes[];
  readonly now: number;
}

export function routeEngines(model: DeviceModel, system: SystemState, deviceName: string, localSlot: 're0' | 're1', now: number, slot?: number): RouteEngineResult {
  const pick = (r: RoutingEngineState): boolean => slot === undefined || r.slot === `re${slot}`;
  if (model.spec.topology === 'cluster') {
    // Each node is a chassis with one RE.
    const nodes = model.routingEngines().filter(pick);
    return { multi: true, singleRe: true, now, chassis: nodes.map((r) => ({ reName: r.name, rows: [row(model, system, deviceName, r, true)] })) };
  }
  const list = chassisList(model);
  const chassis = list.map((c): ChassisRes => {
    const res = model.routingEngines().filter((r) => r.chassis === c && pick(r));
    return { reName: c === '' ? '' : `${c}-${localSlot}`, rows: res.map((r) => row(model, system, deviceName, r, r.slot === 're0')) };
  });
  return { multi: list.length > 1, singleRe: model.routingEngines().filter((r) => r.chassis === list[0]).length === 1, chassis, now };
}

function row(model: DeviceModel, system: SystemState, deviceName: string, r: RoutingEngineState, master: boolean): RouteEngineRow {
  const id = chassisIdentity(model, r.chassis);
  return {
    slot: r.slot === 're1' ? 1 : 0,
    // re0 is master in every chassis of the emulated devices.
    master,
    reachable: routingEngineReachable(model, r.name, r.chassis),
    model: id.reModel,
    memoryMb: id.reMemoryMb,
    serial: reSerialNumber(deviceName, r.name),
    bootedAt: system.bootedAt,
  };
}

export function uptime(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [d > 0 ? `${d} day${d === 1 ? '' : 's'}` : '', h > 0 ? `${h} hour${h === 1 ? '' : 's'}` : '', m > 0 ? `${m} minute${m === 1 ? '' : 's'}` : '', `${s} second${s === 1 ? '' : 's'}`];
  return parts.filter((p) => p !== '').join(', ');
}

const REBOOT_REASON = 'Router rebooted after a normal shutdown.';

/** Steady readings of an idle RE (the fixture's): temperatures in C, CPU percentages, load averages. */
interface Readings {
  readonly temperature: number;
  readonly cpuTemperature: number;
  readonly bufferUtilization: number;
  /** user, background, system, interrupt, idle: now, then (master only) the 1, 5 and 15 minute averages. */
  readonly cpu: ReadonlyArray<readonly [number, number, number, number, number]>;
  readonly load: readonly [string, string, string];
}

const MASTER: Readings = {
  temperature: 32,
  cpuTemperature: 30,
  bufferUtilization: 4,
  cpu: [
    [0, 0, 1, 0, 98],
    [0, 0, 1, 0, 98],
    [0, 0, 1, 0, 99],
    [0, 0, 1, 0, 99],
  ],
  load: ['0.29', '0.23', '0.19'],
};
const BACKUP: Readings = { temperature: 32, cpuTemperature: 29, bufferUtilization: 4, cpu: [[0, 0, 0, 0, 100]], load: ['0.17', '0.13', '0.09'] };

const degrees = (c: number): string => `${c} degrees C / ${Math.floor((c * 9) / 5 + 32)} degrees F`;
/** What the kernel reports as usable: a little under what is installed (32719 of 32768 MB on the fixture's RE). */
const usableMb = (installed: number): number => installed - 35;
const CPU = ['cpu-user', 'cpu-background', 'cpu-system', 'cpu-interrupt', 'cpu-idle'] as const;

function reNode(r: RouteEngineRow, singleRe: boolean, now: number): XNode {
  const up = Math.floor((now - r.bootedAt) / 1000);
  const state = r.master ? 'master' : 'backup';
  const m = r.master ? MASTER : BACKUP;
  return el('route-engine', [
    ...(singleRe ? [] : [leaf('slot', String(r.slot)), leaf('mastership-state', state), leaf('mastership-priority', `${state} (default)`)]),
    leaf('status', r.reachable ? 'OK' : 'Present'),
    ...(r.reachable
      ? [
          leaf('temperature', degrees(m.temperature), [['junos:celsius', String(m.temperature)]]),
          leaf('cpu-temperature', degrees(m.cpuTemperature), [['junos:celsius', String(m.cpuTemperature)]]),
        ]
      : []),
    leaf('memory-dram-size', `${usableMb(r.memoryMb)} MB`),
    leaf('memory-installed-size', `(${r.memoryMb} MB installed)`),
    ...(r.reachable
      ? [
          leaf('memory-buffer-utilization', String(m.bufferUtilization)),
          ...m.cpu.flatMap((values, i) => CPU.map((name, k) => leaf(`${name}${i === 0 ? '' : i}`, String(values[k])))),
        ]
      : []),
    leaf('model', r.model),
    leaf('serial-number', r.serial),
    ...(r.reachable
      ? [
          leaf('start-time', localtime(r.bootedAt), [['junos:seconds', String(Math.floor(r.bootedAt / 1000))]]),
          leaf('up-time', uptime(now - r.bootedAt), [['junos:seconds', String(up)]]),
          leaf('last-reboot-reason', REBOOT_REASON),
          leaf('load-average-one', m.load[0]),
          leaf('load-average-five', m.load[1]),
          leaf('load-average-fifteen', m.load[2]),
        ]
      : []),
  ]);
}

function reInfo(c: ChassisRes, r: RouteEngineResult, release: string): XNode {
  return el('route-engine-information', c.rows.map((row) => reNode(row, r.singleRe, r.now)), [['xmlns', junosNs(release).replace(/junos$/, 'junos-chassis')]]);
}

export function routeEngineTree(r: RouteEngineResult, release: string): XNode {
  if (!r.multi) return reInfo(r.chassis[0]!, r, release);
  return multiRe(r.chassis.map((c) => ({ reName: c.reName, body: [reInfo(c, r, release)] })));
}

function reText(c: ChassisRes, r: RouteEngineResult): string {
  let s = 'Routing Engine status:\n';
  for (const row of c.rows) {
    const f = (k: string, v: string): string => `    ${k.padEnd(31)}${v}\n`;
    const m = row.master ? MASTER : BACKUP;
    if (!r.singleRe) s += `  Slot ${row.slot}:\n`;
    if (!r.singleRe) s += f('Current state', row.master ? 'Master' : 'Backup') + f('Election priority', `${row.master ? 'Master' : 'Backup'} (default)`);
    if (row.reachable) s += f('Temperature', degrees(m.temperature)) + f('CPU temperature', degrees(m.cpuTemperature));
    s += f('DRAM', `${usableMb(row.memoryMb)} MB (${row.memoryMb} MB installed)`);
    if (row.reachable) {
      const [user, background, system, interrupt, idle] = m.cpu[0]!;
      s += f('Memory utilization', `${m.bufferUtilization} percent`) + '    5 sec CPU utilization:\n';
      for (const [k, v] of [['User', user], ['Background', background], ['Kernel', system], ['Interrupt', interrupt], ['Idle', idle]] as const) {
        s += `      ${k.padEnd(29)}${v} percent\n`;
      }
    }
    s += f('Model', row.model) + f('Serial ID', row.serial);
    if (row.reachable) {
      s += f('Start time', localtime(row.bootedAt)) + f('Uptime', uptime(r.now - row.bootedAt)) + f('Last reboot reason', REBOOT_REASON);
      s += f('Load averages:', '1 minute   5 minute  15 minute') + `${' '.repeat(35)}${m.load.map((l) => l.padStart(10)).join(' ')}\n`;
    } else s += f('Status', 'Present (not reachable)');
  }
  return s;
}

export function routeEngineText(r: RouteEngineResult): string {
  if (!r.multi) return reText(r.chassis[0]!, r);
  return multiSections(r.chassis.map((c) => ({ reName: c.reName, text: reText(c, r) })));
}
