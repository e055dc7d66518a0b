/**
 * Lists keyed by several leaves (YANG `key "a b"`), and how Junos writes
 * their keys: the one table of their CLI words (docs/config-text-forms.md,
 * "Lists with several keys", says why each is so).
 *
 * The configuration tree is schema-free (tree.ts): an entry is recognised by
 * its first children. A one-key entry starts with `<name>`; a multi-key entry
 * starts with its key leaves in the YANG's order, by the names below. The
 * pair `choice-ident choice-value` of the machine-generated YANG is no leaf
 * in Junos XML: it is one element named by the match word, with the value as
 * its text when the word takes one (`<route-filter><address>10.0.0.0/8</address><orlonger/>`,
 * `<upto>/24</upto>`, `<community><add/><community-name>c</community-name>`).
 */
import type { SchemaNode } from './model.js';

/**
 * Every list with more than one key in the generated schemas
 * (schemas/config/*.json.gz), by list name: its keys in order. A test
 * (test/junos-config/multi-key.test.ts) checks the table against the schemas.
 */
const MULTI_KEYS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['address-range', ['low', 'high']],
  ['agent-specifier', ['aci', 'ari']],
  ['allowed-proxy-pair', ['local', 'remote']],
  ['as-path-neighbors', ['list-type', 'list-name']],
  ['as-path-origins', ['list-type', 'list-name']],
  ['as-path-transits', ['list-type', 'list-name']],
  ['attributes-match', ['from-event-attribute', 'condition', 'to-event-attribute-value']],
  ['clock-client', ['ip-address', 'local-ip-address']],
  ['clock-source', ['ip-address', 'local-ip-address']],
  ['community', ['choice-ident', 'choice-value', 'community-name']],
  ['control-ports', ['fpc', 'port']],
  ['destination-address-range', ['low', 'high']],
  ['destination-port-range', ['low', 'high']],
  ['destined-port', ['port', 'translated-port']],
  ['dlv', ['domain', 'trusted-anchor']],
  ['drop-profile-map', ['loss-priority', 'protocol']],
  ['from-zone', ['from-zone-name', 'to-zone']],
  ['interface', ['logical-interface-name', 'secondary-ip-address']],
  ['listening-port', ['port-number', 'listening-address']],
  ['local-address-range', ['low', 'high']],
  ['local-port-range', ['low', 'high']],
  ['mac', ['mac_addr', 'remote-vtep']],
  ['martians', ['address', 'choice-ident', 'choice-value']],
  ['mcc', ['mcc', 'mnc']],
  ['nexthop-weight', ['choice-ident', 'choice-value', 'weight']],
  ['policy', ['from-zone-name', 'to-zone-name']],
  ['port-range', ['port-range-low', 'port-range-high']],
  ['prefix-list-filter', ['list_name', 'choice-ident', 'choice-value']],
  ['remote-address-range', ['low', 'high']],
  ['remote-port-range', ['low', 'high']],
  ['rf_list', ['address', 'choice-ident', 'choice-value']],
  ['route', ['route_address', 'routing-instance']],
  ['route-filter', ['address', 'choice-ident', 'choice-value']],
  ['saf_list', ['address', 'choice-ident', 'choice-value']],
  ['source-address-filter', ['address', 'choice-ident', 'choice-value']],
  ['source-address-range', ['low', 'high']],
  ['start-date', ['start-date', 'stop-date']],
  ['start-time', ['start-time-value', 'stop-time']],
  ['tunnel-attribute', ['choice-ident', 'choice-value', 'tunnel-attribute-name']],
  ['upload', ['filename', 'destination']],
  ['virtual-link', ['neighbor-id', 'transit-area']],
  ['vmhost-syslog-object', ['facility', 'level']],
  ['vsi-manager', ['vsi-manager-id', 'vsi-type', 'vsi-version', 'vsi-instance']],
]);

/** The keys of a multi-key list called `name`, in order, or undefined. */
export function multiKeysOf(name: string): readonly string[] | undefined {
  return MULTI_KEYS.get(name);
}

/** For tests: the table itself. */
export function multiKeyTable(): ReadonlyMap<string, readonly string[]> {
  return MULTI_KEYS;
}

/** A match word standing for `choice-ident` (and `choice-value`, when it takes a value). */
interface ChoiceWord {
  /** The word the CLI writes (the XML element's name unless given). */
  readonly cli: string;
  /** Followed by a value (`upto /24`), which is the element's text. */
  readonly valued: boolean;
}

/**
 * The words that stand for `choice-ident`, by XML name. In the YANG the
 * enumeration of `choice-ident` also lists the entry's other statements
 * (`accept`, `metric`...), so only these are read as the key: the route
 * match types, the community and tunnel-attribute operations, the
 * nexthop-weight comparisons. `=`, `+`, `-` are the CLI's words for the
 * YANG's `equal-literal`, `plus-literal`, `minus-literal`.
 */
