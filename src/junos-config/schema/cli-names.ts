/**
 * Where the CLI (text and `set` forms) writes a statement differently from
 * its YANG / XML name. The YANG Juniper publishes has no trace of these (its
 * DDL flags did not survive the conversion), so they are listed by hand;
 * docs/config-schema.md says which and why.
 */

/** Lists whose entries the CLI writes by key alone, under `parent` (`interfaces { ge-0/0/0 {`); `*` is any parent. */
const BARE: ReadonlyMap<string, string> = new Map([
  ['interfaces', 'interface'],
  ['routing-instances', 'instance'],
  ['vlans', 'vlan'],
  ['bridge-domains', 'domain'],
  ['prefix-list', 'prefix-list-item'],
  // `route-filter-list RFL 15.0.0.0/8 orlonger` (list-keys.ts reads the keys).
  ['route-filter-list', 'rf_list'],
  ['source-address-filter-list', 'saf_list'],
  // syslog `file messages { any notice; }`, `host h { any any; }`, `user * { any emergency; }`
  ['*', 'contents'],
]);

/** The bare-key list under `parent` whose entries may be written without the list's own word. */
export function bareListUnder(parent: string, hasChild: (name: string) => boolean): string | undefined {
  const named = BARE.get(parent);
  if (named !== undefined && hasChild(named)) return named;
  return hasChild('contents') && parent !== 'configuration' ? 'contents' : undefined;
}

/** True when entries of list `name` under `parent` are written by key alone. */
export function isBareEntry(parent: string, name: string): boolean {
  return BARE.get(parent) === name || name === 'contents';
}

/** CLI words whose XML element is named differently. */
const CLI_TO_XML: ReadonlyMap<string, string> = new Map([['802.3ad', 'ieee-802.3ad']]);
const XML_TO_CLI: ReadonlyMap<string, string> = new Map([...CLI_TO_XML].map(([c, x]) => [x, c]));

export function xmlNameOf(word: string): string {
  return CLI_TO_XML.get(word) ?? word;
}

export function cliWordOf(xmlName: string): string {
  return XML_TO_CLI.get(xmlName) ?? xmlName;
}

/**
 * Statements whose leaf takes a value without its keyword (`802.3ad ae0;` is
 * `bundle ae0`, `as-path ap1 "65001 .*"` is its `path`), beyond the rule
 * statements.ts applies to containers (their first leaf).
 */
const POSITIONAL: ReadonlyMap<string, string> = new Map([
  ['ieee-802.3ad', 'bundle'],
  ['as-path', 'path'],
]);

export function positionalLeaf(container: string): string | undefined {
  return POSITIONAL.get(container);
}

/**
 * Statements the emulator interprets that no published YANG has: the
 * NETCONF 1.1 switch of a device's YAML entry (docs/configuration.md), by
 * parent container. Empty leaves.
 */
const EXTENSIONS: ReadonlyMap<string, readonly string[]> = new Map([['netconf', ['version-1.1']]]);

export function isEmulatorExtension(parent: string, name: string): boolean {
  return EXTENSIONS.get(parent)?.includes(name) ?? false;
}
