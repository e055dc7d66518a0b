/**
 * Command-forwarding selectors shared by the snapshot RPCs (the Junos YANG
 * `command-forwarding` grouping): which chassis, routing engine or
 * virtual-chassis member a command runs on. Which of them a device takes is
 * its release family's business (src/engine/releases).
 */
import type { LeafSpec, ParsedOptions } from './types.js';

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

/** The selectors a command was given, typed once so the engine never reads wire names. */
export interface ChassisSelectors {
  readonly allChassis: boolean;
  readonly allLcc: boolean;
  readonly lcc?: number;
  readonly scc: boolean;
  readonly sfc: boolean;
  readonly node?: '0' | '1' | 'all' | 'local' | 'primary';
  readonly re0: boolean;
  readonly re1: boolean;
  readonly routingEngine?: 'local' | 'other' | 'master' | 'backup' | 'both';
  readonly local: boolean;
  readonly allMembers: boolean;
  readonly member?: number;
}

/** A string option's value; an empty leaf given where a value belongs counts as absent (the grammar refuses it). */
export function optionString(opts: ParsedOptions, name: string): string | undefined {
  const v = opts.get(name);
  return typeof v === 'string' ? v : undefined;
}

function optionNumber(opts: ParsedOptions, name: string): number | undefined {
  const v = optionString(opts, name);
  return v === undefined ? undefined : Number(v);
}

/** Reads the selectors out of options the grammar checked (enum values are among the leaf's values). */
export function chassisSelectors(opts: ParsedOptions): ChassisSelectors {
  return {
    allChassis: opts.has('all-chassis'),
    allLcc: opts.has('all-lcc'),
    lcc: optionNumber(opts, 'lcc'),
    scc: opts.has('scc'),
    sfc: opts.has('sfc'),
    node: optionString(opts, 'node') as ChassisSelectors['node'],
    re0: opts.has('re0'),
    re1: opts.has('re1'),
    routingEngine: optionString(opts, 'routing-engine') as ChassisSelectors['routingEngine'],
    local: opts.has('local'),
    allMembers: opts.has('all-members'),
    member: optionNumber(opts, 'member'),
  };
}
