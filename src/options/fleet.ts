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
 *     shard-count: 4        # optional: this process serves one shard (shard.ts)
 *     shard-index: 0        #   or 'hostname': a StatefulSet pod's ordinal
 */
import { parseShardIndex, shardRange } from './shard.js';
import { ConfigError } from './types.js';

type Obj = Record<string, unknown>;

export const MAX_FLEET = 20_000;
/** A sharded fleet may be this large in all; each shard still holds at most MAX_FLEET. */
export const MAX_SHARDED_FLEET = 1_000_000;
const FLEET_KEYS = ['count', 'base-port', 'profile', 'name-prefix', 'overrides', 'shard-count', 'shard-index'];

export interface FleetFlags {
  devices?: number;
  basePort?: number;
  profile?: string;
  /** `--shard-count` / `--shard-index` (a number or 'hostname'): serve one shard of the fleet. */
  shardCount?: number;
  shardIndex?: string;
}

/** The shard a fleet definition and the flags ask for; undefined when not sharded. */
export function fleetShard(f: Obj, flags: FleetFlags): { index: number; count: number } | undefined {
  const count = flags.shardCount ?? (f['shard-count'] === undefined ? undefined : int(f['shard-count'], 'fleet.shard-count', 1, 10_000));
  const rawIndex = flags.shardIndex ?? f['shard-index'];
  if (count === undefined) {
    if (rawIndex !== undefined) throw new ConfigError('fleet.shard-index: needs shard-count (--shard-count)');
    return undefined;
  }
  if (flags.shardCount !== undefined) int(flags.shardCount, '--shard-count', 1, 10_000);
  const where = flags.shardIndex !== undefined ? '--shard-index' : 'fleet.shard-index';
  const index = rawIndex === undefined ? 0 : parseShardIndex(rawIndex, where);
  if (index >= count) throw new ConfigError(`${where}: ${index} is not below the shard count ${count}`);
  return { index, count };
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
  const shard = fleetShard(f, flags);
  const max = shard ? Math.min(MAX_SHARDED_FLEET, MAX_FLEET * shard.count) : MAX_FLEET;
  const count = flags.devices ?? int(f['count'], 'fleet.count', 1, max);
  if (flags.devices !== undefined) int(flags.devices, '--devices', 1, max);
  const { start, end } = shard ? shardRange(count, shard.count, shard.index) : { start: 0, end: count };
  if (end - start > MAX_FLEET) throw new ConfigError(`fleet: shard ${shard?.index} would hold ${end - start} devices, more than ${MAX_FLEET}; raise shard-count`);
  if (end === start) throw new ConfigError(`fleet: shard ${shard?.index} of ${shard?.count} holds no device of ${count}; lower shard-count`);
  const basePort = flags.basePort ?? (f['base-port'] === undefined ? defaultPort : int(f['base-port'], 'fleet.base-port', 0, 65535));
  if (basePort !== 0 && basePort + (end - start) - 1 > 65535) throw new ConfigError(`fleet: ${end - start} devices from port ${basePort} run past 65535`);
  const prefix = f['name-prefix'] === undefined ? defaultPrefix : String(f['name-prefix']);
  if (!/^[A-Za-z][\w.-]*$/.test(prefix)) throw new ConfigError('fleet.name-prefix: expected a name such as junos or r');
  const profile = flags.profile ?? f['profile'];
  const overrides = f['overrides'] === undefined ? {} : f['overrides'];
  if (!isObj(overrides)) throw new ConfigError('fleet.overrides: expected a mapping of device name to device keys');
  // An override may name a device of another shard; it must name one of the fleet.
  for (const k of Object.keys(overrides)) {
    const n = k.startsWith(prefix) && /^[1-9]\d*$/.test(k.slice(prefix.length)) ? Number(k.slice(prefix.length)) : 0;
    if (n < 1 || n > count) throw new ConfigError(`fleet.overrides.${k}: no such device in the fleet`);
  }
  const entries: Obj[] = [];
  for (let i = start; i < end; i++) {
    const name = `${prefix}${i + 1}`;
    const o = overrides[name];
    if (o !== undefined && !isObj(o)) throw new ConfigError(`fleet.overrides.${name}: expected a mapping`);
    if (o && ('name' in o || 'port' in o)) throw new ConfigError(`fleet.overrides.${name}: name and port come from the fleet`);
    entries.push({ name, port: basePort === 0 ? 0 : basePort + (i - start), ...(profile !== undefined ? { profile } : {}), ...(o ?? {}) });
  }
  return entries;
}
