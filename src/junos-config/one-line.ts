/**
 * Statements Junos writes on one line with their one child
 * (`route 0.0.0.0/0 next-hop 192.0.2.1;`, `then accept;`, `from protocol static;`,
 * syslog `any emergency;`). Junos's DDL marks them; the published YANG lost
 * the mark, so they are listed here from public `show configuration` and
 * `show | compare` captures (docs/config-text-forms.md says which). This table
 * is the one source of truth: the text renderer, and through it the compare,
 * rescue and rollback text, ask it. The text parser needs nothing from it: a
 * statement's words may name several statements (`route X next-hop Y`), as a
 * `set` line does.
 *
 * It is specific, not a rule for every statement with one child: the same
 * captures show `unit 0 { family inet { ... } }`, `filter { input f; }`,
 * `ssh { root-login allow; }` and SRX security policies' `then { permit; }` as blocks.
 */
import type { ConfigNode } from './tree.js';
import { keyCount, keyOf } from './tree.js';

/** Statement name -> the parents it is written on one line under (`*`: any parent). */
const ONE_LINE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  // static and aggregate routes of routing-options (and of routing-instances, logical-systems, rib).
  ['route', new Set(['static', 'aggregate'])],
  // firewall filter terms and policy-statement terms, and a policy-statement's own then/from.
  ['then', new Set(['term', 'policy-statement'])],
  ['from', new Set(['term', 'policy-statement'])],
  ['to', new Set(['term', 'policy-statement'])],
  // a policy's `then { load-balance per-packet; }` (then itself stays a block: its child is a container).
  ['load-balance', new Set(['then'])],
  // syslog facilities of file, host, user and console: `any notice;`.
  ['contents', new Set(['*'])],
  // chassis cluster redundancy-group nodes: `node 0 priority 100;`.
  ['node', new Set(['redundancy-group'])],
  // entries of the wrapped lists above: `10.0.0.0/8 except;`, `"scp://..." password "...";`.
  ['destination-address', new Set(['from'])],
  ['source-address', new Set(['from'])],
  ['address', new Set(['from'])],
  ['archive-sites', new Set(['configuration'])],
  // multi-key entries with one action: `route-filter 10.0.0.0/8 exact accept;` (schema/list-keys.ts).
  ['route-filter', new Set(['from'])],
  ['source-address-filter', new Set(['from'])],
  ['prefix-list-filter', new Set(['from'])],
  ['rf_list', new Set(['route-filter-list'])],
  ['saf_list', new Set(['source-address-filter-list'])],
  ['martians', new Set(['routing-options', 'rib'])],
]);

/**
 * Lists below the top whose entries Junos writes inside one block of the
 * list's name, by key (`destination-address {` / `    10.0.0.0/8;`), by list
 * and parent: firewall match addresses (an IBM Cloud vSRX `show configuration`)
 * and archival sites (`archive-sites {` / `    "scp://..." password ...;`, a STIG
 * text). A policy's `from { prefix-list p; }` is not one (a vMX capture).
 */
const WRAPPED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['destination-address', new Set(['from'])],
  ['source-address', new Set(['from'])],
  ['address', new Set(['from'])],
  ['archive-sites', new Set(['configuration'])],
  // `martians {` / `    192.0.2.0/24 orlonger allow;` (Juniper's syntax of the statement).
  ['martians', new Set(['routing-options', 'rib'])],
]);

/** True when `n`, a list entry under a parent named `parentName`, is written inside its list's block. */
export function isWrappedEntry(parentName: string, n: ConfigNode): boolean {
  return keyOf(n) !== undefined && WRAPPED.get(n.name)?.has(parentName) === true;
}

/**
 * Statements Junos writes on one line with all their leaves, by statement
 * and parent, and the leaf written without its keyword, first:
 * `file dhcp_logfile size 10m;` (traceoptions, a vMX `show configuration`).
 */
const ALL_ON_LINE: ReadonlyMap<string, { readonly parents: ReadonlySet<string>; readonly keywordless: string }> = new Map([
  ['file', { parents: new Set(['traceoptions']), keywordless: 'filename' }],
]);

/**
 * List entries Junos writes on one line with all their leaves, by list and
 * parent: NTP keys and servers (`authentication-key 2 type md5 value
 * "$9$..."; ## SECRET-DATA`, `server 48.46.194.186 key 34 version 2 prefer
 * routing-instance rt1; ## SECRET-DATA`: a vSRX `show system ntp` in
 * Ansible's junos_ntp_global documentation; a vMX compare, code index 36154451028).
 */
const ENTRY_ON_LINE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['authentication-key', new Set(['ntp'])],
  ['server', new Set(['ntp'])],
  ['peer', new Set(['ntp'])],
]);

/** The leaf of a one-line statement written by its value alone (`filename` of a traceoptions `file`), if any. */
export function keywordlessOnLine(parentName: string, n: ConfigNode): string | undefined {
  const all = ALL_ON_LINE.get(n.name);
  return all !== undefined && all.parents.has(parentName) ? all.keywordless : undefined;
}

/**
 * The children of `n` (under a parent named `parentName`) that Junos writes
 * on `n`'s own line, or undefined when `n` is written as a block: `n` is in
 * the table, active, and holds (besides its key) exactly one statement that
 * is a leaf, empty or with a value, or the values of one leaf-list
 * (`next-hop [ a b ]`). A container, a list entry or an inactive child keeps
 * the block form.
 */
export function oneLineChildren(parentName: string, n: ConfigNode): readonly ConfigNode[] | undefined {
  const kwl = keywordlessOnLine(parentName, n);
  if (kwl !== undefined) {
    // Every child a leaf, the keyword-less one first (`file f size 10m;`).
    if (n.children.length === 0 || n.children[0]!.name !== kwl) return undefined;
    return n.children.every((c) => c.children.length === 0 && !c.inactive) ? n.children : undefined;
  }
  if (ENTRY_ON_LINE.get(n.name)?.has(parentName) === true && keyOf(n) !== undefined) {
    const leaves = n.children.slice(keyCount(n));
    return leaves.length > 0 && leaves.every((c) => c.children.length === 0 && !c.inactive) ? leaves : undefined;
  }
  const parents = ONE_LINE.get(n.name);
  if (parents === undefined || !(parents.has(parentName) || parents.has('*'))) return undefined;
  const first = keyOf(n) !== undefined ? keyCount(n) : 0;
  if (n.children.length <= first) return undefined;
  const name = n.children[first]!.name;
  for (let i = first; i < n.children.length; i++) {
    const c = n.children[i]!;
    if (c.name !== name || c.children.length > 0 || c.inactive) return undefined;
    // Several statements of one name are a leaf-list only with values (`next-hop a; next-hop b;`).
    if (i > first && (c.value === undefined || n.children[first]!.value === undefined)) return undefined;
  }
  return n.children.slice(first);
}
