/**
 * Routing-matrix command-forwarding selectors shared by the snapshot RPCs
 * (the Junos YANG "chassis" choice).
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
];
