/**
 * junos-emulator as a library: `import { startEmulator } from 'junos-emulator'`.
 * See docs/library.md.
 */
export { startEmulator, configFromOptions } from './library/start.js';
export type { Emulator, EmulatorOptions, DeviceHandle, DeviceOptions, UserOptions } from './library/start.js';
export type { ClockInfo, DeviceInfo, SessionInfo, SettingsJson } from './control/control-plane.js';
export { ControlError } from './control/control-plane.js';
export type { LogEntry, LogFilter, LogDirection } from './control/request-log.js';
export type { FaultStatus, FaultActionType } from './faults/types.js';
export { FAULT_ACTIONS } from './faults/types.js';
export { ConfigError } from './options/types.js';
export type { ClockSpeed } from './options/types.js';
export type { ProfileName } from './engine/index.js';
export { PROFILE_NAMES } from './engine/index.js';
export { startEmulator as startEmulatorFromConfig } from './compose.js';
export type { RunningEmulator } from './compose.js';
export type { InjectOptions, InjectResult } from './session/inject.js';
export { NetconfClient } from './client/netconf-client.js';
export type { NetconfClientOptions } from './client/netconf-client.js';
export { NetconfError, NetconfConnectError, NetconfClosedError, NetconfTimeoutError, NetconfRpcError } from './client/errors.js';
export type { NetconfErrorCode, RpcErrorInfo } from './client/errors.js';
export { makePackage, readPackage, installsOn, packageName, HARDWARE_LINES } from './packages/index.js';
export type { MakePackageOptions, MadePackage, PackageCheck, PackageProblem, PackageManifest } from './packages/index.js';
