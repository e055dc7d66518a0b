/**
 * What real devices sent, copied from the public captures that
 * ../shared/reference/junos-captures.md lists (each with its source), for the
 * per-device release tests. Where a capture is exact text, the tests compare
 * byte for byte; where it is a fixture or a fragment, element for element.
 */

const DASHES = '-'.repeat(74);

/** MX80 15.1R7.8, `request system snapshot` (code index 30239519891). */
export const MX80_SNAPSHOT = [
  'Verifying compatibility of destination media partitions...',
  'Running newfs (899MB) on internal media  / partition (da1s1a)...',
  'Running newfs (100MB) on internal media  /config partition (da1s1e)...',
  "Copying '/dev/da0s1a' to '/dev/da1s1a' .. (this may take a few minutes)",
  "Copying '/dev/da0s1e' to '/dev/da1s1e' .. (this may take a few minutes)",
  'The following filesystems were archived: / /config',
  '',
].join('\n');

/** MX80 15.1R7.8, `show version` package comments in order (code index 30239519891). */
export const MX80_VERSION_COMMENTS = [
  'JUNOS Base OS boot',
  'JUNOS Base OS Software Suite',
  'JUNOS Crypto Software Suite',
  'JUNOS Packet Forwarding Engine Support (MX80)',
  'JUNOS Web Management',
  'JUNOS Online Documentation',
  'JUNOS Services Application Level Gateways',
  'JUNOS Services Jflow Container package',
  'JUNOS Services Stateful Firewall',
  'JUNOS Services NAT',
  'JUNOS Services RPM',
  'JUNOS Services Captive Portal and Content Delivery Container package',
  'JUNOS Macsec Software Suite',
  'JUNOS Services Crypto',
  'JUNOS Services IPSec',
  'JUNOS Kernel Software Suite',
];

/** MX80 15.1R6.7, `show system snapshot` ("old format", mirceaulinic/junos-system-snapshot README). */
export const MX80_SHOW_SNAPSHOT = [
  'Doing the initial labeling...',
  'Information for snapshot on internal (da1s1)',
  'Creation date: Aug 8 09:58:12 2017',
  'JUNOS version on snapshot:',
  '  jbase  : ppc-15.1R6.7',
  '  jcrypto: ppc-15.1R6.7',
  '  jdocs  : 15.1R6.7',
  '  jkernel: ppc-15.1R6.7',
  '  jmacsec: 15.1R6.7',
  '  jpfe   : MX80-15.1R6.7',
  '  jroute : ppc-15.1R6.7',
  '  jweb   : ppc-15.1R6.7',
  '',
].join('\n');
export const MX80_SNAPSHOT_DATE = Date.UTC(2017, 7, 8, 9, 58, 12);

/** The recovery section of `show system snapshot` on upgraded FreeBSD ("new format", same README). */
export const RECOVERY_SECTION = [
  'Recovery Snapshots:',
  'Snapshots available on the OAM volume:',
  'recovery.ufs',
  'Date created: Wed Aug 15 10:50:42 UTC 2018',
  'Junos version: 15.1X53-D66.8',
  '',
  'Total recovery snapshots: 1',
  '',
].join('\n');
export const RECOVERY_DATE = Date.UTC(2018, 7, 15, 10, 50, 42);

/** SRX100H2 12.3X48-D105.4 (code index 33142076978) and EX2200 (code index 38396141080): `request system snapshot slice alternate`. */
export const SLICE_ALTERNATE = [
  'Formatting alternate root (/dev/da0s2a)...',
  "Copying '/dev/da0s1a' to '/dev/da0s2a' .. (this may take a few minutes)",
  'The following filesystems were archived: /',
  '',
].join('\n');
/** The EX2200 capture prints it under the member's header. */
export const EX_SLICE_ALTERNATE = `fpc0:\n${DASHES}\n${SLICE_ALTERNATE}`;

/** SRX100H2 12.3X48-D105.4, `show system snapshot media internal` (code index 33142076978). */
export const SRX100H2_SHOW_SNAPSHOT = [
  'Information for snapshot on       internal (/dev/da0s1a) (primary)',
  'Creation date: Feb 8 15:20:35 2023',
  'JUNOS version on snapshot:',
  '  junos  : 12.3X48-D105.4-domestic',
  'Information for snapshot on       internal (/dev/da0s2a) (backup)',
  'Creation date: Feb 8 16:25:58 2023',
  'JUNOS version on snapshot:',
  '  junos  : 12.3X48-D105.4-domestic',
  '',
].join('\n');
export const SRX100H2_DATES = { primary: Date.UTC(2023, 1, 8, 15, 20, 35), backup: Date.UTC(2023, 1, 8, 16, 25, 58) };

