/**
 * Public face of the device model and snapshot engine. Other layers import
 * only from here.
 */
import type { Platform } from '../grammar/types.js';

export type ProfileName = 'mx960' | 'txmatrix' | 'txmatrix-plus' | 'j2350';
export const PROFILE_NAMES: readonly ProfileName[] = ['mx960', 'txmatrix', 'txmatrix-plus', 'j2350'];

export interface DeviceSettings {
  softwareVersion: string;
  memoryMb: number;
  mirrorFlashOnDisk: boolean;
  bootMedia: 'flash' | 'disk';
  corruptPartitionTable: string[];
  connectedLcc: number[];
  insertedMedia: string[];
}

export function platformOf(profile: ProfileName): Platform {
  switch (profile) {
    case 'mx960': return 'mx';
    case 'txmatrix': return 'txmatrix';
    case 'txmatrix-plus': return 'txmatrix-plus';
    case 'j2350': return 'j-series';
  }
}

export function parseDeviceSettings(_raw: Record<string, unknown>, _where: string): Partial<DeviceSettings> {
  return {};
}

export class VirtualClock {
  now(): number { return Date.now(); }
}

export class DeviceModel {
  constructor(readonly profile: ProfileName) {}
}
