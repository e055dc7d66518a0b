/**
 * `show chassis routing-engine` (get-route-engine-information) and
 * `show chassis hardware` (get-chassis-inventory).
 */
import { routingEngineReachable, type DeviceModel, type RoutingEngineState } from '../engine/index.js';
import { el, junosNs, leaf, multiRe } from '../render/tree.js';
import type { XNode } from '../render/tree.js';
import { multiSections } from '../render/text.js';
import type { SystemState } from './state.js';
import { chassisIdentity, chassisList, serialNumber } from './identity.js';

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
  /** Item name in multi-chassis replies (`scc-re0`), '' on a single chassis. */
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
  const list = chassisList(model);
  const chassis = list.map((c): ChassisRes => {
    const res = model.routingEngines().filter((r) => r.chassis === c && (slot === undefined || r.slot === `re${slot}`));
    return {
      reName: c === '' ? '' : `${c}-${localSlot}`,
      rows: res.map((r) => row(model, system, deviceName, r)),
    };
  });
  return { multi: list.length > 1, singleRe: model.routingEngines().filter((r) => r.chassis === list[0]).length === 1, chassis, now };
}

function row(model: DeviceModel, system: SystemState, deviceName: string, r: RoutingEngineState): RouteEngineRow {
  const id = chassisIdentity(model, r.chassis);
  return {
    slot: r.slot === 're1' ? 1 : 0,
    // re0 is master in every chassis of the emulated devices.
    master: r.slot === 're0',
    reachable: routingEngineReachable(model, r.name, r.chassis),
    model: id.reModel,
    memoryMb: id.reMemoryMb,
    serial: serialNumber(deviceName, r.name),
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

function utc(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

const REBOOT_REASON = 'Router rebooted after a normal shutdown.';

function reNode(r: RouteEngineRow, singleRe: boolean, now: number): XNode {
  const up = Math.floor((now - r.bootedAt) / 1000);
  const state = r.master ? 'master' : 'backup';
  return el('route-engine', [
    ...(singleRe ? [] : [leaf('slot', String(r.slot)), leaf('mastership-state', state), leaf('mastership-priority', `${state} (default)`)]),
    leaf('status', r.reachable ? 'OK' : 'Present'),
    leaf('memory-dram-size', `${r.memoryMb} MB`),
    leaf('model', r.model),
    leaf('serial-number', r.serial),
    ...(r.reachable
      ? [
          leaf('start-time', utc(r.bootedAt), [['junos:seconds', String(Math.floor(r.bootedAt / 1000))]]),
          leaf('up-time', uptime(now - r.bootedAt), [['junos:seconds', String(up)]]),
          leaf('last-reboot-reason', REBOOT_REASON),
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
    if (!r.singleRe) s += `  Slot ${row.slot}:\n`;
    if (!r.singleRe) s += f('Current state', row.master ? 'Master' : 'Backup') + f('Election priority', `${row.master ? 'Master' : 'Backup'} (default)`);
    s += f('DRAM', `${row.memoryMb} MB`) + f('Model', row.model) + f('Serial ID', row.serial);
    if (row.reachable) s += f('Start time', utc(row.bootedAt)) + f('Uptime', uptime(r.now - row.bootedAt)) + f('Last reboot reason', REBOOT_REASON);
    else s += f('Status', 'Present (not reachable)');
  }
  return s;
}

export function routeEngineText(r: RouteEngineResult): string {
  if (!r.multi) return reText(r.chassis[0]!, r);
  return multiSections(r.chassis.map((c) => ({ reName: c.reName, text: reText(c, r) })));
}

/** One chassis's inventory: the chassis, its midplane and its REs. */
export interface InventoryChassis {
  readonly reName: string;
  readonly serial: string;
  readonly description: string;
  readonly modules: ReadonlyArray<{ readonly name: string; readonly version: string; readonly part: string; readonly serial: string; readonly description: string }>;
}

export interface InventoryResult {
  readonly multi: boolean;
  readonly chassis: readonly InventoryChassis[];
}

export function inventory(model: DeviceModel, deviceName: string, localSlot: 're0' | 're1'): InventoryResult {
  const list = chassisList(model);
  return {
    multi: list.length > 1,
    chassis: list.map((c) => {
      const id = chassisIdentity(model, c);
      const tag = c === '' ? 'chassis' : c;
      return {
        reName: c === '' ? '' : `${c}-${localSlot}`,
        serial: serialNumber(deviceName, tag),
        description: id.chassisDescription,
        modules: [
          { name: 'Midplane', version: 'REV 03', part: '710-013698', serial: serialNumber(deviceName, `${tag}/midplane`).slice(2, 10), description: `${id.chassisDescription} Midplane` },
          ...model
            .routingEngines()
            .filter((r) => r.chassis === c)
            .map((r) => ({
              name: `Routing Engine ${r.slot === 're1' ? 1 : 0}`,
              version: 'REV 01',
              part: '740-051822',
              serial: serialNumber(deviceName, r.name),
              description: id.reModel,
            })),
        ],
      };
    }),
  };
}

function invNode(c: InventoryChassis, release: string): XNode {
  return el(
    'chassis-inventory',
    [
      el(
        'chassis',
        [
          leaf('name', 'Chassis'),
          leaf('serial-number', c.serial),
          leaf('description', c.description),
          ...c.modules.map((m) =>
            el('chassis-module', [leaf('name', m.name), leaf('version', m.version), leaf('part-number', m.part), leaf('serial-number', m.serial), leaf('description', m.description)]),
          ),
        ],
        [['junos:style', 'inventory']],
      ),
    ],
    [['xmlns', junosNs(release).replace(/junos$/, 'junos-chassis')]],
  );
}

export function inventoryTree(r: InventoryResult, release: string): XNode {
  if (!r.multi) return invNode(r.chassis[0]!, release);
  return multiRe(r.chassis.map((c) => ({ reName: c.reName, body: [invNode(c, release)] })));
}

function invText(c: InventoryChassis): string {
  const line = (a: string, b: string, cc: string, d: string, e: string): string => `${a.padEnd(17)}${b.padEnd(9)}${cc.padEnd(13)}${d.padEnd(18)}${e}\n`;
  let s = 'Hardware inventory:\n' + line('Item', 'Version', 'Part number', 'Serial number', 'Description');
  s += line('Chassis', '', '', c.serial, c.description);
  for (const m of c.modules) s += line(m.name, m.version, m.part, m.serial, m.description);
  return s;
}

export function inventoryText(r: InventoryResult): string {
  if (!r.multi) return invText(r.chassis[0]!);
  return multiSections(r.chassis.map((c) => ({ reName: c.reName, text: invText(c) })));
}
