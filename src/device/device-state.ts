import type { DeviceSpec } from '../config/types.js';
import { capabilityFor, DeviceModel, SCHEMA_MODULES, StateStore, type VirtualClock } from '../engine/index.js';

export interface DeviceState {
  model: DeviceModel;
  /** Capabilities the hello adds for this device (YANG modules it serves). */
  capabilities: readonly string[];
  release: () => string;
  persist: () => Promise<void>;
}

/**
 * The device model of one device: loaded from the state folder when saved
 * state exists, else fresh from the profile. The config file's settings are
 * applied over loaded state, so editing the YAML takes effect at restart.
 */
export async function createDeviceState(spec: DeviceSpec, clock: VirtualClock, stateDir: string | undefined): Promise<DeviceState> {
  const store = stateDir ? new StateStore(stateDir) : undefined;
  const loaded = store ? await store.load(spec.name) : undefined;
  if (loaded && loaded.profile !== spec.profile) {
    throw new Error(`device ${spec.name}: saved state in ${stateDir} is of profile ${loaded.profile}, the config says ${spec.profile}`);
  }
  const model = loaded ?? DeviceModel.create(spec.profile, spec.settings, { now: clock.now() });
  if (loaded) model.updateSettings(spec.settings);
  const persist = store ? () => store.save(spec.name, model) : async () => undefined;
  if (store && !loaded) await persist();
  return {
    model,
    capabilities: SCHEMA_MODULES.map(capabilityFor),
    release: () => model.settings.softwareVersion,
    persist,
  };
}
