/**
 * Hardware identity of each profile: what `show version`, `show chassis
 * routing-engine` and `show chassis hardware` report. Values are plausible
 * for the hardware each profile stands for; serial numbers derive from the
 * device name so every emulated box has its own, stably.
 */
import { createHash } from 'node:crypto';
import type { ProfileName } from '../engine/index.js';
import type { DeviceModel } from '../engine/index.js';
import type { RoutingEngineState } from '../engine/index.js';

export interface ChassisIdentity {
  /** `Model:` line and `<product-model>` (lower case, as Junos prints it). */
  readonly productModel: string;
  /** `<description>` of the chassis in the inventory. */
  readonly chassisDescription: string;
  readonly reModel: string;
  readonly reMemoryMb: number;
}

const IDENTITY: Readonly<Record<ProfileName, { sw: ChassisIdentity; lcc?: ChassisIdentity }>> = {
  mx960: { sw: { productModel: 'mx960', chassisDescription: 'MX960', reModel: 'RE-S-1800x4', reMemoryMb: 16384 } },
  txmatrix: {
    sw: { productModel: 'txp', chassisDescription: 'TX Matrix', reModel: 'RE-A-2000', reMemoryMb: 2048 },
    lcc: { productModel: 't640', chassisDescription: 'T640', reModel: 'RE-A-2000', reMemoryMb: 2048 },
  },
  'txmatrix-plus': {
    sw: { productModel: 'txp', chassisDescription: 'TXP', reModel: 'RE-DUO-C2600-16G', reMemoryMb: 16384 },
    lcc: { productModel: 't1600', chassisDescription: 'T1600', reModel: 'RE-DUO-C2600-16G', reMemoryMb: 16384 },
  },
  j2350: { sw: { productModel: 'j2350', chassisDescription: 'J2350', reModel: 'RE-J2350-2540', reMemoryMb: 512 } },
};

export function chassisIdentity(model: DeviceModel, chassis: string): ChassisIdentity {
  const id = IDENTITY[model.profile];
  return chassis.startsWith('lcc') && id.lcc ? id.lcc : id.sw;
}

export function serialNumber(deviceName: string, what: string): string {
  const h = createHash('sha256').update(`${deviceName}/${what}`).digest('hex').toUpperCase();
  return `JN${h.slice(0, 10)}`;
}

/** The RE a session is logged in to: its slot in the switch chassis (or the only chassis). */
export function localRoutingEngine(model: DeviceModel, sessionRe: string): RoutingEngineState {
  const slot: 're0' | 're1' = sessionRe.endsWith('re1') ? 're1' : 're0';
  return model.routingEngineIn(model.spec.switchChassis, slot) ?? model.routingEngines()[0]!;
}

/** Chassis of the device in display order: the switch chassis, then connected LCCs. */
export function chassisList(model: DeviceModel): string[] {
  const sw = model.spec.switchChassis;
  if (sw === '') return [''];
  return [sw, ...model.settings.connectedLcc.map((n) => `lcc${n}`)];
}

/** Every RE `invoke-on all-routing-engines` reaches, in display order. */
export function allRoutingEngines(model: DeviceModel): RoutingEngineState[] {
  return chassisList(model).flatMap((c) => model.routingEngines().filter((r) => r.chassis === c));
}
