/**
 * J Series partition sizing: the spec's defaults for the four size options and
 * the layout a partitioned medium gets. See docs/snapshot-engine.md for how the
 * ambiguous defaults are read.
 */
import type { PartitionRole } from './state.js';

export const SIZE_OPTIONS = ['root-size', 'config-size', 'data-size', 'swap-size'] as const;
export type SizeOption = (typeof SIZE_OPTIONS)[number];

export interface LayoutEntry {
  readonly slice: string;
  readonly role: PartitionRole;
  /** Mount point when booted from this medium (what the `Partitions on snapshot:` table shows). */
  readonly mount: string;
  readonly sizeMb: number;
  /** Option that set the size, or null for a computed default. */
  readonly argument: SizeOption | null;
}

export interface JSizes {
  root: number;
  config: number;
  data: number;
  swap: number;
  /** What is left for /var once the others are placed; may be negative when they do not fit. */
  var: number;
}

/** Smallest /var a Junos system starts with. */
export const MIN_VAR_MB = 32;

/**
 * Spec defaults: config = 10% of physical memory; data = 0; swap = one third of
 * physical memory on a medium larger than 128 MB, else 0; root = one third of
 * what the medium has left after config, data and swap (so /, /altroot and /var
 * get a third each). `withSwap` false: releases without the size options
 * (branch SRX, EX) lay out no swap slice, as the SRX550 partition table shows.
 */
export function jSeriesSizes(mediumMb: number, memoryMb: number, given: ReadonlyMap<SizeOption, number>, withSwap = true): JSizes {
  const config = given.get('config-size') ?? Math.round(memoryMb / 10);
  const data = given.get('data-size') ?? 0;
  const swap = given.get('swap-size') ?? (withSwap && mediumMb > 128 ? Math.floor(memoryMb / 3) : 0);
  const root = given.get('root-size') ?? Math.max(0, Math.floor((mediumMb - config - data - swap) / 3));
  return { root, config, data, swap, var: mediumMb - 2 * root - config - data - swap };
}

export function layoutFromSizes(sizes: JSizes, given: ReadonlyMap<SizeOption, number>): LayoutEntry[] {
  const arg = (o: SizeOption): SizeOption | null => (given.has(o) ? o : null);
  const out: LayoutEntry[] = [{ slice: 's1a', role: 'root', mount: '/', sizeMb: sizes.root, argument: arg('root-size') }];
  if (sizes.swap > 0) out.push({ slice: 's1b', role: 'swap', mount: 'swap', sizeMb: sizes.swap, argument: arg('swap-size') });
  out.push({ slice: 's2a', role: 'root', mount: '/altroot', sizeMb: sizes.root, argument: arg('root-size') });
  out.push({ slice: 's3e', role: 'config', mount: '/config', sizeMb: sizes.config, argument: arg('config-size') });
  out.push({ slice: 's3f', role: 'var', mount: '/var', sizeMb: sizes.var, argument: null });
  if (sizes.data > 0) out.push({ slice: 's4d', role: 'data', mount: '/data', sizeMb: sizes.data, argument: arg('data-size') });
  return out;
}

export function defaultJSeriesLayout(mediumMb: number, memoryMb: number, given: ReadonlyMap<SizeOption, number>, withSwap = true): LayoutEntry[] {
  return layoutFromSizes(jSeriesSizes(mediumMb, memoryMb, given, withSwap), given);
}

/** Why a layout cannot hold the system, or undefined when it fits. */
export function layoutProblem(
  sizes: JSizes,
  given: ReadonlyMap<SizeOption, number>,
  mediumName: string,
  mediumMb: number,
  rootUsedMb: number,
  configUsedMb: number,
): string | undefined {
  const named = (o: SizeOption, fallback: string): string => (given.has(o) ? `${o} ${given.get(o)} MB` : fallback);
  if (sizes.var < MIN_VAR_MB) {
    const asked = mediumMb - sizes.var;
    return `partition sizes do not fit on ${mediumName} media (${mediumMb} MB): the partitions need ${asked} MB plus at least ${MIN_VAR_MB} MB for /var`;
  }
  if (sizes.root < rootUsedMb) {
    return `${named('root-size', `default root partition (${sizes.root} MB)`)} is too small for the software image (${rootUsedMb} MB)`;
  }
  if (sizes.config < configUsedMb) {
    return `${named('config-size', `default config partition (${sizes.config} MB)`)} is too small for the configuration (${configUsedMb} MB)`;
  }
  return undefined;
}
