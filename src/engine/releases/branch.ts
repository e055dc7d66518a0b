/**
 * JSR devices (junos-es): J Series and branch SRX. Two root slices on the
 * internal medium (`slice alternate`), removable media that can be
 * partitioned; the SRX names its media internal and usb.
 */
import { JSR_SNAPSHOT, JSR_VERSION, SRX_SNAPSHOT } from './packages.js';
import type { ReleaseRow, ReleaseTable } from './types.js';

const J_SERIES: ReleaseRow = {
  from: '7.4',
  label: 'JUNOS 7.4-12.3 on J Series',
  snapshot: 'dual-root',
  copyStyle: 'quoted',
  info: 'slices',
  mediumText: 'aligned',
  leaves: {
    'request-snapshot': ['partition', 'as-primary', 'config-size', 'data-size', 'factory', 'media', 'root-size', 'swap-size', 'slice'],
    'get-snapshot-information': ['media'],
    'get-system-storage': ['detail'],
  },
  snapshotMedia: ['compact-flash', 'removable-compact-flash', 'usb'],
  infoMedia: ['internal', 'compact-flash', 'external', 'usb', 'removable-compact-flash'],
  versionPackages: JSR_VERSION,
  junosVersionLine: false,
  snapshotPackages: JSR_SNAPSHOT,
  yangFamily: 'junos-es',
  sources: [
    'slice alternate text: SRX100H2 12.3X48 (code index 33142076978), EX2200 12.3 (code index 38396141080)',
    'partitioned media text: SRX550 15.1X49 `media usb partition` (code index 4950527227)',
  ],
  choices: ['J Series options follow the spec page; the exact J Series text is not captured (the branch SRX form is used)'],
};

const SRX_BRANCH: ReleaseRow = {
  ...J_SERIES,
  from: '12.1',
  label: 'Junos 12.1X44-15.1X49 on branch SRX',
  mediumText: 'aligned-newline',
  leaves: {
    'request-snapshot': ['partition', 'media', 'slice', 'node'],
    'get-snapshot-information': ['media', 'node'],
    'get-system-storage': ['detail', 'node'],
  },
  snapshotMedia: ['internal', 'usb'],
  infoMedia: ['internal', 'usb'],
  junosVersionLine: false,
  snapshotPackages: SRX_SNAPSHOT,
  sources: [
    ...J_SERIES.sources,
    'show system snapshot XML/JSON: SRX300 15.1X49-D70.3 (ansible-junos-stdlib#401): `      internal (/dev/da0s1a) (backup)\\n  `, `Sep 3 22:19:31 2017\\n  `, keys repeated per slice',
    'node 0|1|all|local|primary (Juniper 12.1X47 command page)',
  ],
  choices: ['node output headers `node0:`/`node1:` on a cluster follow the multi-target framing; no cluster snapshot capture'],
};

const SRX_15_1: ReleaseRow = { ...SRX_BRANCH, from: '15.1', junosVersionLine: true, label: 'Junos 15.1X49 on branch SRX' };

export const J_SERIES_TABLE: ReleaseTable = { line: 'j-series', platform: 'j-series', rows: [J_SERIES] };
export const SRX_BRANCH_TABLE: ReleaseTable = { line: 'srx-branch', platform: 'srx-branch', rows: [SRX_BRANCH, SRX_15_1] };
