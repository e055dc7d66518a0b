import type { DeviceSpec } from '../options/types.js';
import { jsonTextWork } from './json-text-work.js';
import { runSliced } from '../junos-config/slices.js';
import { ConfigurationStore } from '../junos-config/store.js';
import { initialConfiguration } from '../junos-config/initial.js';
import { capabilityFor, DeviceModel, SCHEMA_MODULES, StateStore, type SnapshotFaultHooks, type StateFs, type VirtualClock } from '../engine/index.js';
import { SystemState } from '../system/state.js';
import { SaveQueue } from './save-queue.js';
import { DiskBlobStore, MemoryBlobStore, type BlobStore } from '../files/blob-store.js';
import { DeviceFiles, type FileLimits } from '../files/device-files.js';

/** Version of `<device>.state.json`. */
export const DEVICE_STATE_FORMAT = 1;

/** The one file that holds a device: model, configuration and system state, written together. */
interface DeviceStateDocument {
  format: typeof DEVICE_STATE_FORMAT;
  model: unknown;
  configuration: unknown;
  system: unknown;
}

/** Parts of the layout before the single file: `<device>.json`, `.configuration.json`, `.system.json`. */
const LEGACY_PARTS = ['configuration', 'system'] as const;

export interface DeviceState {
  model: DeviceModel;
  configuration: ConfigurationStore;
  system: SystemState;
  /** Capabilities the hello adds for this device (YANG modules it serves). */
  capabilities: readonly string[];
  release: () => string;
  /** Changes of state so far; always 0 without a state folder (nothing to wait for). */
  changeCount: () => number;
  /** Resolves once every change made so far is on disk; rejects when that write fails. */
  persist: () => Promise<void>;
  /** The device's file tree (src/files/device-files.ts); contents in `<state folder>/blobs` or memory. */
  files: DeviceFiles;
}

export interface DeviceStateOptions {
  /** Hears failures of writes no request waits for. */
  onBackgroundError?: (err: unknown) => void;
  /** File operations (tests inject failures). */
  fs?: StateFs;
  /** The fault plan's hooks into the snapshot engine, given to the model however it is made. */
  faultHooks?: SnapshotFaultHooks;
  /** Limits of the file tree (the device's `limits`); read at each write. */
  fileLimits?: () => FileLimits;
}

/**
 * The state of one device: loaded from the state folder when saved state
 * exists, else fresh from the profile. The config file's settings are
 * applied over loaded state, so editing the YAML takes effect at restart.
 * Model, configuration and system state live in one file, so a kill never
 * leaves one part newer than another; a saved configuration wins over the
 * YAML (it is what was committed).
 */
export async function createDeviceState(spec: DeviceSpec, clock: VirtualClock, stateDir: string | undefined, opts: DeviceStateOptions = {}): Promise<DeviceState> {
  const store = stateDir ? new StateStore(stateDir, opts.fs) : undefined;
  await store?.removeTemporaries();
  const saved: Saved = store ? await loadSaved(store, spec.name, opts.faultHooks) : {};
  if (saved.model && saved.model.profile !== spec.profile) {
    throw new Error(`device ${spec.name}: saved state in ${stateDir} is of profile ${saved.model.profile}, the config says ${spec.profile}`);
  }
  const model = saved.model ?? DeviceModel.create(spec.profile, spec.settings, { now: clock.now(), faultHooks: opts.faultHooks });
  if (saved.model) model.updateSettings(spec.settings);
  const configuration =
    saved.configuration !== undefined
      ? ConfigurationStore.fromJSON(clock, saved.configuration)
      : new ConfigurationStore(clock, initialConfiguration(spec, model.settings.mirrorFlashOnDisk));
  const system = saved.system !== undefined ? SystemState.fromJSON(saved.system) : new SystemState(clock.now());
  const blobs: BlobStore = stateDir ? new DiskBlobStore(stateDir) : new MemoryBlobStore();
  let persist: () => Promise<void> = () => Promise.resolve();
  const fileLimits = opts.fileLimits ?? (() => ({ maxFileBytes: spec.limits.maxFileBytes }));
  const files = new DeviceFiles(model, blobs, fileLimits, () => clock.now(), () => persist());
  const base = { model, configuration, system, files, capabilities: SCHEMA_MODULES.map(capabilityFor), release: () => model.settings.softwareVersion };
  if (!store) return { ...base, changeCount: () => 0, persist };

  // The state of this moment: the model and system copied now, the configuration's trees
  // (immutable) shared; written out in slices, so a large configuration's history
  // (up to 50 full trees) does not hold the event loop while it becomes text.
  const snapshot = (): DeviceStateDocument => ({
    format: DEVICE_STATE_FORMAT,
    model: model.toJSON(),
    configuration: configuration.toJSON(),
    system: structuredClone(system.toJSON()),
  });
  const queue = new SaveQueue(
    () => store.saveDocumentText(`${spec.name}.state`, runSliced(jsonTextWork(snapshot(), 2)).then((t) => `${t}\n`)),
    opts.onBackgroundError ?? (() => undefined),
  );
  const changed = (): void => queue.markChanged();
  model.onChange(changed);
  configuration.onChange(changed);
  system.onChange(changed);
  // A fresh device, or one saved in the older layout, is written now, before it serves.
  if (!saved.complete) {
    queue.markChanged();
    await queue.flush();
  }
  const documents = await store.documents();
  for (const part of ['', ...LEGACY_PARTS.map((p) => `.${p}`)]) {
    if (documents.includes(`${spec.name}${part}`)) await store.removeDocument(`${spec.name}${part}`);
  }
  persist = () => queue.flush() ?? Promise.resolve();
  // Blobs no saved state names (deleted files, writes a kill cut off) are removed before serving.
  await blobs.collect(files.referencedBlobs());
  return { ...base, changeCount: () => queue.changes, persist };
}

interface Saved {
  model?: DeviceModel;
  configuration?: unknown;
  system?: unknown;
  /** True when read from the single file; the three-file layout is rewritten as one and removed. */
  complete?: boolean;
}

async function loadSaved(store: StateStore, name: string, faultHooks: SnapshotFaultHooks | undefined): Promise<Saved> {
  const doc = await store.loadDocument(name, 'state');
  if (doc !== undefined) {
    const d = doc as Partial<DeviceStateDocument> | null;
    if (!d || d.format !== DEVICE_STATE_FORMAT || d.model === undefined || d.configuration === undefined || d.system === undefined) {
      throw new Error(`${store.fileFor(`${name}.state`)}: unsupported or damaged device state`);
    }
    let model: DeviceModel;
    try {
      model = DeviceModel.fromJSON(d.model, { faultHooks });
    } catch (e) {
      throw new Error(`${store.fileFor(`${name}.state`)}: ${(e as Error).message}`);
    }
    return { model, configuration: d.configuration, system: d.system, complete: true };
  }
  const model = await store.load(name, { faultHooks });
  const configuration = await store.loadDocument(name, LEGACY_PARTS[0]);
  const system = await store.loadDocument(name, LEGACY_PARTS[1]);
  return { model, configuration, system, complete: false };
}
