/** `show chassis hardware` (get-chassis-inventory). */
import type { DeviceModel } from '../engine/index.js';
import { el, junosNs, leaf, multiRe } from '../render/tree.js';
import type { XNode } from '../render/tree.js';
import { multiSections } from '../render/text.js';
import { chassisIdentity, chassisList, reSerialNumber, serialNumber } from './identity.js';

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
              serial: reSerialNumber(deviceName, r.name),
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