/**
 * SRX300 15.1X49-D70.3, `show system snapshot media internal | display json`
 * (ansible-junos-stdlib#401): the keys of one object in order, and the two
 * padded values.
 */
export const SRX300_JSON_KEYS = ['snapshot-medium', 'creation-date', 'software-version', 'snapshot-medium', 'creation-date', 'software-version'];
export const SRX300_MEDIUM = '      internal (/dev/da0s1a) (backup)\n  ';
export const SRX300_DATE_VALUE = 'Sep 3 22:19:31 2017\n  ';

/** SRX550 15.1X49, `request system snapshot media usb partition`: the lines' shapes (code index 4950527227). */
export const SRX550_USB_PARTITION = [
  /^Clearing current label\.\.\.$/,
  /^Partitioning usb media \(\/dev\/da\d\) \.\.\.$/,
  /^Partitions on snapshot:$/,
  /^$/,
  /^ {2}Partition {2}Mountpoint {2}Size {4}Snapshot argument$/,
  /^ {6}s1a {4}\/ {11}\S+ +none$/,
  /^ {6}s2a {4}\/altroot {4}\S+ +none$/,
  /^ {6}s3e {4}\/config {5}\S+ +none$/,
  /^ {6}s3f {4}\/var {8}\S+ +none$/,
  /^Copying '\/dev\/da0s1a' to '\/dev\/da\ds1a' \.\. \(this may take a few minutes\)$/,
  /^Copying '\/dev\/da0s2a' to '\/dev\/da\ds2a' \.\. \(this may take a few minutes\)$/,
  /^Copying '\/dev\/da0s3e' to '\/dev\/da\ds3e' \.\. \(this may take a few minutes\)$/,
  /^Copying '\/dev\/da0s3f' to '\/dev\/da\ds3f' \.\. \(this may take a few minutes\)$/,
  /^The following filesystems were archived: \/ \/altroot \/config \/var$/,
];

/** EX4300 15.1R6.7 (py-junos-eznc#922): `show system snapshot` is wrapped in multi-RE results; the medium as Junos pads it. */
export const EX4300_MEDIUM_PRIMARY = '      internal (/dev/da0s1a) (primary)';

/**
 * The 18.4R3 session replay's hello (code index 20032184119): 13 capabilities,
 * the first url one with ?scheme=, the second with ?protocol= (so every default
 * hello captured: 18.2R1 vMX in code index 24491923212, 14.1/16.2 vMX in 47259022596).
 */
export const HELLO_18_4 = [
  'urn:ietf:params:netconf:base:1.0',
  'urn:ietf:params:netconf:capability:candidate:1.0',
  'urn:ietf:params:netconf:capability:confirmed-commit:1.0',
  'urn:ietf:params:netconf:capability:validate:1.0',
  'urn:ietf:params:netconf:capability:url:1.0?scheme=http,ftp,file',
  'urn:ietf:params:xml:ns:netconf:base:1.0',
  'urn:ietf:params:xml:ns:netconf:capability:candidate:1.0',
  'urn:ietf:params:xml:ns:netconf:capability:confirmed-commit:1.0',
  'urn:ietf:params:xml:ns:netconf:capability:validate:1.0',
  'urn:ietf:params:xml:ns:netconf:capability:url:1.0?protocol=http,ftp,file',
  'urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring',
  'http://xml.juniper.net/netconf/junos/1.0',
  'http://xml.juniper.net/dmi/system/1.0',
];

/** The same replay's first two lines (the user's class super-user, by Junos's internal name). */
export const HELLO_COMMENTS_18_4 = ['<!-- No zombies were killed during the creation of this user interface -->', '<!-- user gescheit, class j-super-user -->'];

/** The 18.3R3 rfc-compliant hello (code index 19189566907): `?protocol=` in both url capabilities. */
export const HELLO_18_3_RFC = HELLO_18_4.map((c) => c.replace('?scheme=', '?protocol='));

/** The reply root of the 18.4R3 replay (code index 20032184119) and of the 18.3R3 rfc-compliant one (19189566907), to `<rpc xmlns=NC message-id="1">`. */
export const ROOT_18_4 = '<rpc-reply xmlns:junos="http://xml.juniper.net/junos/18.4R3/junos" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="1">';
export const ROOT_18_3_RFC =
  '<nc:rpc-reply xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:junos="http://xml.juniper.net/junos/18.3R3/junos" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="1">';

