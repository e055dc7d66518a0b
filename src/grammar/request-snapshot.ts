/**
 * `request system snapshot` / <request-snapshot>: the single source of truth
 * for its options (RPC parsing, CLI parsing, YANG).
 */
import { CHASSIS_SELECTOR_LEAVES } from './chassis-selectors.js';
import type { RpcGrammar } from './types.js';

const J = ['j-series'] as const;

/** The Junos YANG enumeration; the engine refuses values a platform lacks. */
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

export const requestSnapshotGrammar: RpcGrammar = {
  rpc: 'request-snapshot',
  cli: ['request', 'system', 'snapshot'],
  description: 'Archive data and executable areas',
  permission: 'maintenance',
  leaves: [
    { name: 'partition', type: { kind: 'empty' }, description: 'Partition the media' },
    { name: 'as-primary', type: { kind: 'empty' }, description: 'Set up the snapshot for the primary boot device', platforms: J },
    { name: 'config-size', type: { kind: 'uint', min: 0, max: 1048576 }, description: 'Size of config partition (megabytes)', platforms: J, valueName: 'size' },
    { name: 'data-size', type: { kind: 'uint', min: 0, max: 1048576 }, description: 'Size of data partition (megabytes)', platforms: J, valueName: 'size' },
    { name: 'factory', type: { kind: 'empty' }, description: 'Copy only the files shipped from the factory', platforms: J },
    { name: 'media', type: { kind: 'enum', values: SNAPSHOT_MEDIA_VALUES }, description: 'Boot device the software is copied to', platforms: J, valueName: 'type' },
    { name: 'root-size', type: { kind: 'uint', min: 0, max: 1048576 }, description: 'Size of root partition (megabytes)', platforms: J, valueName: 'size' },
    { name: 'swap-size', type: { kind: 'uint', min: 0, max: 1048576 }, description: 'Size of swap partition (megabytes)', platforms: J, valueName: 'size' },
    { name: 'slice', type: { kind: 'enum', values: ['alternate'] }, description: 'Write to the alternate root slice', platforms: J, valueName: 'slice' },
    ...CHASSIS_SELECTOR_LEAVES,
  ],
};
