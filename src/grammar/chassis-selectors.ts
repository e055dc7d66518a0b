/**
 * Command-forwarding selectors shared by the snapshot RPCs (the Junos YANG
 * `command-forwarding` grouping): which chassis, routing engine or
 * virtual-chassis member a command runs on. Which of them a device takes is
 * its release family's business (src/engine/releases).
 */
import type { LeafSpec } from './types.js';

const MATRIX = ['txmatrix', 'txmatrix-plus'] as const;

export const CHASSIS_SELECTOR_LEAVES: readonly LeafSpec[] = [
  {
    name: 'all-chassis',
    type: { kind: 'empty' },
    description: 'All chassis',
    platforms: MATRIX,
    group: 'chassis',
  },
  {
    name: 'all-lcc',
    type: { kind: 'empty' },
    description: 'All T640 or T1600 line-card chassis connected to the matrix',
    platforms: MATRIX,
    group: 'chassis',
  },
  {
    name: 'lcc',
    type: { kind: 'uint', min: 0, max: 3 },
    description: 'Specific line-card chassis (0..3)',
    platforms: MATRIX,
    valueName: 'number',
    group: 'chassis',
  },
  {
    name: 'scc',
    type: { kind: 'empty' },
    description: 'TX Matrix switch-card chassis',
    platforms: ['txmatrix'],
    group: 'chassis',
  },
  {
    name: 'sfc',
    type: { kind: 'uint', min: 0, max: 0 },
    description: 'TX Matrix Plus switch-fabric chassis (0)',
    platforms: ['txmatrix-plus'],
    valueName: 'number',
    group: 'chassis',
  },
  {
    name: 'node',
    type: { kind: 'enum', values: ['0', '1', 'all', 'local', 'primary'] },
    description: 'Chassis cluster node (SRX)',
    valueName: 'node',
    group: 'chassis',
  },
];

/** The routing-engine choice: one RE of a dual-RE chassis, or both. */
export const RE_SELECTOR_LEAVES: readonly LeafSpec[] = [
  { name: 're0', type: { kind: 'empty' }, description: 'Run on routing engine 0', group: 're' },
  { name: 're1', type: { kind: 'empty' }, description: 'Run on routing engine 1', group: 're' },
  {
    name: 'routing-engine',
    type: { kind: 'enum', values: ['local', 'other', 'master', 'backup', 'both'] },
    description: 'Routing engines to run on',
    valueName: 'routing-engine',
    group: 're',
  },
];

/** The virtual-chassis choice. */
export const MEMBER_SELECTOR_LEAVES: readonly LeafSpec[] = [
  { name: 'local', type: { kind: 'empty' }, description: 'Local virtual chassis member', group: 'virtual-chassis' },
  { name: 'all-members', type: { kind: 'empty' }, description: 'All virtual chassis members', group: 'virtual-chassis' },
  { name: 'member', type: { kind: 'uint', min: 0, max: 9 }, description: 'Specific virtual chassis member (0..9)', valueName: 'member-id', group: 'virtual-chassis' },
];

export const SELECTOR_LEAVES: readonly LeafSpec[] = [...CHASSIS_SELECTOR_LEAVES, ...RE_SELECTOR_LEAVES, ...MEMBER_SELECTOR_LEAVES];

/** Names of each selector set, for the release tables. */
export const MATRIX_SELECTORS = ['all-chassis', 'all-lcc', 'lcc'] as const;
export const RE_SELECTORS = ['re0', 're1', 'routing-engine'] as const;
export const MEMBER_SELECTORS = ['local', 'all-members', 'member'] as const;
