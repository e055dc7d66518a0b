/**
 * EX switches of the FreeBSD-6 generation in a virtual chassis (EX4300 on
 * 13.2X51-15.1): two root slices per member, external USB media, the
 * virtual-chassis member selectors.
 */
import { MEMBER_SELECTORS } from '../../grammar/chassis-selectors.js';
import { EX_SNAPSHOT, EX_VERSION } from './packages.js';
import type { ReleaseRow, ReleaseTable } from './types.js';

const EX_12_3: ReleaseRow = {
  from: '12.3',
  label: 'Junos 12.3-14.2 on EX (virtual chassis)',
  snapshot: 'dual-root',
  copyStyle: 'quoted',
  info: 'slices',
  mediumText: 'aligned',
  leaves: {
    'request-snapshot': ['partition', 'media', 'slice', ...MEMBER_SELECTORS],
    'get-snapshot-information': ['media', 'slice', ...MEMBER_SELECTORS],
    'get-system-storage': ['detail', ...MEMBER_SELECTORS],
  },
  snapshotMedia: ['internal', 'external'],
  infoMedia: ['internal', 'external'],
  versionPackages: EX_VERSION,
  junosVersionLine: false,
  snapshotPackages: EX_SNAPSHOT,
  yangFamily: 'junos-ex',
  sources: [
    'slice alternate text with `fpc0:` + 74 dashes per member: EX2200 (code index 38396141080, 5416456219)',
    'show system snapshot wrapped in multi-routing-engine-results even without all-members, `      internal (/dev/da0s2a) (primary)`: EX4300 15.1R6.7 (py-junos-eznc#922)',
    'get-virtual-chassis-information: PyEZ vc_get-virtual-chassis-information.xml (EX4300)',
  ],
  choices: [
    'request system snapshot without slice/media on EX: the alternate slice of the internal medium (chosen)',
    'the show version package set beyond junos/jdocs-ex/junos-ex-4300 is chosen',
    'IRI addresses of VC members (128.0.0.16+N, fpcN in hosts.junos) are chosen',
  ],
};

const EX_15_1: ReleaseRow = { ...EX_12_3, from: '15.1', label: 'Junos 15.1 on EX (virtual chassis)', junosVersionLine: true };

export const EX_TABLE: ReleaseTable = { line: 'ex', platform: 'ex', rows: [EX_12_3, EX_15_1] };
