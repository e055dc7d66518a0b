/**
 * Public face of the device model and snapshot engine. Other layers import
 * only from here.
 */
export { VirtualClock, ClockShutdownError, DEFAULT_CLOCK_SPEED, MAX_CLOCK_SPEED } from './clock.js';
export type { ClockOptions, ClockSpeed } from './clock.js';
export { PROFILE_NAMES, PROFILES, DEFAULT_PROFILE, isProfileName, platformOf } from './profiles.js';
export type { ProfileName, ProfileSpec } from './profiles.js';
export { parseDeviceSettings, isSettingKey, SETTING_KEYS } from './settings.js';
export type { DeviceSettings, BootMedia } from './settings.js';
export { DeviceModel, STATE_FORMAT } from './model.js';
export type { DeviceStateJson, CreateOptions, LoadOptions } from './model.js';
export type * from './state.js';
export type * from './results.js';
export { SnapshotRefusal, MIRROR_REFUSAL } from './errors.js';
export { runSnapshot, planSnapshot, plannedDurationMs, busyMessage } from './snapshot.js';
export type { SnapshotProgress, SnapshotRunOptions } from './snapshot.js';
export { snapshotInformation } from './snapshot-info.js';
export { systemStorage } from './storage.js';
export { localReSlot } from './re-slot.js';
export { StateStore, type StateFileHandle, type StateFs } from './state-store.js';
export { SCHEMA_MODULES, schemaText, capabilityFor } from './schema.js';
export type { SchemaModule } from './schema.js';
export { mediaFailureMessages, routingEngineReachable, unreachableMessage } from './fault-hooks.js';
export type { SnapshotFaultHooks, MediaFailure, MediaFailureKind, CopyTarget } from './fault-hooks.js';
