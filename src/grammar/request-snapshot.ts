/**
 * `request system snapshot` / <request-snapshot>: the single source of truth
 * for its options (RPC parsing, CLI parsing, YANG). The grammar is the union
 * over every release the emulator offers; each release family row names the
 * leaves its release takes (src/engine/releases).
 */
import { chassisSelectors, optionString, SELECTOR_LEAVES, type ChassisSelectors } from './chassis-selectors.js';
import type { ParsedOptions, RpcGrammar } from './types.js';

/** The Junos YANG enumeration; the engine refuses values a release lacks. */
export const SNAPSHOT_MEDIA_VALUES = [
  'removable-compact-flash',
  'compact-flash',
  'usb',
  'usb0',
  'usb1',
  'hard-disk',
  'internal',
  'external',
] as const;

export type SnapshotMediaName = (typeof SNAPSHOT_MEDIA_VALUES)[number];

/** The J Series partition sizes, in megabytes. */
export type SnapshotSizeName = 'root-size' | 'config-size' | 'data-size' | 'swap-size';

const SIZE = { kind: 'uint', min: 0, max: 1048576 } as const;

export const requestSnapshotGrammar: RpcGrammar = {
  rpc: 'request-snapshot',
  cli: ['request', 'system', 'snapshot'],
  description: 'Archive data and executable areas',
  permission: 'maintenance',
  leaves: [
    { name: 'partition', type: { kind: 'empty' }, description: 'Partition the media' },
    { name: 'as-primary', type: { kind: 'empty' }, description: 'Set up the snapshot for the primary boot device' },
    { name: 'config-size', type: SIZE, description: 'Size of config partition (megabytes)', valueName: 'size' },
    { name: 'data-size', type: SIZE, description: 'Size of data partition (megabytes)', valueName: 'size' },
    { name: 'factory', type: { kind: 'empty' }, description: 'Copy only the files shipped from the factory' },
    { name: 'media', type: { kind: 'enum', values: SNAPSHOT_MEDIA_VALUES }, description: 'Boot device the software is copied to', valueName: 'type' },
    { name: 'root-size', type: SIZE, description: 'Size of root partition (megabytes)', valueName: 'size' },
    { name: 'swap-size', type: SIZE, description: 'Size of swap partition (megabytes)', valueName: 'size' },
    { name: 'slice', type: { kind: 'enum', values: ['alternate'] }, description: 'Write to the alternate root slice', valueName: 'slice' },
    { name: 'root-partition', type: { kind: 'empty' }, description: 'Snapshot the root partition only', group: 'partition-only' },
    { name: 'config-partition', type: { kind: 'empty' }, description: 'Snapshot the config partition only', group: 'partition-only' },
    { name: 'recovery', type: { kind: 'empty' }, description: 'Create a recovery snapshot on the OAM volume' },
    { name: 'delete', type: { kind: 'string' }, description: 'Delete a non-recovery snapshot', valueName: 'snapshot-name' },
    { name: 'load', type: { kind: 'string' }, description: 'Boot a non-recovery snapshot at the next reboot', valueName: 'snapshot-name' },
    { name: 'snapshot-name', type: { kind: 'string' }, description: 'Name of the snapshot to create', valueName: 'name' },
    { name: 'configuration', type: { kind: 'empty' }, description: 'Include the configuration', group: 'configuration-choice' },
    { name: 'no-configuration', type: { kind: 'empty' }, description: 'Leave the configuration out', group: 'configuration-choice' },
    { name: 'force', type: { kind: 'empty' }, description: 'Replace a snapshot of the same name' },
    ...SELECTOR_LEAVES,
  ],
};

/** What a request-snapshot asks for, read once from the checked options; the snapshot planner takes only this. */
export interface SnapshotOptions {
  readonly media?: SnapshotMediaName;
  readonly partition: boolean;
  readonly asPrimary: boolean;
  readonly factory: boolean;
  readonly slice?: 'alternate';
  /** Only the sizes given. */
  readonly sizes: { readonly [K in SnapshotSizeName]?: number };
  /** `root-partition` / `config-partition`: archive that file system only. */
  readonly only?: 'root' | 'config';
  readonly recovery: boolean;
  readonly delete?: string;
  readonly load?: string;
  readonly snapshotName?: string;
  readonly noConfiguration: boolean;
  readonly force: boolean;
  readonly selectors: ChassisSelectors;
}

const SIZE_NAMES: readonly SnapshotSizeName[] = ['root-size', 'config-size', 'data-size', 'swap-size'];

/** Options parsed against requestSnapshotGrammar (uint and enum values are already checked). */
export function snapshotOptions(opts: ParsedOptions): SnapshotOptions {
  const sizes: { [K in SnapshotSizeName]?: number } = {};
  for (const name of SIZE_NAMES) {
    const v = optionString(opts, name);
    if (v !== undefined) sizes[name] = Number(v);
  }
  return {
    media: optionString(opts, 'media') as SnapshotMediaName | undefined,
    partition: opts.has('partition'),
    asPrimary: opts.has('as-primary'),
    factory: opts.has('factory'),
    slice: opts.has('slice') ? 'alternate' : undefined,
    sizes,
    only: opts.has('root-partition') ? 'root' : opts.has('config-partition') ? 'config' : undefined,
    recovery: opts.has('recovery'),
    delete: optionString(opts, 'delete'),
    load: optionString(opts, 'load'),
    snapshotName: optionString(opts, 'snapshot-name'),
    noConfiguration: opts.has('no-configuration'),
    force: opts.has('force'),
    selectors: chassisSelectors(opts),
  };
}