/** The release string of `xmlns:junos` per release (captures: 18.4R3, 15.1R6, 16.1R1, 12.3X48, 13.3R9, 20.4R0, 23.1R0; 24.2R2.1 root / 24.2R0 data). */
export const NAMESPACE_RELEASES: ReadonlyArray<readonly [string, string, string]> = [
  ['18.4R3.3', '18.4R3', '18.4R3'],
  ['15.1R6.7', '15.1R6', '15.1R6'],
  ['16.1R1.11', '16.1R1', '16.1R1'],
  ['12.3X48-D105.4', '12.3X48', '12.3X48'],
  ['13.3R9-S2.1', '13.3R9', '13.3R9'],
  ['20.4R3.8', '20.4R0', '20.4R0'],
  ['23.1R1.8', '23.1R0', '23.1R0'],
  ['24.2R2.1', '24.2R2.1', '24.2R0'],
];

/** PyEZ's re_info_dual fixture (MX480 RE-S-1800x4, 15.1F5): the master RE's elements in order. */
export const RE_MASTER_ELEMENTS = [
  'slot', 'mastership-state', 'mastership-priority', 'status', 'temperature', 'cpu-temperature', 'memory-dram-size',
  'memory-installed-size', 'memory-buffer-utilization', 'cpu-user', 'cpu-background', 'cpu-system', 'cpu-interrupt', 'cpu-idle',
  'cpu-user1', 'cpu-background1', 'cpu-system1', 'cpu-interrupt1', 'cpu-idle1', 'cpu-user2', 'cpu-background2', 'cpu-system2',
  'cpu-interrupt2', 'cpu-idle2', 'cpu-user3', 'cpu-background3', 'cpu-system3', 'cpu-interrupt3', 'cpu-idle3', 'model',
  'serial-number', 'start-time', 'up-time', 'last-reboot-reason', 'load-average-one', 'load-average-five', 'load-average-fifteen',
];
/** Its backup RE: the current CPU figures only. */
export const RE_BACKUP_ELEMENTS = RE_MASTER_ELEMENTS.filter((e) => !/^cpu-\w+[123]$/.test(e));

/** PyEZ's vc_get-virtual-chassis-information fixture (EX4300): a present member's elements. */
export const VC_MEMBER_ELEMENTS = [
  'member-status', 'member-id', 'fpc-slot', 'member-serial-number', 'member-model', 'member-priority', 'member-mixed-mode',
  'member-route-mode', 'member-role', 'neighbor-list',
];

/** PyEZ's cluster_true fixture: the elements of one redundancy group. */
export const CLUSTER_GROUP_ELEMENTS = ['cluster-id', 'redundancy-group-id', 'redundancy-group-failover-count', 'device-stats'];

/** 20.4R0, `get-configuration` of a candidate nobody edited (netconf.log trace, code index 25086691693). */
export const CANDIDATE_ROOT_20_4 =
  '<configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm" junos:changed-seconds="1626806672" junos:changed-localtime="2021-07-20 18:44:32 UTC">';
/** 18.2R1 vMX, `get-config` of running (code index 24491923212); the same shape in a 17.3R2 reply (code index 125805700). */
export const RUNNING_ROOT_18_2 =
  '<configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm" junos:commit-seconds="1574828031" junos:commit-localtime="2019-11-27 04:13:51 UTC" junos:commit-user="jcluser">';
/** The same capture: a filter that matched nothing in running. */
export const EMPTY_FILTERED_18_2 = '<data>\n<configuration>\n</configuration>\n</data>';
/** go-junos GetConfig("text") of a candidate (code index 1287932333): its first line. */
export const CANDIDATE_TEXT_HEAD = '## Last changed: 2017-03-24 12:26:58 EDT';
/**
 * The `version` statement: first in `show configuration` (PyEZ
 * tests/unit/rpc-reply/show-configuration.xml: `version 12.1X46-D15.3;`; an
 * ansible `show configuration` of a 12.1X47 vSRX, code index 20396013867),
 * first in XML (`<version>21.4R3-S4.9</version>`, code index 59312547489) and
 * JSON (`"version" : "18.2R1.9"`, code index 24653394089).
 */
export const VERSION_TEXT_12_1X47 = ['## Last changed: 2018-10-04 05:56:28 UTC', 'version 12.1X47-D15.4;', 'system {', '    host-name vsrx1;'];

/** PyEZ facts/rpc-reply/get-software-information_RE0-RE0.xml (TX Matrix Plus, 14.2R4): re-name and product-model of each item. */
export const TXP_INVOKE_ON_ALL: ReadonlyArray<readonly [string, string]> = [
  ['sfc0-re0', 'txp'],
  ['lcc0-re0', 't1600'],
  ['lcc2-re0', 't1600'],
];

/** PyEZ tests/unit/rpc-reply/show-configuration.xml (an SRX on 12.1X46-D15.3, `show configuration` in text): its first four lines. */
export const SHOW_CONFIGURATION_HEAD = [
  '<configuration-information>',
  '<configuration-output>',
  '## Last commit: 2014-03-24 16:34:32 UTC by rick',
  'version 12.1X46-D15.3;',
  'system {',
  '    host-name firefly;',
];
