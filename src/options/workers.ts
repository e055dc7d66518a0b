/**
 * `workers` (YAML) / `--workers N`: SSH worker processes besides the one
 * that owns the devices (src/workers). 0 keeps all SSH in one process.
 */
import { availableParallelism } from 'node:os';
import { ConfigError } from './types.js';

/** More than this many is a typo, not a machine. */
export const MAX_SSH_WORKERS = 256;

/**
 * One worker per core beyond the owner's (measured in docs/design-notes.md,
 * "Every core on one machine"): on one core, a worker only adds a hop.
 */
export function defaultSshWorkers(): number {
  return Math.max(0, availableParallelism() - 1);
}

export function parseWorkers(flag: string | number | undefined, raw: unknown): number | undefined {
  const where = flag !== undefined ? '--workers' : 'workers';
  const v = flag ?? raw;
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_SSH_WORKERS) {
    throw new ConfigError(`${where}: expected an integer from 0 to ${MAX_SSH_WORKERS}`);
  }
  return n;
}
