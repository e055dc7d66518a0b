/**
 * The library entry point: start devices in-process from friendly options
 * and get handles with ports, logins and the control operations as methods.
 *
 *   const emu = await startEmulator({ devices: [{ profile: 'mx960' }], speed: 'instant' });
 *   const r1 = emu.devices[0];  // { name, host, port, username, password, ... }
 *   emu.clock.pause(); await r1.stop(); await emu.stop();
 */
import type { ClockInfo, DeviceInfo, SessionInfo, SettingsJson } from '../control/control-plane.js';
import type { LogEntry, LogFilter } from '../control/request-log.js';
import { DEFAULT_CONTROL_HOST, DEFAULT_HOST, DEFAULT_LIMITS, DEFAULT_USER } from '../options/defaults.js';
import { checkDeviceName } from '../options/names.js';
import { ConfigError, type ClockSpeed, type DeviceSpec, type EmulatorConfig, type Limits, type UserSpec } from '../options/types.js';
import { startEmulator as startFromConfig, type RunningEmulator } from '../compose.js';
import { isProfileName, parseDeviceSettings, type ProfileName } from '../engine/index.js';
import type { FaultStatus } from '../faults/types.js';
import { createLogger, type Logger } from '../log/logger.js';
import { defaultKeysDir } from '../transport/device-keys.js';

export interface UserOptions {
  name: string;
  password: string;
  /** Login class (default super-user). */
  class?: string;
}

export interface DeviceOptions {
  /** Default `junosN` in order. */
  name?: string;
  /** Default mx960. */
  profile?: ProfileName;
  /** Default 0: a free port. */
  port?: number;
  /** Adds a backup-RE endpoint (0: a free port). */
  backupRePort?: number;
  /** Device settings under their config-file keys (`boot-media`, `connected-lcc`...). */
  settings?: Record<string, unknown>;
  rfcCompliant?: boolean;
  /** Users of this device only (the top-level users log in too). */
  users?: UserOptions[];
  limits?: Partial<Limits>;
}

export interface EmulatorOptions {
  /** A count of default devices, or one entry per device. Default one mx960. */
  devices?: number | DeviceOptions[];
  /** Profile of devices that do not name one. */
  profile?: ProfileName;
  /** Virtual ms per real ms, or 'instant' (the default here: tests should not wait). */
  speed?: ClockSpeed;
  /** Default one `admin`/`admin123` super-user. */
  users?: UserOptions[];
  host?: string;
  /** Host keys are generated here once and reused (default: keys/ of a writable checkout, else the user's state directory; docs/packaging.md). */
  keysDir?: string;
  stateDir?: string;
  /** Faults armed at start, in the YAML/JSON form of docs/control-api.md. */
  faults?: unknown[];
  /** Also serve the HTTP control API (0: a free port). */
  controlPort?: number;
  /** Address of the control API (default 127.0.0.1, whatever `host` says). */
  controlHost?: string;
  controlToken?: string;
  transcriptDir?: string;
  /** pino level for the emulator's own log (default silent). */
  logLevel?: string;
  logger?: Logger;
}

/** One device and the control operations that concern it. */
export interface DeviceHandle {
  readonly name: string;
  readonly profile: ProfileName;
  readonly host: string;
  /** Port of the master RE (re0). */
  readonly port: number;
  readonly backupRePort: number | undefined;
  /** The first user's login (library users always have a password). */
  readonly username: string;
  readonly password: string;
  info(): DeviceInfo;
  sessions(): SessionInfo[];
  killSession(id: number): void;
  /** Powers off: the port refuses connections until start(). */
  stop(): Promise<DeviceInfo>;
  start(): Promise<DeviceInfo>;
  settings(): SettingsJson;
  updateSettings(patch: Record<string, unknown>): Promise<SettingsJson>;
  reset(): Promise<SettingsJson>;
  requestLog(filter?: Omit<LogFilter, 'device'>): LogEntry[];
  /** Arms a fault scoped to this device. */
  armFault(spec: Record<string, unknown>): FaultStatus;
}

export interface Emulator {
  readonly devices: readonly DeviceHandle[];
  device(name: string): DeviceHandle;
  /** Base URL of the HTTP control API, when `controlPort` was given. */
  readonly controlUrl: string | undefined;
  readonly clock: {
    info(): ClockInfo;
    pause(): ClockInfo;
    resume(): ClockInfo;
    setSpeed(speed: ClockSpeed): ClockInfo;
    /** A duration (`15m`, `90s`) or milliseconds. */
    advance(by: string | number): ClockInfo;
  };
  readonly faults: {
    arm(spec: unknown): FaultStatus[];
    list(): FaultStatus[];
    clear(id?: string): void;
  };
  requestLog(filter?: LogFilter): LogEntry[];
  clearRequestLog(): void;
  /** The underlying running emulator, for what the handles do not cover. */
  readonly running: RunningEmulator;
  stop(): Promise<void>;
}

