import type { DeviceSpec } from '../config/types.js';
import { ConfigurationStore } from '../configuration/store.js';
import { initialConfiguration } from '../configuration/initial.js';
import { capabilityFor, DeviceModel, SCHEMA_MODULES, StateStore, type VirtualClock } from '../engine/index.js';
import { SystemState } from '../system/state.js';

export interface DeviceState {
  model: DeviceModel;
  configuration: ConfigurationStore;
  system: SystemState;
  /** Capabilities the hello adds for this device (YANG modules it serves). */
  capabilities: readonly string[];
  release: () => string;
  persist: () => Promise<void>;
}

/**
 * The device model of one device: loaded from the state folder when saved
 * state exists, else fresh from the profile. The config file's settings are
 * applied over loaded state, so editing the YAML takes effect at restart.
 * The configuration and system state are saved beside the model, each in its
 * own file; a saved configuration wins over the YAML (it is what was committed).
 */
export async function createDeviceState(spec: DeviceSpec, clock: VirtualClock, stateDir: string | undefined): Promise<DeviceState> {
  const store = stateDir ? new StateStore(stateDir) : undefined;
  const loaded = store ? await store.load(spec.name) : undefined;
  if (loaded && loaded.profile !== spec.profile) {
    throw new Error(`device ${spec.name}: saved state in ${stateDir} is of profile ${loaded.profile}, the config says ${spec.profile}`);
  }
  const model = loaded ?? DeviceModel.create(spec.profile, spec.settings, { now: clock.now() });
  if (loaded) model.updateSettings(spec.settings);
  const savedConfig = store ? await store.loadDocument(spec.name, 'configuration') : undefined;
  const configuration =
    savedConfig !== undefined
      ? ConfigurationStore.fromJSON(clock, savedConfig)
      : new ConfigurationStore(clock, initialConfiguration(spec, model.settings.mirrorFlashOnDisk));
  const savedSystem = store ? await store.loadDocument(spec.name, 'system') : undefined;
  const system = savedSystem !== undefined ? SystemState.fromJSON(savedSystem) : new SystemState(clock.now());
  const persist = store
    ? async () => {
        await Promise.all([
          store.save(spec.name, model),
          store.saveDocument(`${spec.name}.configuration`, configuration.toJSON()),
          store.saveDocument(`${spec.name}.system`, system.toJSON()),
        ]);
      }
    : async () => undefined;
  if (store) {
    if (!loaded || savedConfig === undefined || savedSystem === undefined) await persist();
    configuration.onChange(() => void persist().catch(() => undefined));
    system.onChange(() => void persist().catch(() => undefined));
  }
  return {
    model,
    configuration,
    system,
    capabilities: SCHEMA_MODULES.map(capabilityFor),
    release: () => model.settings.softwareVersion,
    persist,
  };
}
