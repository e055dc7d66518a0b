/**
 * MX80 and MX104 (PowerPC, FreeBSD-6 Junos up to their last releases): the
 * snapshot runs newfs on the second internal medium, then copies each slice.
 */
import { MX_PPC_SNAPSHOT, MX_PPC_VERSION } from './packages.js';
import type { ReleaseRow, ReleaseTable } from './types.js';

const RE = ['re0', 're1', 'routing-engine'];

const PPC_10: ReleaseRow = {
  from: '10.0',
  label: 'Junos 10.0-12.3 on MX80/MX104',
  snapshot: 'newfs-media',
  copyStyle: 'quoted',
  info: 'backup-slice',
  mediumText: 'plain',
  leaves: {
    'request-snapshot': ['partition', 'media', ...RE],
    'get-snapshot-information': ['media', ...RE],
    'get-system-storage': ['detail'],
  },
  snapshotMedia: ['internal'],
  infoMedia: ['internal'],
  versionPackages: MX_PPC_VERSION,
  junosVersionLine: false,
  snapshotPackages: MX_PPC_SNAPSHOT,
  yangFamily: 'junos',
  sources: [
    'request system snapshot: MX80 15.1R7.8 (code index 30239519891): `Verifying compatibility of destination media partitions...`, `Running newfs (899MB) on internal media  / partition (da1s1a)...`, quoted /dev copies',
    'show system snapshot: MX80 15.1R6.7 (mirceaulinic README): `Doing the initial labeling...`, `Information for snapshot on internal (da1s1)`, arch-prefixed versions',
    'show version: MX80 15.1R7.8 package list (code index 30239519891)',
  ],
  choices: [
    'the XML of show system snapshot on MX80 is not captured: snapshot-medium `internal (da1s1)`, creation-date, software-version',
    'partition: `Clearing current label...` / `Partitioning internal media (da1) ...` (the QFX form of the wire facts)',
    'releases before 15.1 are given the 15.1 text',
  ],
};

const PPC_13_1: ReleaseRow = {
  ...PPC_10,
  from: '13.1',
  label: 'Junos 13.1-14.2 on MX80/MX104',
  leaves: { ...PPC_10.leaves, 'request-snapshot': [...PPC_10.leaves['request-snapshot'], 'config-partition', 'root-partition'] },
};

const PPC_15_1: ReleaseRow = { ...PPC_13_1, from: '15.1', label: 'Junos 15.1 and later on MX80/MX104', junosVersionLine: true };

export const MX_PPC_TABLE: ReleaseTable = { line: 'mx-ppc', platform: 'mx', rows: [PPC_10, PPC_13_1, PPC_15_1] };
