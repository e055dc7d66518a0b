/**
 * Shards: a fleet too large for one host is split over several emulator
 * processes (a Kubernetes StatefulSet's pods, containers, hosts), each
 * started with the same fleet definition and its own shard index. Shard k of
 * S takes the devices whose fleet index i (from 0) satisfies
 * floor(i * S / N) = k: contiguous blocks whose sizes differ by at most one,
 * so every device is in exactly one shard, and which shard depends only on
 * (N, S, i), never on start order, so a restart takes the same devices.
 * Device names keep their fleet-wide numbers (junos1 ... junosN); ports
 * count from base-port within each shard, since each shard has its own
 * address.
 */
import { hostname } from 'node:os';
import { ConfigError } from './types.js';

export interface Shard {
  /** 0-based index of this shard. */
  index: number;
  count: number;
}

/** Fleet indexes [start, end) that shard `index` of `shards` takes from a fleet of `total`. */
export function shardRange(total: number, shards: number, index: number): { start: number; end: number } {
  return { start: Math.ceil((index * total) / shards), end: Math.ceil(((index + 1) * total) / shards) };
}

/** The shard that fleet index `i` belongs to (the inverse of shardRange). */
export function shardOf(i: number, total: number, shards: number): number {
  return Math.floor((i * shards) / total);
}

/**
 * The ordinal at the end of a host name, as a StatefulSet names its pods
 * (`junos-emulator-3` is 3), or undefined.
 */
export function ordinalOf(host: string): number | undefined {
  const m = /-(\d+)$/.exec(host.split('.')[0] ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * `--shard-index` / `fleet.shard-index`: a number, or `hostname` for the
 * ordinal at the end of this host's name (a StatefulSet pod's).
 */
export function parseShardIndex(v: unknown, where: string, host: () => string = hostname): number {
  if (v === 'hostname') {
    const h = host();
    const n = ordinalOf(h);
    if (n === undefined) throw new ConfigError(`${where}: hostname '${h}' does not end in -N (a StatefulSet pod's ordinal)`);
    return n;
  }
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new ConfigError(`${where}: expected an integer from 0, or 'hostname'`);
  return n;
}
