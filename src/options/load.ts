import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { MAX_CLOCK_SPEED, PROFILE_NAMES, isSettingKey, parseDeviceSettings, type ProfileName } from '../engine/index.js';
import { KNOWN_PERMISSIONS, PREDEFINED_CLASSES } from '../session/login-class.js';
import {
  DEFAULT_DEVICE_NAME,
  DEFAULT_HOST,
  DEFAULT_LIMITS,
  DEFAULT_PORT,
  DEFAULT_PROFILE,
  DEFAULT_SPEED,
  DEFAULT_USER,
} from './defaults.js';
import { parseDuration } from './duration.js';
import { fleetEntries } from './fleet.js';
import { HARNESS_KEYS, parseHarness } from './harness.js';
import { parseWorkers } from './workers.js';
import { checkDeviceName } from './names.js';
import { SHA_CRYPT_MAX_ROUNDS, SHA_CRYPT_MIN_ROUNDS } from '../transport/crypt.js';
import { ConfigError, type ClockSpeed, type DeviceSpec, type EmulatorConfig, type Limits, type UserSpec } from './types.js';

type Obj = Record<string, unknown>;

/** Options from the command line; each overrides the file. */
export interface CommandLineOptions {
  config?: string;
  host?: string;
  port?: number;
  profile?: string;
  users?: string[];
  authorizedKeys?: string;
  stateDir?: string;
  rfcCompliant?: boolean;
  speed?: string;
  logLevel?: string;
  keysDir?: string;
  /** Fleet: this many devices of `profile` on ports from `basePort`. */
  devices?: number;
  basePort?: number;
  /** Serve one shard of the fleet: `shardIndex` is a number or 'hostname' (src/options/shard.ts). */
  shardCount?: number;
  shardIndex?: string;
  /** Control API address (default loopback), port (0 = a free one) and bearer token. */
  controlHost?: string;
  controlPort?: number;
  controlToken?: string;
  /** Per-session transcripts in Junos traceoptions format. */
  transcriptDir?: string;
  /** SSH worker processes (src/workers); a string as commander gives it. */
  workers?: string | number;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function refuseUnknown(o: Obj, allowed: readonly string[], where: string, extra: (k: string) => boolean = () => false): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k) && !extra(k)) throw new ConfigError(`${where}.${k}: unknown key`);
  }
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '') throw new ConfigError(`${where}: expected a non-empty string`);
  return v;
}

function int(v: unknown, where: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ConfigError(`${where}: expected an integer from ${min} to ${max}`);
  }
  return v;
}

function bool(v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') throw new ConfigError(`${where}: expected true or false`);
  return v;
}

export function parseSpeed(v: unknown, where: string): ClockSpeed {
  if (v === 'instant') return 'instant';
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !(n > 0 && n <= MAX_CLOCK_SPEED)) {
    throw new ConfigError(`${where}: expected a positive number up to ${MAX_CLOCK_SPEED} or 'instant'`);
  }
  return n;
}

/** `NAME:PASSWORD[:CLASS]`, as given to --user. The password may itself hold colons only if a class follows. */
export function parseUserFlag(flag: string): UserSpec {
  const first = flag.indexOf(':');
  if (first <= 0) throw new ConfigError(`--user ${flag}: expected NAME:PASSWORD[:CLASS]`);
  const name = flag.slice(0, first);
  const rest = flag.slice(first + 1);
  const last = rest.lastIndexOf(':');
  const password = last < 0 ? rest : rest.slice(0, last);
  const cls = last < 0 ? 'super-user' : rest.slice(last + 1);
  if (password === '') throw new ConfigError(`--user ${flag}: empty password`);
  return { name, password, class: cls };
}

function parsePassword(v: unknown, where: string): string {
  if (v === null || v === undefined) throw new ConfigError(`${where}: no value (write the password, or leave the key out and use authorized-keys)`);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') throw new ConfigError(`${where}: expected a string`);
  if (v === '') throw new ConfigError(`${where}: empty password`);
  return v;
}

function parseUser(v: unknown, where: string, baseDir: string): UserSpec {
  if (!isObj(v)) throw new ConfigError(`${where}: expected a mapping with name, password, class`);
  refuseUnknown(v, ['name', 'password', 'class', 'authorized-keys'], where);
  const u: UserSpec = { name: str(v['name'], `${where}.name`), class: v['class'] === undefined ? 'super-user' : str(v['class'], `${where}.class`) };
  // `password:` with no value is YAML null, which String() would make the password "null".
  if ('password' in v) u.password = parsePassword(v['password'], `${where}.password`);
  if (v['authorized-keys'] !== undefined) u.authorizedKeys = resolve(baseDir, str(v['authorized-keys'], `${where}.authorized-keys`));
  if (u.password === undefined && u.authorizedKeys === undefined) {
    throw new ConfigError(`${where}: a user needs a password or authorized-keys`);
  }
  return u;
}

