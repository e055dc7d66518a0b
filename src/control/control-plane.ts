/**
 * Every run-time control operation, as plain methods taking and returning
 * JSON-shaped values. The HTTP API and the library handles are thin layers
 * over this, so both behave the same.
 */
import { parseDuration } from '../options/duration.js';
import type { ClockSpeed } from '../options/types.js';
import type { EmulatedDevice } from '../device/device.js';
import { isSettingKey, MAX_CLOCK_SPEED, parseDeviceSettings, SETTING_KEYS, type DeviceSettings, type VirtualClock } from '../engine/index.js';
import { FaultSpecError } from '../faults/parse.js';
import type { FaultPlan } from '../faults/plan.js';
import type { FaultStatus } from '../faults/types.js';
import type { LogDirection, LogEntry, LogFilter, RequestLog } from './request-log.js';

/** The virtual clock can be advanced up to the end of year 9999. */
const LATEST_VIRTUAL_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A refused control request: `status` is the HTTP status the API answers with. */
export class ControlError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface SessionInfo {
  id: number;
  user: string;
  userClass: string;
  routingEngine: string;
  remoteAddress: string;
  startedAt: string;
  rpcCount?: number;
  bytesIn?: number;
  bytesOut?: number;
}

export interface DeviceInfo {
  name: string;
  profile: string;
  hostname: string;
  running: boolean;
  host: string;
  ports: Array<{ re: string; port: number }>;
  users: Array<{ name: string; class: string; password?: string }>;
  sessions: SessionInfo[];
}

export interface ClockInfo {
  /** Virtual epoch ms and as ISO 8601. */
  now: number;
  time: string;
  paused: boolean;
  speed: ClockSpeed;
  /** Sleeps waiting on the clock (snapshot steps, delayed replies). */
  pending: number;
}

export type SettingsJson = Record<string, unknown>;

export interface ControlPlaneDeps {
  host: string;
  devices: readonly EmulatedDevice[];
  clock: VirtualClock;
  log: RequestLog;
  faults: FaultPlan;
}

const DIRECTIONS: readonly LogDirection[] = ['in', 'out', 'cli-in', 'cli-out', 'fault', 'event'];

export class ControlPlane {
  private readonly d: ControlPlaneDeps;
  private readonly byName: Map<string, EmulatedDevice>;

  constructor(d: ControlPlaneDeps) {
    this.d = d;
    this.byName = new Map(d.devices.map((x) => [x.name, x]));
  }

  listDevices(): DeviceInfo[] {
    return this.d.devices.map((x) => this.info(x));
  }

  getDevice(name: string): DeviceInfo {
    return this.info(this.dev(name));
  }

  sessions(name: string): SessionInfo[] {
    return this.dev(name)
      .sessions.list()
      .map((s) => {
        const n = s as Partial<{ rpcCount: number; bytesIn: number; bytesOut: number }>;
        const out: SessionInfo = {
          id: s.id,
          user: s.user,
          userClass: s.userClass,
          routingEngine: s.routingEngine,
          remoteAddress: s.remoteAddress,
          startedAt: s.startedAt.toISOString(),
        };
        if (typeof n.rpcCount === 'number') out.rpcCount = n.rpcCount;
        if (typeof n.bytesIn === 'number') out.bytesIn = n.bytesIn;
        if (typeof n.bytesOut === 'number') out.bytesOut = n.bytesOut;
        return out;
      });
  }

  /** Ends a session from outside, as `<kill-session>` would; its channel closes. */
  killSession(name: string, id: number): void {
    const s = this.dev(name).sessions.get(id);
    if (!s) throw new ControlError(404, `device ${name} has no session ${id}`);
    this.d.log.add({ device: name, session: id, user: s.user, direction: 'event', event: 'session killed through the control API' });
    s.terminate('killed through the control API');
  }

  /** Powers a device off: its ports refuse connections and its sessions end. */
  async stopDevice(name: string): Promise<DeviceInfo> {
    const dev = this.dev(name);
    await dev.stop();
    this.d.log.add({ device: name, session: null, direction: 'event', event: 'device stopped' });
    return this.info(dev);
  }

