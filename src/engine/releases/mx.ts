/**
 * MX240/MX480/MX960 (and the `mx960*` profiles): FreeBSD-6 Junos of the
 * spec's era, then Junos with upgraded FreeBSD from 15.1 on, whose snapshots
 * live on the Junos volume and the OAM volume.
 */
import { FREEBSD6_SNAPSHOT, MX_FREEBSD6_VERSION, MX_UPGRADED_VERSION } from './packages.js';
import type { ReleaseRow, ReleaseTable } from './types.js';

const RE = ['re0', 're1', 'routing-engine'];

const SPEC_ERA: ReleaseRow = {
  from: '7.4',
  label: 'JUNOS 7.4-12.x (FreeBSD 6)',
  snapshot: 'altroot',
  copyStyle: 'plain',
  info: 'slices',
  mediumText: 'aligned',
  leaves: {
    'request-snapshot': ['partition'],
    'get-snapshot-information': ['media'],
    'get-system-storage': ['detail'],
  },
  snapshotMedia: [],
  infoMedia: ['compact-flash', 'hard-disk', 'internal'],
  versionPackages: MX_FREEBSD6_VERSION,
  junosVersionLine: false,
  snapshotPackages: FREEBSD6_SNAPSHOT,
  yangFamily: 'junos',
  sources: [
    'request-snapshot text: the spec samples 1-3 (JUNOS 7.4-9.x command page)',
    'show version: `JUNOS Base OS boot` first (PyEZ ofacts MX960 12.3R6)',
    'show system snapshot: flat snapshot-medium/creation-date/software-version (py-junos-eznc#922, ansible-junos-stdlib#401)',
  ],
  choices: [
    'show system snapshot of an M/MX: no capture; the flat form of the EX/SRX captures on compact-flash and hard-disk slices',
    'request-snapshot XML: no capture; snapshot-information with the YANG grouping names in CLI order',
  ],
};

const PARTITIONS_13_1: ReleaseRow = {
  ...SPEC_ERA,
  from: '13.1',
  label: 'Junos 13.1-14.2 (FreeBSD 6)',
  leaves: { ...SPEC_ERA.leaves, 'request-snapshot': ['partition', 'config-partition', 'root-partition'] },
  choices: [...SPEC_ERA.choices, 'MX960 on 13.1-14.2: no capture of the snapshot text; the spec text is kept, with config-/root-partition (13.2 command page)'],
};

const UPGRADED_15_1: ReleaseRow = {
  from: '15.1',
  label: 'Junos 15.1-21.4 with upgraded FreeBSD',
  snapshot: 'junos-volume',
  copyStyle: 'plain',
  info: 'recovery-text',
  mediumText: 'plain',
  leaves: {
    'request-snapshot': ['recovery', 'media', ...RE],
    'get-snapshot-information': ['media', ...RE],
    'get-system-storage': ['detail'],
  },
  snapshotMedia: ['internal'],
  infoMedia: ['internal'],
  versionPackages: MX_UPGRADED_VERSION,
  junosVersionLine: true,
  osBuild: '20191115.14c2ad5_builder_stable_11',
  snapshotPackages: [],
  yangFamily: 'junos',
  sources: [
    'recovery and routing-engine both accepted; `created successfully` per RE (mirceaulinic README MX480 15.1F7.3/17.3R3.9; code index 37451860305)',
    'show system snapshot: <output> text only, `Recovery Snapshots:` / `Snapshots available on the OAM volume:` / `recovery.ufs` / `Date created:` / `Junos version:` / `Total recovery snapshots:` (README 17.3R3.9); non-recovery lines `Snapshot snap.*:`, `Location:`, `Creation date:`, `Junos version:`, `Total non-recovery snapshots:`, `No non-recovery snapshots available on the Junos volume` (code index 24379412079, 17996212156)',
    'show version packages: os-kernel, os-libs, ... (PyEZ sw_info_dual_command.xml MX480 15.1F5, sw_info_gnf MX960 18.4)',
  ],
  choices: [
    'request system snapshot [recovery] text: not found; `Creating snapshot ...` / `Snapshot NAME created successfully` and `Creating image ...` ... `Recovery snapshot created successfully` are chosen (field scripts test `created successfully`)',
    'the heading `Non-recovery snapshots:`, indentation, and the ctime-style dates of show system snapshot are chosen',
    'snapshot names snap.<seconds since the epoch> are chosen after the `snap.*` the parsers expect',
    'os-* build stamps are chosen per release',
  ],
};

const DELETE_LOAD_22_1: ReleaseRow = {
  ...UPGRADED_15_1,
  from: '22.1',
  label: 'Junos 22.1-22.2 with upgraded FreeBSD',
  leaves: { ...UPGRADED_15_1.leaves, 'request-snapshot': [...UPGRADED_15_1.leaves['request-snapshot'], 'delete', 'load'] },
  osBuild: '20220204.9b5d2e5_builder_stable_12',
  choices: [...UPGRADED_15_1.choices, 'delete/load replies are chosen (Juniper/yang 22.1 has the leaves; no output found)'],
};

const NAMED_22_3: ReleaseRow = {
  ...DELETE_LOAD_22_1,
  from: '22.3',
  label: 'Junos 22.3 and later with upgraded FreeBSD',
  leaves: {
    ...DELETE_LOAD_22_1.leaves,
    'request-snapshot': [...DELETE_LOAD_22_1.leaves['request-snapshot'], 'snapshot-name', 'configuration', 'no-configuration', 'force'],
  },
  osBuild: '20231024.2d0f4a4_builder_stable_12',
  choices: [...DELETE_LOAD_22_1.choices, 'snapshot-name/configuration/force behaviour is chosen from the YANG 22.3 leaf descriptions'],
};

export const MX_TABLE: ReleaseTable = {
  line: 'mx',
  platform: 'mx',
  rows: [SPEC_ERA, PARTITIONS_13_1, UPGRADED_15_1, DELETE_LOAD_22_1, NAMED_22_3],
};
