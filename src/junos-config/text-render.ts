/**
 * `show configuration` as curly-brace text and as `set` lines: one walk over
 * the tree (walk.ts) that hands each line to a sink (a TextBuffer, or the
 * compare's line splitter) and checkpoints as it goes.
 */
import { isWrappedEntry, keywordlessOnLine, oneLineChildren } from './one-line.js';
import { isSecretLeaf, SECRET_DATA } from './permissions.js';
import { isImplicitEntry } from './schema.js';
import { defaultSchema } from './schema/catalog.js';
import { cliWordOf } from './schema/cli-names.js';
import type { Schema, SchemaNode } from './schema/model.js';
import { positionalOf } from './statements.js';
import { runNow, TextBuffer, type Work } from './slices.js';

/** Where rendered pieces go (a TextBuffer). */
export interface Sink {
  push(s: string): void;
}
import type { ConfigNode } from './tree.js';
import { keyCount, keyOf } from './tree.js';
import { choiceCliWord, isChoiceWord, keyFormOf } from './schema/list-keys.js';
import { depthFirst } from './walk.js';

/** Junos quotes values with blanks or syntax characters, and password hashes (`$`). */
export function quote(v: string): string {
  return /^[^\s{};"'#[\]$]+$/.test(v) ? v : `"${v.replace(/(["\\])/g, '\\$1')}"`;
}

/**
 * A leaf's value as text shows it: quoted where Junos quotes, and the
 * placeholder a user without the `secret` permission sees as it is
 * (`encrypted-password /* SECRET-DATA *\/;`, a vQFX capture, docs/config-text-forms.md).
 */
export function shownValue(v: string): string {
  return v === SECRET_DATA ? v : quote(v);
}

/**
 * Public keys of a login, lists keyed by the key itself: Junos marks them as
 * secrets too (`ssh-rsa "ssh-rsa AAAA... key"; ## SECRET-DATA`, a vQFX 20.3R1
 * capture; the other key types by analogy).
 */
const SECRET_KEY_LISTS: ReadonlySet<string> = new Set(['ssh-rsa', 'ssh-dsa', 'ssh-ecdsa', 'ssh-ed25519']);

/** ` ## SECRET-DATA`, which Junos's text (not `| display set`) writes after a secret's line, else ''. */
export function secretNote(n: ConfigNode, parent?: { readonly name: string }): string {
  if (n.value !== undefined) return isSecretLeaf(n.name, parent?.name) ? ' ## SECRET-DATA' : '';
  return SECRET_KEY_LISTS.has(n.name) && n.children.length === 1 && n.children[0]!.name === 'name' ? ' ## SECRET-DATA' : '';
}

/**
 * The part of a one-line statement after its head: `next-hop 192.0.2.1`,
 * `next-hop [ a b ]`, `accept`, `dhcp_logfile size 10m` (its `keywordless`
 * leaf by value alone); the values of one name together in brackets.
 */
export function oneLineText(line: readonly ConfigNode[], keywordless?: string): string {
  const parts: string[] = [];
  for (let i = 0; i < line.length; ) {
    const c = line[i]!;
    let end = i + 1;
    while (end < line.length && line[end]!.name === c.name && c.value !== undefined) end++;
    const word = c.name === keywordless ? '' : `${cliWordOf(c.name)} `;
    if (end - i > 1) parts.push(`${word}${bracketed(line.slice(i, end))}`);
    else parts.push(c.value === undefined ? word.trimEnd() : `${word}${shownValue(c.value)}`);
    i = end;
  }
  return parts.join(' ');
}

const pads: string[] = [''];
/** Four spaces per level, as Junos indents. */
export function pad(depth: number): string {
  while (pads.length <= depth) pads.push(`${pads[pads.length - 1]!}    `);
  return pads[depth]!;
}

/**
 * Junos's one-line forms, from `show configuration` captures (docs/config-text-forms.md):
 * - a leaf-list with several values is one statement, `protocol [ static direct ];`
 *   (one value: `protocol static;`); its values are the leaves of one name, no key
 *   and no children, that occur more than once under one statement;
 * - each child of `family` is written on the `family` line (`family inet {`,
 *   `family inet-vpn {`), one level of indentation less.
 */
export function leafListGroups(parent: ConfigNode): ReadonlyMap<string, readonly ConfigNode[]> | undefined {
  let seen: Map<string, ConfigNode[]> | undefined;
  let repeated: Map<string, readonly ConfigNode[]> | undefined;
  const from = keyOf(parent) !== undefined ? keyCount(parent) : 0;
  for (let i = from; i < parent.children.length; i++) {
    const c = parent.children[i]!;
    if (c.value === undefined || c.children.length > 0) continue;
    seen ??= new Map();
    const list = seen.get(c.name);
    if (list === undefined) seen.set(c.name, [c]);
    else {
      list.push(c);
      (repeated ??= new Map()).set(c.name, list);
    }
  }
  if (repeated === undefined) return undefined;
  // An inactive value keeps its own line (`inactive: members v1;`), and the others theirs.
  for (const [name, list] of repeated) if (list.some((c) => c.inactive)) repeated.delete(name);
  return repeated.size > 0 ? repeated : undefined;
}

/** `[ a b c ]`: the values of a leaf-list as Junos writes them on one line. */
export function bracketed(values: readonly ConfigNode[]): string {
  return `[ ${values.map((c) => quote(c.value!)).join(' ')} ]`;
}

/** True when `n` is a `family` whose children go on its line (`family inet {`). */
export function isFamilyLine(n: ConfigNode): boolean {
  return n.name === 'family' && n.value === undefined && !n.inactive && n.children.length > 0 && keyOf(n) === undefined;
}

/**
 * Containers Junos writes with their one leaf's value and without the leaf's
 * keyword, by container and leaf (the published YANG lost the DDL flag that
 * says so, so they are listed from captures; docs/config-text-forms.md):
 * `autonomous-system 65000;`, `local-as 65001;`, `route-distinguisher 65000:1;`,
 * `vrf-target target:65000:1;`, `filter { input f; }`, `802.3ad ae0;`.
 * The first-leaf rule statements.ts reads such values with is wider
 * (it would print `aggregated-devices { ethernet 4; }`), so rendering keeps to this list.
 */
const KEYWORDLESS: ReadonlySet<string> = new Set([
  'autonomous-system/as-number',
  'local-as/as-number',
  'route-distinguisher/rd-type',
  'vrf-target/community',
  'input/filter-name',
  'output/filter-name',
  'ieee-802.3ad/bundle',
]);

/** The value a container is written with when its one child is its keyword-less leaf (KEYWORDLESS), checked against the schema. */
export function keywordlessValue(n: ConfigNode, s: SchemaNode | undefined): string | undefined {
  if (s === undefined || s.kind !== 'container' || n.children.length !== 1) return undefined;
  const c = n.children[0]!;
  if (c.value === undefined || c.children.length > 0 || c.inactive || !KEYWORDLESS.has(`${n.name}/${c.name}`)) return undefined;
  return positionalOf(s) === c.name ? c.value : undefined;
}

const NO_GROUPS: ReadonlyMap<string, readonly ConfigNode[]> = new Map();

/**
 * The words that name list entry `n` (under a parent called `parentName`)
 * after `word`, its statement's own (`unit 0`): by key alone when `bare`.
 * A multi-key entry writes its keys as schema/list-keys.ts says:
 * `route-filter 10.0.0.0/8 upto /24`, `community add c1`,
 * `from-zone trust to-zone untrust` (without the list's word `policy`).
 */
export function entryHead(parentName: string, n: ConfigNode, word: string, bare: boolean): string {
  const k = n.children[0]!;
  if (k.name === 'name') return bare ? quote(k.value ?? '') : `${word} ${quote(k.value ?? '')}`;
  const form = keyFormOf(parentName, n.name);
  const parts: string[] = bare || form?.listWord === false ? [] : [word];
  const count = keyCount(n);
  for (let j = 0; j < count; j++) {
    const c = n.children[j]!;
    if (isChoiceWord(c.name)) parts.push(choiceCliWord(c.name), ...(c.value !== undefined ? [quote(c.value)] : []));
    else parts.push(...(form?.words[c.name] !== undefined ? [form.words[c.name]!] : []), quote(c.value ?? ''));
  }
  return parts.join(' ');
}

/** Renders a configuration (its children) as Junos text, four-space indent, into `out`. */
/**
 * Lists at the top of the configuration whose entries Junos writes inside one
 * block of the list's name, by key alone (`groups {` / `    re0 {`,
 * `logical-systems {` / `    R2 {`), while XML writes each entry as `<groups>`.
 */
export const WRAPPED_LISTS: ReadonlySet<string> = new Set(['groups', 'logical-systems']);

/** True when `n`, under `parent`, is written by its key alone. */
function isBare(parent: ConfigNode, n: ConfigNode): boolean {
  return isImplicitEntry(parent.name, n.name) || (parent.name === n.name && WRAPPED_LISTS.has(n.name)) || isWrappedEntry(parent.name, n);
}

const RUN_MEMBER = 1;
const RUN_START = 2;
const RUN_END = 4;

/** For each child of `parent` in a wrapped list (isWrappedEntry): whether it opens and closes the list's block. */
function wrappedRuns(parent: ConfigNode): ReadonlyMap<ConfigNode, number> {
  const runs = new Map<ConfigNode, number>();
  const kids = parent.children;
  const member = (i: number, name: string): boolean => i >= 0 && i < kids.length && kids[i]!.name === name && isWrappedEntry(parent.name, kids[i]!);
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i]!;
    if (!isWrappedEntry(parent.name, c)) continue;
    runs.set(c, RUN_MEMBER | (member(i - 1, c.name) ? 0 : RUN_START) | (member(i + 1, c.name) ? 0 : RUN_END));
  }
  return runs;
}
const NO_RUNS: ReadonlyMap<ConfigNode, number> = new Map();

/** After a statement written on its line: the wrapped list's closing brace if the statement ends its run. */
function closeRun(out: Sink, run: number, outer: string): -1 {
  if ((run & RUN_END) !== 0) out.push(`${outer}}\n`);
  return -1;
}

/**
 * `groupOf` names the group of each statement a configuration inherited
 * (groups.ts): `| display inheritance` writes a comment before each, as
 * Juniper's examples do (`## '1' was inherited from group 'some-isp'`).
 */
export function* textPieces(
  root: ConfigNode,
  out: Sink,
  schema: Schema | SchemaNode | null = defaultSchema(),
  groupOf?: (n: ConfigNode) => string | undefined,
): Work<void> {
  // The comment block before inherited statements: one line per inherited word (a leaf's value, an entry's key, a name).
  const note = (indent: string, nodes: readonly ConfigNode[]): void => {
    if (!groupOf) return;
    const lines: string[] = [];
    for (const c of nodes) {
      const g = groupOf(c);
      if (g !== undefined) lines.push(`${indent}## '${inheritedWord(c)}' was inherited from group '${g}'\n`);
    }
    if (lines.length > 0) out.push(`${indent}##\n${lines.join('')}${indent}##\n`);
  };
  // The top-level list block (`groups {`) open around the entries being written, if any.
  let wrapper: string | undefined;
  const atTop = root.name === 'configuration';
  // Per walker depth: the schema node of the statements there (undefined once off the schema).
  const where: (SchemaNode | undefined)[] = [schema === null ? undefined : 'root' in schema ? schema.root : schema];
  // Per walker depth: the word prefix (`family `) and the levels of indentation saved by one-line forms.
  const prefix: string[] = [''];
  const saved: number[] = [0];
  // Leaf-lists per parent, found once per parent (a parent's leaves may come between its blocks).
  const groupsOf = new WeakMap<ConfigNode, ReadonlyMap<string, readonly ConfigNode[]>>();
  // Wrapped-list runs per parent, and per walker depth the run flags of the block entered there.
  const runsOf = new WeakMap<ConfigNode, ReadonlyMap<ConfigNode, number>>();
  const runAt: number[] = [0];
  let runsParent: ConfigNode | undefined;
  let runs: ReadonlyMap<ConfigNode, number> = NO_RUNS;
  yield* depthFirst(root, {
    enter(n, parent, depth) {
      const key = keyOf(n);
      if (depth === 0 && atTop) {
        const wraps = key !== undefined && WRAPPED_LISTS.has(n.name) ? n.name : undefined;
        if (wrapper !== undefined && wrapper !== wraps) out.push('}\n');
        if (wraps !== undefined && wrapper !== wraps) out.push(`${wraps} {\n`);
        wrapper = wraps;
        saved[0] = wraps !== undefined ? -1 : 0;
      }
      if (parent !== runsParent) {
        // Siblings come one after another: one look-up per parent, not per statement.
        let found = runsOf.get(parent);
        if (found === undefined) runsOf.set(parent, (found = parent.children.some((c) => isWrappedEntry(parent.name, c)) ? wrappedRuns(parent) : NO_RUNS));
        runs = found;
        runsParent = parent;
      }
      const run = runs === NO_RUNS ? 0 : (runs.get(n) ?? 0);
      const outer = pad(depth - saved[depth]!);
      if ((run & RUN_START) !== 0) out.push(`${outer}${cliWordOf(n.name)} {\n`);
      const extra = run !== 0 ? 1 : 0;
      const indent = pad(depth - saved[depth]! + extra);
      const first = key !== undefined ? keyCount(n) : 0;
      let head = prefix[depth]! + cliWordOf(n.name);
      if (key !== undefined) head = entryHead(parent.name, n, head, isBare(parent, n) || (wrapper !== undefined && depth === 0));
      if (n.inactive) head = `inactive: ${head}`;
      if (n.children.length <= first) {
        if (n.value !== undefined && key === undefined) {
          let groups = groupsOf.get(parent);
          if (groups === undefined) groupsOf.set(parent, (groups = leafListGroups(parent) ?? NO_GROUPS));
          const values = groups.get(n.name);
          if (values !== undefined) {
            if (values[0] === n) {
              note(indent, values);
              out.push(`${indent}${head} ${bracketed(values)};\n`);
            }
            return -1;
          }
        }
        note(indent, [n]);
        out.push(n.value === undefined ? `${indent}${head};${secretNote(n)}\n` : `${indent}${head} ${shownValue(n.value)};${secretNote(n, parent)}\n`);
        return closeRun(out, run, outer);
      }
      const line = oneLineChildren(parent.name, n);
      if (line !== undefined) {
        note(indent, [n, ...line]);
        // A secret anywhere on the line marks it (`authentication-key 24 type md5 value "$9$..."; ## SECRET-DATA`).
        out.push(`${indent}${head} ${oneLineText(line, keywordlessOnLine(parent.name, n))};${line.some((c) => secretNote(c, n) !== '') ? ' ## SECRET-DATA' : ''}\n`);
        return closeRun(out, run, outer);
      }
      const sn = where[depth]?.child(n.name);
      const kwl = keywordlessValue(n, sn);
      if (kwl !== undefined) {
        note(indent, [n]);
        out.push(`${indent}${head} ${quote(kwl)};\n`);
        return -1;
      }
      where[depth + 1] = sn;
      if (isFamilyLine(n)) {
        prefix[depth + 1] = `${head} `;
        saved[depth + 1] = saved[depth]! + 1;
        return first;
      }
      prefix[depth + 1] = '';
      saved[depth + 1] = saved[depth]! - extra;
      runAt[depth] = run;
      note(indent, [n]);
      out.push(`${indent}${head} {\n`);
      return first;
    },
    leave(n, depth) {
      if (isFamilyLine(n)) return;
      const run = runAt[depth]!;
      out.push(`${pad(depth - saved[depth]! + (run !== 0 ? 1 : 0))}}\n`);
      if ((run & RUN_END) !== 0) out.push(`${pad(depth - saved[depth]!)}}\n`);
    },
  });
  if (wrapper !== undefined) out.push('}\n');
}

/** What an inheritance comment names: a leaf's value, a list entry's key, else the statement. */
function inheritedWord(n: ConfigNode): string {
  const key = keyOf(n);
  if (key !== undefined) return key;
  return n.value !== undefined && n.children.length === 0 ? n.value : cliWordOf(n.name);
}

export function* renderTextWork(root: ConfigNode): Work<string> {
  const out = new TextBuffer();
  yield* textPieces(root, out);
  return out.text();
}

export function renderText(root: ConfigNode): string {
  return runNow(renderTextWork(root));
}

/**
 * `set` lines, one per leaf or empty statement, each with its newline, into
 * `out`; an inactive statement is followed by its `deactivate` line, after
 * the lines of everything under it (as `show | display set` prints it).
 */
export function setLines(root: ConfigNode, out: Sink): Work<void> {
  // prefixes[d] is the path down to the node being visited at depth d.
  const prefixes: string[] = [''];
  return depthFirst(root, {
    enter(n, parent, depth) {
      const prefix = prefixes[depth]!;
      const key = keyOf(n);
      const first = key !== undefined ? keyCount(n) : 0;
      const word = cliWordOf(n.name);
      let here = `${prefix} ${word}`;
      if (key !== undefined) here = `${prefix} ${entryHead(parent.name, n, word, isImplicitEntry(parent.name, n.name))}`;
      if (n.children.length <= first) {
        out.push(`set${here}${n.value !== undefined ? ` ${quote(n.value)}` : ''}\n`);
        if (n.inactive) out.push(`deactivate${here}\n`);
        return -1;
      }
      prefixes[depth + 1] = here;
      return first;
    },
    leave(n, depth) {
      if (n.inactive) out.push(`deactivate${prefixes[depth + 1]!}\n`);
    },
  });
}

export function* renderSetWork(root: ConfigNode): Work<string> {
  const out = new TextBuffer();
  yield* setLines(root, out);
  return out.text();
}

export function renderSet(root: ConfigNode): string {
  return runNow(renderSetWork(root));
}