  /** Powers a device on again, on the same ports. */
  async startDevice(name: string): Promise<DeviceInfo> {
    const dev = this.dev(name);
    try {
      await dev.start();
    } catch (err) {
      throw new ControlError(409, `device ${name} could not start: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.d.log.add({ device: name, session: null, direction: 'event', event: 'device started' });
    return this.info(dev);
  }

  /** Settings under their config-file keys (`boot-media`, `connected-lcc`...). */
  settings(name: string): SettingsJson {
    return settingsJson(this.dev(name).model.settings);
  }

  /** Changes settings at run time; keys as in the config file. Validated like the file; nothing changes on error. */
  async updateSettings(name: string, patch: unknown): Promise<SettingsJson> {
    const dev = this.dev(name);
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw new ControlError(400, `expected a JSON object of settings (${Object.values(SETTING_KEYS).join(', ')})`);
    }
    for (const k of Object.keys(patch)) {
      if (!isSettingKey(k)) throw new ControlError(400, `settings.${k}: unknown setting (one of ${Object.values(SETTING_KEYS).join(', ')})`);
    }
    let parsed: Partial<DeviceSettings>;
    try {
      parsed = parseDeviceSettings(patch as Record<string, unknown>, 'settings');
    } catch (err) {
      throw new ControlError(400, err instanceof Error ? err.message : String(err));
    }
    dev.model.updateSettings(parsed);
    await saveOrFail(dev);
    this.d.log.add({ device: name, session: null, direction: 'event', event: `settings changed: ${JSON.stringify(patch)}` });
    return settingsJson(dev.model.settings);
  }

  /** Back to the state of a fresh device of its profile with its configured settings. Sessions stay. */
  async resetDevice(name: string): Promise<SettingsJson> {
    const dev = this.dev(name);
    dev.resetState();
    await saveOrFail(dev);
    this.d.log.add({ device: name, session: null, direction: 'event', event: 'device reset to its initial state' });
    return settingsJson(dev.model.settings);
  }

  clock(): ClockInfo {
    const c = this.d.clock;
    const now = c.now();
    return { now, time: new Date(now).toISOString(), paused: c.paused, speed: c.speed, pending: c.pending() };
  }

  pauseClock(): ClockInfo {
    this.d.clock.pause();
    return this.clock();
  }

  resumeClock(): ClockInfo {
    this.d.clock.resume();
    return this.clock();
  }

  setClockSpeed(speed: unknown): ClockInfo {
    const n = typeof speed === 'string' && speed !== 'instant' ? Number(speed) : speed;
    if (n !== 'instant' && !(typeof n === 'number' && n > 0 && n <= MAX_CLOCK_SPEED)) {
      throw new ControlError(400, `speed: expected a positive number up to ${MAX_CLOCK_SPEED} (virtual ms per real ms) or 'instant'`);
    }
    this.d.clock.setSpeed(n);
    return this.clock();
  }

  /** Moves virtual time on; every sleep that falls due completes (a paused snapshot finishes). */
  advanceClock(by: unknown): ClockInfo {
    const ms = parseDuration(by);
    if (ms === undefined) throw new ControlError(400, 'by: expected a duration such as 500ms, 30s, 15m, 1h30m or a number of ms');
    // Past year 9999 a date has no Junos (or ISO 8601) rendering; refuse before the clock moves.
    const room = LATEST_VIRTUAL_TIME - this.d.clock.now();
    if (ms > room) throw new ControlError(400, `by: ${ms} ms would move the clock past ${new Date(LATEST_VIRTUAL_TIME).toISOString()} (at most ${Math.max(0, Math.floor(room))} ms from now)`);
    this.d.clock.advance(ms);
    return this.clock();
  }

  requestLog(filter: LogFilter = {}): LogEntry[] {
    if (filter.direction !== undefined && !DIRECTIONS.includes(filter.direction)) {
      throw new ControlError(400, `direction: expected one of ${DIRECTIONS.join(', ')}`);
    }
    if (filter.device !== undefined) this.dev(filter.device);
    return this.d.log.query(filter);
  }

  clearRequestLog(): void {
    this.d.log.clear();
  }

  listFaults(): FaultStatus[] {
    return this.d.faults.list();
  }

  /** Arms one fault or a list (the config file's form). Unknown devices are refused. */
  armFaults(spec: unknown): FaultStatus[] {
    const list = Array.isArray(spec) ? spec : [spec];
    for (const f of list) {
      const dev = typeof f === 'object' && f !== null ? (f as Record<string, unknown>)['device'] : undefined;
      for (const name of Array.isArray(dev) ? dev : dev === undefined ? [] : [dev]) {
        if (typeof name === 'string' && !this.byName.has(name)) throw new ControlError(400, `device: no device named '${name}'`);
      }
    }
    try {
      return this.d.faults.arm(spec);
    } catch (err) {
      if (err instanceof FaultSpecError) throw new ControlError(400, err.message);
      throw err;
    }
  }

  clearFaults(id?: string): void {
    if (!this.d.faults.clear(id)) throw new ControlError(404, `no fault with id '${id}'`);
  }

  private dev(name: string): EmulatedDevice {
    const d = this.byName.get(name);
    if (!d) throw new ControlError(404, `no device named '${name}'`);
    return d;
  }

  private info(x: EmulatedDevice): DeviceInfo {
    return {
      name: x.name,
      profile: x.profile,
      hostname: x.hostname(),
      running: x.running,
      host: this.d.host,
      ports: x.running ? x.ports() : x.lastPorts(),
      users: x.spec.users.map((u) => ({ name: u.name, class: u.class, ...(u.password !== undefined ? { password: u.password } : {}) })),
      sessions: this.sessions(x.name),
    };
  }
}

/** Answers only once the change is on disk; a failed write is a 500 with the reason. */
async function saveOrFail(dev: EmulatedDevice): Promise<void> {
  try {
    await dev.persist();
  } catch (err) {
    throw new ControlError(500, `could not save the device state: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function settingsJson(s: Readonly<DeviceSettings>): SettingsJson {
  const out: SettingsJson = {};
  for (const [field, key] of Object.entries(SETTING_KEYS)) out[key] = structuredClone(s[field as keyof DeviceSettings]);
  return out;
}