function parseUsers(v: unknown, where: string, baseDir: string): UserSpec[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${where}: expected a list`);
  return v.map((u, i) => parseUser(u, `${where}[${i}]`, baseDir));
}

const LIMIT_KEYS = [
  'max-message-bytes',
  'max-xml-depth',
  'login-grace-seconds',
  'max-unauthenticated',
  'connection-limit',
  'max-pending-rpcs',
  'max-sessions-per-connection',
  'hello-timeout',
  'tries-before-disconnect',
  'backoff-threshold',
  'backoff-factor',
  'max-publickey-tries',
  'max-password-hash-rounds',
  'max-file-bytes',
] as const;

function duration(v: unknown, where: string, minMs: number, maxMs: number): number {
  const ms = parseDuration(v);
  if (ms === undefined || ms < minMs || ms > maxMs) throw new ConfigError(`${where}: expected a duration from ${minMs}ms to ${maxMs / 1000}s (500ms, 30s, 2m, or a number of ms)`);
  return ms;
}

function parseLimits(v: unknown, where: string, base: Limits): Limits {
  if (v === undefined) return base;
  if (!isObj(v)) throw new ConfigError(`${where}: expected a mapping`);
  refuseUnknown(v, LIMIT_KEYS, where);
  const l = { ...base };
  if (v['max-message-bytes'] !== undefined) l.maxMessageBytes = int(v['max-message-bytes'], `${where}.max-message-bytes`, 1024, 1 << 30);
  if (v['max-xml-depth'] !== undefined) l.maxXmlDepth = int(v['max-xml-depth'], `${where}.max-xml-depth`, 8, 10_000);
  if (v['login-grace-seconds'] !== undefined) l.loginGraceMs = 1000 * int(v['login-grace-seconds'], `${where}.login-grace-seconds`, 1, 86_400);
  if (v['max-unauthenticated'] !== undefined) l.maxUnauthenticated = int(v['max-unauthenticated'], `${where}.max-unauthenticated`, 1, 1_000_000);
  if (v['connection-limit'] !== undefined) l.connectionLimit = int(v['connection-limit'], `${where}.connection-limit`, 1, 1_000_000);
  if (v['max-pending-rpcs'] !== undefined) l.maxPendingRpcs = int(v['max-pending-rpcs'], `${where}.max-pending-rpcs`, 1, 1_000_000);
  if (v['max-sessions-per-connection'] !== undefined) {
    l.maxSessionsPerConnection = int(v['max-sessions-per-connection'], `${where}.max-sessions-per-connection`, 1, 65_535);
  }
  if (v['hello-timeout'] !== undefined) l.helloTimeoutMs = duration(v['hello-timeout'], `${where}.hello-timeout`, 1, 86_400_000);
  if (v['tries-before-disconnect'] !== undefined) l.triesBeforeDisconnect = int(v['tries-before-disconnect'], `${where}.tries-before-disconnect`, 1, 1000);
  if (v['backoff-threshold'] !== undefined) l.backoffThreshold = int(v['backoff-threshold'], `${where}.backoff-threshold`, 1, 1000);
  if (v['backoff-factor'] !== undefined) l.backoffFactorMs = duration(v['backoff-factor'], `${where}.backoff-factor`, 0, 600_000);
  if (v['max-publickey-tries'] !== undefined) l.maxPublickeyTries = int(v['max-publickey-tries'], `${where}.max-publickey-tries`, 1, 10_000);
  if (v['max-password-hash-rounds'] !== undefined) {
    l.maxPasswordHashRounds = int(v['max-password-hash-rounds'], `${where}.max-password-hash-rounds`, SHA_CRYPT_MIN_ROUNDS, SHA_CRYPT_MAX_ROUNDS);
  }
  if (v['max-file-bytes'] !== undefined) l.maxFileBytes = int(v['max-file-bytes'], `${where}.max-file-bytes`, 1, 64 * 1024 * 1024 * 1024);
  return l;
}

const DEVICE_KEYS = ['name', 'port', 'backup-re-port', 'profile', 'hostname', 'users', 'rfc-compliant', 'version-1.1', 'limits'];

function parseProfile(v: unknown, where: string): ProfileName {
  const p = str(v, where);
  if (!(PROFILE_NAMES as readonly string[]).includes(p)) {
    throw new ConfigError(`${where}: unknown profile '${p}' (one of ${PROFILE_NAMES.join(', ')})`);
  }
  return p as ProfileName;
}

function parseDevice(v: unknown, where: string, baseDir: string, limits: Limits): DeviceSpec {
  if (!isObj(v)) throw new ConfigError(`${where}: expected a mapping`);
  refuseUnknown(v, DEVICE_KEYS, where, isSettingKey);
  const name = checkDeviceName(v['name'], `${where}.name`);
  const rfc = v['rfc-compliant'] === undefined ? false : bool(v['rfc-compliant'], `${where}.rfc-compliant`);
  const d: DeviceSpec = {
    name,
    port: int(v['port'], `${where}.port`, 0, 65535),
    profile: v['profile'] === undefined ? DEFAULT_PROFILE : parseProfile(v['profile'], `${where}.profile`),
    hostname: v['hostname'] === undefined ? name : str(v['hostname'], `${where}.hostname`),
    users: parseUsers(v['users'], `${where}.users`, baseDir),
    rfcCompliant: rfc,
    version11: v['version-1.1'] === undefined ? false : bool(v['version-1.1'], `${where}.version-1.1`),
    limits: parseLimits(v['limits'], `${where}.limits`, limits),
    settings: wrapSettings(v, where),
  };
  if (v['backup-re-port'] !== undefined) d.backupRePort = int(v['backup-re-port'], `${where}.backup-re-port`, 0, 65535);
  return d;
}

function wrapSettings(v: Obj, where: string): DeviceSpec['settings'] {
  try {
    return parseDeviceSettings(v, where);
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
}

const TOP_KEYS = ['host', 'users', 'authorized-keys', 'state-dir', 'keys-dir', 'host-keys', 'speed', 'log-level', 'limits', 'classes', 'devices', ...HARNESS_KEYS, 'workers'];

function parseClasses(v: unknown): Record<string, string[]> {
  if (v === undefined) return {};
  if (!isObj(v)) throw new ConfigError('classes: expected a mapping of class name to permission list');
  const out: Record<string, string[]> = {};
  for (const [name, perms] of Object.entries(v)) {
    const where = `classes.${name}`;
    if (name in PREDEFINED_CLASSES) throw new ConfigError(`${where}: '${name}' is a predefined class`);
    const list = isObj(perms) ? perms['permissions'] : perms;
    if (isObj(perms)) refuseUnknown(perms, ['permissions'], where);
    if (!Array.isArray(list)) throw new ConfigError(`${where}: expected a list of permissions`);
    out[name] = list.map((p, i) => {
      const s = str(p, `${where}[${i}]`);
      if (!(KNOWN_PERMISSIONS as readonly string[]).includes(s)) throw new ConfigError(`${where}[${i}]: unknown permission '${s}'`);
      return s;
    });
  }
  return out;
}

/**
 * Builds the emulator's configuration from an optional YAML file and the
 * command line. Unknown keys and bad values are refused with a message that
 * names the key; nothing at all gives one working default device.
 */
export function loadConfig(cli: CommandLineOptions, defaultKeysDir: string): EmulatorConfig {
  let raw: Obj = {};
  let baseDir = process.cwd();
  if (cli.config) {
    let text: string;
    try {
      text = readFileSync(cli.config, 'utf8');
    } catch (err) {
      throw new ConfigError(`${cli.config}: ${(err as Error).message}`);
    }
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch (err) {
      throw new ConfigError(`${cli.config}: ${(err as Error).message}`);
    }
    if (doc !== null && doc !== undefined && !isObj(doc)) throw new ConfigError(`${cli.config}: expected a mapping at the top`);
    raw = (doc as Obj | null) ?? {};
    baseDir = dirname(resolve(cli.config));
  }
  refuseUnknown(raw, TOP_KEYS, 'config');
  const limits = parseLimits(raw['limits'], 'limits', DEFAULT_LIMITS);
  const classes = parseClasses(raw['classes']);
  const globalUsers = parseUsers(raw['users'], 'users', baseDir);
  for (const flag of cli.users ?? []) globalUsers.push(parseUserFlag(flag));
  const globalKeys = cli.authorizedKeys ?? (raw['authorized-keys'] !== undefined ? resolve(baseDir, str(raw['authorized-keys'], 'authorized-keys')) : undefined);

  let devices: DeviceSpec[];
  const fleet = fleetEntries(raw['fleet'], { devices: cli.devices, basePort: cli.basePort, profile: cli.profile, shardCount: cli.shardCount, shardIndex: cli.shardIndex }, cli.port ?? DEFAULT_PORT, 'junos');
  if (fleet && raw['devices'] !== undefined) throw new ConfigError('fleet: use either a devices: list or a fleet (fleet:, --devices), not both');
  if (fleet) {
    if (cli.port !== undefined && cli.basePort !== undefined) throw new ConfigError('--port and --base-port: a fleet takes --base-port only');
    devices = fleet.map((d, i) => parseDevice(d, `fleet device ${i + 1} (${String(d['name'])})`, baseDir, limits));
  } else if (raw['devices'] !== undefined) {
    if (!Array.isArray(raw['devices']) || raw['devices'].length === 0) throw new ConfigError('devices: expected a non-empty list');
    devices = raw['devices'].map((d, i) => parseDevice(d, `devices[${i}]`, baseDir, limits));
    if (cli.port !== undefined || cli.profile !== undefined) {
      throw new ConfigError('--port and --profile set the default device; with a devices: list, set them per device in the file');
    }
  } else {
    devices = [
      {
        name: DEFAULT_DEVICE_NAME,
        port: cli.port ?? DEFAULT_PORT,
        profile: cli.profile === undefined ? DEFAULT_PROFILE : parseProfile(cli.profile, '--profile'),
        hostname: DEFAULT_DEVICE_NAME,
        users: [],
        rfcCompliant: false,
        version11: false,
        limits,
        settings: {},
      },
    ];
  }
  if (cli.rfcCompliant) {
    for (const d of devices) {
      d.rfcCompliant = true;
      d.version11 = true;
    }
  }
  const seenPorts = new Map<number, string>();
  const seenNames = new Set<string>();
  for (const d of devices) {
    if (seenNames.has(d.name)) throw new ConfigError(`devices: duplicate name '${d.name}'`);
    seenNames.add(d.name);
    for (const p of [d.port, d.backupRePort]) {
      if (p === undefined || p === 0) continue;
      const other = seenPorts.get(p);
      if (other) throw new ConfigError(`devices: port ${p} is used by both ${other} and ${d.name}`);
      seenPorts.set(p, d.name);
    }
  }
  const anyUsers = globalUsers.length > 0 || devices.some((d) => d.users.length > 0);
  if (!anyUsers) globalUsers.push({ ...DEFAULT_USER });
  if (globalKeys) for (const u of globalUsers) u.authorizedKeys ??= globalKeys;
  for (const d of devices) {
    d.users = [...globalUsers, ...d.users.filter((u) => !globalUsers.some((g) => g.name === u.name))];
    for (const u of d.users) {
      if (!(u.class in PREDEFINED_CLASSES) && !(u.class in classes)) {
        throw new ConfigError(`user ${u.name}: unknown class '${u.class}'`);
      }
    }
  }
  const hostKeys = raw['host-keys'];
  if (hostKeys !== undefined && (!Array.isArray(hostKeys) || hostKeys.some((k) => typeof k !== 'string'))) {
    throw new ConfigError('host-keys: expected a list of private key files');
  }
  const harness = parseHarness(raw, cli, baseDir, devices.map((d) => d.name));
  const workers = parseWorkers(cli.workers, raw['workers']);
  return {
    ...harness,
    host: cli.host ?? (raw['host'] === undefined ? DEFAULT_HOST : str(raw['host'], 'host')),
    keysDir: cli.keysDir ?? (raw['keys-dir'] === undefined ? defaultKeysDir : resolve(baseDir, str(raw['keys-dir'], 'keys-dir'))),
    hostKeyFiles: ((hostKeys as string[] | undefined) ?? []).map((k) => resolve(baseDir, k)),
    stateDir: cli.stateDir ?? (raw['state-dir'] === undefined ? undefined : resolve(baseDir, str(raw['state-dir'], 'state-dir'))),
    speed: cli.speed !== undefined ? parseSpeed(cli.speed, '--speed') : raw['speed'] === undefined ? DEFAULT_SPEED : parseSpeed(raw['speed'], 'speed'),
    logLevel: cli.logLevel ?? (raw['log-level'] === undefined ? 'info' : str(raw['log-level'], 'log-level')),
    classes,
    devices,
    ...(workers !== undefined ? { workers } : {}),
  };
}