const CHOICE_WORDS: ReadonlyMap<string, ChoiceWord> = new Map<string, ChoiceWord>([
  ['exact', { cli: 'exact', valued: false }],
  ['longer', { cli: 'longer', valued: false }],
  ['orlonger', { cli: 'orlonger', valued: false }],
  ['upto', { cli: 'upto', valued: true }],
  ['through', { cli: 'through', valued: true }],
  ['prefix-length-range', { cli: 'prefix-length-range', valued: true }],
  ['address-mask', { cli: 'address-mask', valued: true }],
  ['add', { cli: 'add', valued: false }],
  ['delete', { cli: 'delete', valued: false }],
  ['set', { cli: 'set', valued: false }],
  ['remove', { cli: 'remove', valued: false }],
  ['equal-literal', { cli: '=', valued: false }],
  ['plus-literal', { cli: '+', valued: false }],
  ['minus-literal', { cli: '-', valued: false }],
  ['equal', { cli: 'equal', valued: false }],
  ['greater-than', { cli: 'greater-than', valued: false }],
  ['less-than', { cli: 'less-than', valued: false }],
  ['greater-than-equal', { cli: 'greater-than-equal', valued: false }],
  ['less-than-equal', { cli: 'less-than-equal', valued: false }],
]);
const CHOICE_BY_CLI: ReadonlyMap<string, string> = new Map([...CHOICE_WORDS].map(([xml, w]) => [w.cli, xml]));

/** True for an element that stands for a `choice-ident` key. */
export function isChoiceWord(xmlName: string): boolean {
  return CHOICE_WORDS.has(xmlName);
}

/** True when the choice word `xmlName` takes a value (`upto /24`). */
export function isValuedChoice(xmlName: string): boolean {
  return CHOICE_WORDS.get(xmlName)?.valued === true;
}

/** The CLI word of a choice element (`=` for `equal-literal`). */
export function choiceCliWord(xmlName: string): string {
  return CHOICE_WORDS.get(xmlName)?.cli ?? xmlName;
}

/**
 * The XML element a CLI word stands for as `list`'s `choice-ident` key, or
 * undefined when it is none of the list's match words (the YANG enumeration
 * of `choice-ident`, within the table above).
 */
export function choiceKeyOf(list: SchemaNode, cliWord: string): string | undefined {
  const xml = CHOICE_BY_CLI.get(cliWord);
  if (xml === undefined) return undefined;
  const t = list.child('choice-ident')?.type;
  return t !== undefined && t[0] === 'E' && t[1].includes(xml) ? xml : undefined;
}

/** How the CLI writes a list's keys when it writes them with keywords. */
export interface KeyForm {
  /** Whether the list's own word comes first (`drop-profile-map loss-priority low ...`); SRX policies write `from-zone A to-zone B` alone. */
  readonly listWord: boolean;
  /** Key leaf -> the word written before its value; keys not named are written by value alone. */
  readonly words: Readonly<Record<string, string>>;
}

/** Lists whose keys the CLI writes with keywords, by `parent/list`. */
const KEY_FORMS: ReadonlyMap<string, KeyForm> = new Map<string, KeyForm>([
  // `security policies from-zone trust to-zone untrust { policy p1 { ...`: XML `<policy><from-zone-name>`.
  ['policies/policy', { listWord: false, words: { 'from-zone-name': 'from-zone', 'to-zone-name': 'to-zone' } }],
  // SRX group VPN `ipsec-policy from-zone trust to-zone untrust { ...`.
  ['ipsec-policy/from-zone', { listWord: true, words: { 'to-zone': 'to-zone' } }],
  // class-of-service `drop-profile-map loss-priority low protocol any drop-profile dp;`.
  ['schedulers/drop-profile-map', { listWord: true, words: { 'loss-priority': 'loss-priority', protocol: 'protocol' } }],
  // OSPF `virtual-link neighbor-id 192.0.2.1 transit-area 0.0.0.1;`.
  ['area/virtual-link', { listWord: true, words: { 'neighbor-id': 'neighbor-id', 'transit-area': 'transit-area' } }],
]);

export function keyFormOf(parent: string, list: string): KeyForm | undefined {
  return KEY_FORMS.get(`${parent}/${list}`);
}

/** The list under `parent` whose entries start with `word` instead of the list's word (`from-zone` under `policies`), if any. */
export function listOfKeyWord(parent: string, word: string, keysOf: (list: string) => readonly string[] | undefined): string | undefined {
  for (const [at, form] of KEY_FORMS) {
    if (form.listWord || !at.startsWith(`${parent}/`)) continue;
    const list = at.slice(parent.length + 1);
    const first = keysOf(list)?.[0];
    if (first !== undefined && form.words[first] === word) return list;
  }
  return undefined;
}
