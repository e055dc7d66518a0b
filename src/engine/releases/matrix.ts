/**
 * TX Matrix (T640 LCCs) and TX Matrix Plus (T1600 LCCs): the spec's routing
 * matrix text (sample 4), the matrix selectors; 13.1 adds config-partition and
 * root-partition (Juniper's 13.2 command page).
 */
import { MATRIX_SELECTORS } from '../../grammar/chassis-selectors.js';
import { FREEBSD6_SNAPSHOT, MATRIX_VERSION } from './packages.js';
import type { ReleaseRow, ReleaseTable } from './types.js';

function rows(switchChassis: 'scc' | 'sfc'): ReleaseRow[] {
  const selectors = [...MATRIX_SELECTORS, switchChassis];
  const base: ReleaseRow = {
    from: '7.4',
    label: 'JUNOS 7.4-12.x on a routing matrix',
    snapshot: 'altroot',
    copyStyle: 'quoted',
    info: 'slices',
    mediumText: 'aligned',
    leaves: {
      'request-snapshot': ['partition', ...selectors],
      'get-snapshot-information': ['media', ...selectors],
      'get-system-storage': ['detail', ...selectors],
    },
    snapshotMedia: [],
    infoMedia: ['compact-flash', 'hard-disk', 'internal'],
    versionPackages: MATRIX_VERSION,
    junosVersionLine: false,
    snapshotPackages: FREEBSD6_SNAPSHOT,
    yangFamily: 'junos',
    sources: [
      'request-snapshot text: spec sample 4 (all-lcc), `NAME:` and 74 dashes per target',
      'show version invoke-on all-routing-engines: one item per chassis, its master RE (PyEZ TXP fixture, 14.2R4)',
    ],
    choices: [
      'show version invoke-on all-routing-engines: every item carries the matrix host-name (the fixture\'s LCC names are anonymised)',
      'show system snapshot: the flat slice form, as on MX',
    ],
  };
  const partitions: ReleaseRow = {
    ...base,
    from: '13.1',
    label: 'Junos 13.1-14.2 on a routing matrix',
    leaves: { ...base.leaves, 'request-snapshot': ['partition', 'config-partition', 'root-partition', ...selectors] },
  };
  return [base, partitions, { ...partitions, from: '15.1', label: 'Junos 15.1 and later on a routing matrix', junosVersionLine: true }];
}

export const TXMATRIX_TABLE: ReleaseTable = { line: 'txmatrix', platform: 'txmatrix', rows: rows('scc') };
export const TXMATRIX_PLUS_TABLE: ReleaseTable = { line: 'txmatrix-plus', platform: 'txmatrix-plus', rows: rows('sfc') };
