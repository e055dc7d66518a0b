/**
 * Fleets: N devices from one profile on consecutive ports, from
 * `--devices N --base-port P --profile NAME` or the YAML `fleet:` mapping.
 * Each becomes an ordinary device entry, so per-device overrides use the keys
 * of a `devices:` entry.
 *
 *   fleet:
 *     count: 1000
 *     base-port: 20000      # device i (from 0) listens on base-port + i; 0 = free ports
 *     profile: mx960
 *     name-prefix: junos    # junos1 ... junos1000
 *     overrides:
 *       junos7: { profile: txmatrix, boot-media: disk }
 */
import { ConfigError } from './types.js';

type Obj = Record<string, unknown>;

export const MAX_FLEET = 20_000;
const FLEET_KEYS = ['count', 'base-port', 'profile', 'name-prefix', 'overrides'];

export interface FleetFlags {
  devices?: number;
  basePort?: number;
  profile?: string;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function int(v: unknown, where: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ConfigError(`${where}: expected an integer from ${min} to ${max}`);
  return v;
}

/**
 * Device entries for a fleet, or undefined when neither the file nor the
 * flags ask for one. Flags override the file's count, base port and profile.
 */
export function fleetEntries(raw: unknown, flags: FleetFlags, defaultPort: number, defaultPrefix: string): Obj[] | undefined {
  if (raw === undefined && flags.devices === undefined) return undefined;
  const f: Obj = raw === undefined ? {} : isObj(raw) ? raw : {};
  if (raw !== undefined && !isObj(raw)) throw new ConfigError('fleet: expected a mapping with count, base-port, profile, name-prefix, overrides');
  for (const k of Object.keys(f)) if (!FLEET_KEYS.includes(k)) throw new ConfigError(`fleet.${k}: unknown key`);
  const count = flags.devices ?? int(f['count'], 'fleet.count', 1, MAX_FLEET);
  if (flags.devices !== undefined) int(flags.devices, '--devices', 1, MAX_FLEET);
  const basePort = flags.basePort ?? (f['base-port'] === undefined ? defaultPort : int(f['base-port'], 'fleet.base-port', 0, 65535));
  if (basePort !== 0 && basePort + count - 1 > 65535) throw new ConfigError(`fleet: ${count} devices from port ${basePort} run past 65535`);
  const prefix = f['name-prefix'] === undefined ? defaultPrefix : String(f['name-prefix']);
  if (!/^[A-Za-z][\w.-]*$/.test(prefix)) throw new ConfigError('fleet.name-prefix: expected a name such as junos or r');
  const profile = flags.profile ?? f['profile'];
  const overrides = f['overrides'] === undefined ? {} : f['overrides'];
  if (!isObj(overrides)) throw new ConfigError('fleet.overrides: expected a mapping of device name to device keys');
  const names = new Set<string>();
  const entries: Obj[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${prefix}${i + 1}`;
    names.add(name);
    const o = overrides[name];
    if (o !== undefined && !isObj(o)) throw new ConfigError(`fleet.overrides.${name}: expected a mapping`);
    if (o && ('name' in o || 'port' in o)) throw new ConfigError(`fleet.overrides.${name}: name and port come from the fleet`);
    entries.push({ name, port: basePort === 0 ? 0 : basePort + i, ...(profile !== undefined ? { profile } : {}), ...(o ?? {}) });
  }
  for (const k of Object.keys(overrides)) if (!names.has(k)) throw new ConfigError(`fleet.overrides.${k}: no such device in the fleet`);
  return entries;
}
