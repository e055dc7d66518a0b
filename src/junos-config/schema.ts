/**
 * The hand table the text renderer writes list entries by, and paths fall
 * back to for statements the generated schema lacks (path.ts); loads and
 * paths are otherwise read against the generated schema (schema/,
 * statements.ts): which statements are lists whose next word is an entry name.
 */

/**
 * Lists whose entries are written bare under their parent (`interfaces { ge-0/0/0 { ...`).
 * A Map: the key is a statement the client wrote, and `constructor` must find nothing.
 */
const IMPLICIT: ReadonlyMap<string, string> = new Map([
  ['interfaces', 'interface'],
  ['routing-instances', 'instance'],
  ['vlans', 'vlan'],
  ['bridge-domains', 'domain'],
  ['prefix-list', 'prefix-list-item'],
  // `route-filter-list RFL { 15.0.0.0/8 orlonger; }` (multi-key entries, schema/list-keys.ts).
  ['route-filter-list', 'rf_list'],
  ['source-address-filter-list', 'saf_list'],
]);

/** `parent/list`: the word after `list` is the entry's name. `*` matches any parent. */
const KEYED = new Set([
  // Junos XML writes these entries `<groups><name>re0</name>...`: the list is the statement itself.
  'configuration/groups',
  'configuration/logical-systems',
  'login/user',
  'login/class',
  'authentication/ssh-rsa',
  'authentication/ssh-ed25519',
  'authentication/ssh-ecdsa',
  'authentication/ssh-dsa',
  'interface/unit',
  '*/address',
  'static/route',
  'bgp/group',
  'group/neighbor',
  'policy-options/policy-statement',
  'policy-statement/term',
  'filter/term',
  'family/filter',
  'inet/filter',
  'syslog/file',
  'syslog/host',
  'syslog/user',
  'ospf/area',
  'area/interface',
  'isis/interface',
  'ldp/interface',
  'mpls/interface',
  'rsvp/interface',
]);

/** The element an implicit-list entry under `parent` becomes, or undefined. */
export function implicitList(parent: string): string | undefined {
  return IMPLICIT.get(parent);
}

/** The bare-name form of an element under `parent` (for rendering text and set). */
export function isImplicitEntry(parent: string, name: string): boolean {
  // syslog `file messages { any notice; }`: `contents` entries are written by their key too.
  return IMPLICIT.get(parent) === name || name === 'contents';
}

export function isKeyedList(parent: string, name: string): boolean {
  return KEYED.has(`${parent}/${name}`) || KEYED.has(`*/${name}`);
}

/** Statements the emulator interprets, by `parent/name`: those that need a value, and those that take none. */
const VALUE_LEAVES = new Set([
  // The release a configuration was written for: Junos takes it in every format, and a commit stamps the running one.
  'configuration/version',
  'system/host-name',
  'system/domain-name',
  'user/class',
  'authentication/encrypted-password',
  'retry-options/tries-before-disconnect',
  'retry-options/backoff-threshold',
  'retry-options/backoff-factor',
]);
const EMPTY_LEAVES = new Set(['system/mirror-flash-on-disk', 'netconf/rfc-compliant', 'netconf/version-1.1']);

export function leafKind(parent: string, name: string): 'value' | 'empty' | undefined {
  const k = `${parent}/${name}`;
  return VALUE_LEAVES.has(k) ? 'value' : EMPTY_LEAVES.has(k) ? 'empty' : undefined;
}

/** Statements that are always containers, so `set system services ssh` never reads `ssh` as the value of `services`. */
const CONTAINERS = new Set([
  'system', 'login', 'retry-options', 'services', 'netconf', 'ssh', 'syslog', 'ntp', 'authentication', 'archival',
  'interfaces', 'family', 'inet', 'inet6', 'protocols', 'routing-options', 'static', 'policy-options',
  'firewall', 'snmp', 'chassis', 'security', 'forwarding-options', 'class-of-service', 'bgp', 'ospf', 'isis',
]);

/** True when a word under `parent` opens a container rather than naming a leaf with a value. */
export function isContainer(parent: string, name: string): boolean {
  return (parent === 'configuration' && leafKind(parent, name) !== 'value') || CONTAINERS.has(name) || leafKind(parent, name) === 'empty';
}
