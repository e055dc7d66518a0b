/**
 * Hardware identity of each profile: what `show version`, `show chassis
 * routing-engine` and `show chassis hardware` report. Values are plausible
 * for the hardware each profile stands for; serial numbers derive from the
 * device name so every emulated box has its own, stably.
 */
import { createHash } from 'node:crypto';
import type { ProfileName } from '../engine/index.js';
import { localReSlot, type DeviceModel } from '../engine/index.js';
import type { RoutingEngineState } from '../engine/index.js';

export interface ChassisIdentity {
  /** `Model:` line and `<product-model>` (lower case, as Junos prints it). */
  readonly productModel: string;
  /** `<description>` of the chassis in the inventory. */
  readonly chassisDescription: string;
  readonly reModel: string;
  readonly reMemoryMb: number;
}

const RE_S_1800 = { productModel: 'mx960', chassisDescription: 'MX960', reModel: 'RE-S-1800x4', reMemoryMb: 16384 } as const;
const SRX300 = { productModel: 'srx300', chassisDescription: 'SRX300', reModel: 'RE-SRX300', reMemoryMb: 4096 } as const;

const IDENTITY: Readonly<Record<ProfileName, { sw: ChassisIdentity; lcc?: ChassisIdentity }>> = {
  // A 9.3 MX960 ran RE-S-2000s (RE-S-1800 came with 10.x).
  mx960: { sw: { productModel: 'mx960', chassisDescription: 'MX960', reModel: 'RE-S-2000', reMemoryMb: 4096 } },
  txmatrix: {
    sw: { productModel: 'txp', chassisDescription: 'TX Matrix', reModel: 'RE-A-2000', reMemoryMb: 2048 },
    lcc: { productModel: 't640', chassisDescription: 'T640', reModel: 'RE-A-2000', reMemoryMb: 2048 },
  },
  'txmatrix-plus': {
    sw: { productModel: 'txp', chassisDescription: 'TXP', reModel: 'RE-DUO-C2600-16G', reMemoryMb: 16384 },
    lcc: { productModel: 't1600', chassisDescription: 'T1600', reModel: 'RE-DUO-C2600-16G', reMemoryMb: 16384 },
  },
  j2350: { sw: { productModel: 'j2350', chassisDescription: 'J2350', reModel: 'RE-J2350-2540', reMemoryMb: 512 } },
  'mx960-18.4': { sw: RE_S_1800 },
  'mx960-21.4': { sw: RE_S_1800 },
  'mx960-23.4': { sw: RE_S_1800 },
  mx80: { sw: { productModel: 'mx80', chassisDescription: 'MX80', reModel: 'RE-MX80', reMemoryMb: 2048 } },
  mx104: { sw: { productModel: 'mx104', chassisDescription: 'MX104', reModel: 'RE-MX-104', reMemoryMb: 4096 } },
  'ex4300-vc': { sw: { productModel: 'ex4300-48t', chassisDescription: 'EX4300-48T', reModel: 'EX4300-48T', reMemoryMb: 2048 } },
  srx300: { sw: SRX300 },
  'srx300-cluster': { sw: SRX300 },
};

export function chassisIdentity(model: DeviceModel, chassis: string): ChassisIdentity {
  const id = IDENTITY[model.profile];
  return chassis.startsWith('lcc') && id.lcc ? id.lcc : id.sw;
}

/** RE serial numbers are digits on real REs (`9013088309`, PyEZ's re_info_dual fixture). */
export function reSerialNumber(deviceName: string, re: string): string {
  const h = createHash('sha256').update(`${deviceName}/${re}/re`).digest();
  return Array.from(h.subarray(0, 10), (b) => String(b % 10)).join('').replace(/^0/, '9');
}

export function serialNumber(deviceName: string, what: string): string {
  const h = createHash('sha256').update(`${deviceName}/${what}`).digest('hex').toUpperCase();
  return `JN${h.slice(0, 10)}`;
}

/** The RE a session is logged in to: its slot in the switch chassis (or the only chassis). */
export function localRoutingEngine(model: DeviceModel, sessionRe: string): RoutingEngineState {
  return model.routingEngineIn(model.spec.switchChassis, localReSlot(sessionRe)) ?? model.routingEngines()[0]!;
}

/** Chassis of the device in display order: the switch chassis, then connected LCCs. */
export function chassisList(model: DeviceModel): string[] {
  const sw = model.spec.switchChassis;
  if (sw === '') return [''];
  return [sw, ...model.settings.connectedLcc.map((n) => `lcc${n}`)];
}

/**
 * Every RE `invoke-on all-routing-engines` reaches, in display order. On a
 * routing matrix that is each chassis's master RE (the TX Matrix Plus fixture
 * of PyEZ, 14.2R4: sfc0-re0, lcc0-re0, lcc2-re0); elsewhere both REs.
 */
export function allRoutingEngines(model: DeviceModel): RoutingEngineState[] {
  const matrix = model.spec.switchChassis !== '';
  return chassisList(model).flatMap((c) => model.routingEngines().filter((r) => r.chassis === c && (!matrix || r.slot === 're0')));
}