function toUser(u: UserOptions, where: string): UserSpec {
  if (typeof u.name !== 'string' || u.name === '') throw new ConfigError(`${where}.name: expected a non-empty string`);
  if (typeof u.password !== 'string' || u.password === '') throw new ConfigError(`${where}.password: expected a non-empty string`);
  return { name: u.name, password: u.password, class: u.class ?? 'super-user' };
}

/** Builds the same configuration the YAML loader would, from friendly options. */
export function configFromOptions(o: EmulatorOptions): EmulatorConfig {
  const entries: DeviceOptions[] = typeof o.devices === 'number' ? Array.from({ length: o.devices }, () => ({})) : (o.devices ?? [{}]);
  if (entries.length === 0) throw new ConfigError('devices: expected at least one device');
  const globalUsers = (o.users ?? [{ ...DEFAULT_USER }]).map((u, i) => toUser(u, `users[${i}]`));
  const devices: DeviceSpec[] = entries.map((d, i) => {
    const name = checkDeviceName(d.name ?? `junos${i + 1}`, `devices[${i}].name`);
    const profile = d.profile ?? o.profile ?? 'mx960';
    if (!isProfileName(profile)) throw new ConfigError(`devices[${i}].profile: unknown profile '${String(profile)}'`);
    let settings;
    try {
      settings = parseDeviceSettings(d.settings ?? {}, `devices[${i}].settings`);
    } catch (err) {
      throw new ConfigError(err instanceof Error ? err.message : String(err));
    }
    const own = (d.users ?? []).map((u, j) => toUser(u, `devices[${i}].users[${j}]`)).filter((u) => !globalUsers.some((g) => g.name === u.name));
    const spec: DeviceSpec = {
      name,
      port: d.port ?? 0,
      profile,
      hostname: name,
      users: [...globalUsers, ...own],
      rfcCompliant: d.rfcCompliant ?? false,
      version11: d.rfcCompliant ?? false,
      limits: { ...DEFAULT_LIMITS, ...d.limits },
      settings,
    };
    if (d.backupRePort !== undefined) spec.backupRePort = d.backupRePort;
    return spec;
  });
  const names = new Set<string>();
  for (const d of devices) {
    if (names.has(d.name)) throw new ConfigError(`devices: duplicate name '${d.name}'`);
    names.add(d.name);
  }
  const config: EmulatorConfig = {
    host: o.host ?? DEFAULT_HOST,
    keysDir: o.keysDir ?? defaultKeysDir(),
    hostKeyFiles: [],
    speed: o.speed ?? 'instant',
    logLevel: o.logLevel ?? 'silent',
    classes: {},
    devices,
  };
  if (o.stateDir !== undefined) config.stateDir = o.stateDir;
  if (o.faults !== undefined) config.faults = o.faults;
  if (o.controlPort !== undefined) {
    config.control = { host: o.controlHost ?? DEFAULT_CONTROL_HOST, port: o.controlPort };
    if (o.controlToken !== undefined) config.control.token = o.controlToken;
  }
  if (o.transcriptDir !== undefined) config.transcriptDir = o.transcriptDir;
  return config;
}

function deviceHandle(run: RunningEmulator, name: string): DeviceHandle {
  const c = run.control;
  const dev = run.device(name)!;
  const ports = dev.lastPorts();
  const user = dev.spec.users[0];
  return {
    name,
    profile: dev.profile,
    host: run.config.host,
    port: ports.find((p) => p.re === 're0')!.port,
    backupRePort: ports.find((p) => p.re === 're1')?.port,
    username: user?.name ?? '',
    password: user?.password ?? '',
    info: () => c.getDevice(name),
    sessions: () => c.sessions(name),
    killSession: (id) => c.killSession(name, id),
    stop: () => c.stopDevice(name),
    start: () => c.startDevice(name),
    settings: () => c.settings(name),
    updateSettings: (patch) => c.updateSettings(name, patch),
    reset: () => c.resetDevice(name),
    requestLog: (filter = {}) => c.requestLog({ ...filter, device: name }),
    armFault: (spec) => c.armFaults({ ...spec, device: name })[0]!,
  };
}

/** Starts the devices in this process; resolves once every one listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = configFromOptions(options);
  const run = await startFromConfig(config, { logger: options.logger ?? createLogger(config.logLevel), recordTraffic: true });
  const c = run.control;
  const handles = run.devices.map((d) => deviceHandle(run, d.name));
  const byName = new Map(handles.map((h) => [h.name, h]));
  return {
    devices: handles,
    device: (name) => {
      const h = byName.get(name);
      if (!h) throw new Error(`no device named '${name}'`);
      return h;
    },
    controlUrl: run.controlUrl,
    clock: {
      info: () => c.clock(),
      pause: () => c.pauseClock(),
      resume: () => c.resumeClock(),
      setSpeed: (speed) => c.setClockSpeed(speed),
      advance: (by) => c.advanceClock(by),
    },
    faults: {
      arm: (spec) => c.armFaults(spec),
      list: () => c.listFaults(),
      clear: (id) => c.clearFaults(id),
    },
    requestLog: (filter) => c.requestLog(filter),
    clearRequestLog: () => c.clearRequestLog(),
    running: run,
    stop: () => run.stop(),
  };
}
