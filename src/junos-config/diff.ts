/**
 * `show | compare` as Junos prints it: a `[edit ...]` banner for each
 * hierarchy where the two configurations differ, then the statements added
 * (`+`) or removed (`-`) there, a whole added or removed block with its
 * closing brace, and a statement whose value changed as its old and new
 * line. Banners come in document order, so a level is named again after a
 * deeper one (`[edit system services]`, `[edit system services ssh]`,
 * `[edit system services]`), as Junos does.
 *
 * Indentation, taken from public captures (docs/configuration-diff.md lists
 * them): a statement right under the banner is indented by the banner's
 * depth plus 2 when it is a container or list entry (`[edit interfaces]` /
 * `+   ge-0/0/0 {`, `[edit system]` / `+   ntp {`, `[edit]` / `+  protocols {`)
 * and plus 1 when it is a leaf (`[edit system]` / `+  host-name r2;`,
 * `[edit system root-authentication]` / `-   encrypted-password ...`); lines
 * inside a block add four spaces per level. The whole text starts with a
 * newline, and is a lone newline when nothing differs (PyEZ's Config.diff()
 * returns None for exactly that).
 *
 * An inactive flag that changed on a statement present in both is a `!` line
 * with the statement's head: `!    inactive: ntp { ... }` / `!    active: ...`;
 * so is a list entry an `insert` moved (`!    term r { ... }`).
 */
import { isImplicitEntry, isContainer } from './schema.js';
import { pace, runNow, TextBuffer, type Work } from './slices.js';
import { defaultSchema } from './schema/catalog.js';
import type { Schema, SchemaNode } from './schema/model.js';
import { keywordlessOnLine, oneLineChildren } from './one-line.js';
import { WRAPPED_LISTS, bracketed, entryHead, isFamilyLine, keywordlessValue, leafListGroups, oneLineText, quote, secretNote, shownValue, textPieces, type Sink } from './text-render.js';
import type { ConfigNode } from './tree.js';
import { keyCount, keyOf } from './tree.js';
import { matchChildren, movedEntries, nextKept } from './diff-match.js';

/** Collects rendered lines (a block's text may hold a quoted newline: kept as Junos would print it). */
class LineSink implements Sink {
  readonly lines: string[] = [];
  private partial = '';
  push(s: string): void {
    const parts = (this.partial + s).split('\n');
    this.partial = parts.pop()!;
    this.lines.push(...parts);
  }
}

/** Whether Junos prints the statement as an object (container, list entry) rather than a leaf. */
function isObject(n: ConfigNode, parent: ConfigNode): boolean {
  if (n.children.length > 0 || keyOf(n) !== undefined) return true;
  if (n.value !== undefined) return false;
  // An empty statement: a presence container (`ftp;`, `ssh;`) or an empty leaf (`rfc-compliant;`).
  return isContainer(parent.name, n.name) || PRESENCE_CONTAINERS.has(n.name);
}

/**
 * Empty statements that are containers in Junos's schema although they are
 * usually written bare (`[edit system services]` / `-    telnet;` in a
 * vMX capture). The schema-aware tree will answer this itself.
 */
const PRESENCE_CONTAINERS: ReadonlySet<string> = new Set(['ftp', 'telnet', 'finger', 'rlogin', 'xnm-clear-text', 'xnm-ssl', 'web-management', 'http', 'https', 'rest', 'tftp', 'dhcp']);

/** The statement's own line head, as text format writes it (`unit 0`, `ge-0/0/0`, `host-name r1`). */
function head(n: ConfigNode, parent: ConfigNode): string {
  return keyOf(n) === undefined ? n.name : entryHead(parent.name, n, n.name, isImplicitEntry(parent.name, n.name));
}

const pads: string[] = [];
function spaces(n: number): string {
  return (pads[n] ??= ' '.repeat(n));
}

class DiffWriter {
  readonly out = new TextBuffer();
  private shown: string | undefined;

  /** The ordered list whose entries follow a context line under the banner last written. */
  private run: string | undefined;

  /**
   * Writes the banner (`[edit system services]`) unless it is the one last
   * written, or the statement (named `name`) ends a run of ordered-list
   * entries shown with context: Junos names the level again after such a
   * run (`[edit logical-systems LogicalSystem-1 policy-options]` twice).
   */
  banner(text: string, name?: string): void {
    if (this.run !== undefined && this.run !== name) this.shown = undefined;
    if (text !== this.shown) {
      this.out.push(`${text}\n`);
      this.run = undefined;
    }
    this.shown = text;
  }

  /** A whole statement (with everything under it) added or removed. */
  block(mark: '+' | '-', n: ConfigNode, parent: ConfigNode, depth: number, prefix: string, at: Place): void {
    const kwl = keywordlessValue(n, at.here?.child(n.name));
    if (kwl !== undefined) {
      // `autonomous-system 65000;`: a leaf in Junos's text, so indented as one.
      const h = n.inactive ? `inactive: ${prefix}${n.name}` : prefix + n.name;
      this.out.push(`${mark}${spaces(depth + 1)}${h} ${quote(kwl)};\n`);
      return;
    }
    const indent = spaces(depth + (isObject(n, parent) ? 2 : 1));
    if (n.children.length === 0) {
      // A leaf: its one line, without a render (a 16,000-interface compare is mostly these).
      const h = n.inactive ? `inactive: ${prefix}${n.name}` : prefix + n.name;
      const v = n.value === undefined ? undefined : WHOLE_LISTS.has(n) ? n.value : shownValue(n.value);
      this.out.push(`${mark}${indent}${v === undefined ? h : `${h} ${v}`};${WHOLE_LISTS.has(n) ? '' : secretNote(n, parent)}\n`);
      return;
    }
    const sink = new LineSink();
    // Under a `family` written on its children's line, the block is rendered inside one (`family inet {`).
    const top: ConfigNode = prefix !== '' ? { name: 'family', children: [n] } : n;
    runNow(textPieces({ name: prefix !== '' ? '' : parent.name, children: [top] }, sink, (prefix !== '' ? at.up : at.here) ?? null));
    for (const l of sink.lines) this.out.push(`${mark}${indent}${l}\n`);
  }

  /**
   * The entry of an ordered list that stands before added or removed ones,
   * as context: ` ` and its head, `{ ... }` for a block (`     term t1 { ... }`).
   */
  context(n: ConfigNode, parent: ConfigNode, depth: number): void {
    const line = oneLineChildren(parent.name, n);
    const h = `${n.inactive ? 'inactive: ' : ''}${head(n, parent)}`;
    const rest = line !== undefined ? ` ${oneLineText(line, keywordlessOnLine(parent.name, n))};` : n.children.length > 1 ? ' { ... }' : ';';
    this.out.push(` ${spaces(depth + 2)}${h}${rest}\n`);
    this.run = n.name;
  }

  /**
   * An entry of an ordered list that moved (`insert`): `!`, its head and
   * `{ ... }`, where it now stands (`!    term REJECT-THE-REST { ... }`, a
   * Cloudflare capture, docs/configuration-diff.md).
   */
  moved(n: ConfigNode, parent: ConfigNode, depth: number): void {
    const rest = n.children.length > keyCount(n) ? ' { ... }' : ';';
    this.out.push(`!${spaces(depth + 2)}${n.inactive ? 'inactive: ' : ''}${head(n, parent)}${rest}\n`);
    this.run = n.name;
  }

  /** A statement whose inactive flag changed: its head, and `{ ... }` for a block. */
  flag(n: ConfigNode, parent: ConfigNode, depth: number, prefix = ''): void {
    const obj = isObject(n, parent);
    const indent = spaces(depth + (obj ? 2 : 1));
    const value = n.value !== undefined ? ` ${quote(n.value)}` : '';
    const rest = n.children.length > (keyOf(n) !== undefined ? keyCount(n) : 0) ? ' { ... }' : ';';
    this.out.push(`!${indent}${n.inactive ? 'inactive' : 'active'}: ${prefix}${head(n, parent)}${value}${rest}\n`);
  }
}

/**
 * Lists whose entries keep the order they were written in (`insert ...
 * before`), by list and parent: Junos's compare shows the entry kept before
 * added or removed ones as context. From captures (docs/configuration-diff.md):
 * `[edit routing-options static]` / `     route 192.168.77.0/24 { ... }` /
 * `+    route 100.0.0.0/16 next-hop 1.1.1.2;`, policy-statement terms
 * (`     term TR-LOCAL-LOOPBACK { ... }`), prefix-lists.
 */
const ORDERED_LISTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['route', new Set(['static', 'aggregate'])],
  ['term', new Set(['policy-statement', 'filter'])],
  ['prefix-list', new Set(['policy-options'])],
]);

function isOrderedEntry(n: ConfigNode, parent: ConfigNode): boolean {
  return keyOf(n) !== undefined && ORDERED_LISTS.get(n.name)?.has(parent.name) === true;
}

/** Leaf-list statements standing for all their values (`members [ a b ]`): their value is written as is. */
const WHOLE_LISTS = new WeakSet<ConfigNode>();

/**
 * The children of `a` and `b` with each leaf-list that has several values on
 * either side made one statement (`members [ a b ]`, or `members a` for one
 * value), where its first value stood: Junos compares a leaf-list as a whole,
 * `-  members [ a b ];` / `+  members [ a b c ];` (docs/config-text-forms.md).
 */
function wholeLists(a: ConfigNode, b: ConfigNode): [readonly ConfigNode[], readonly ConfigNode[]] {
  const ga = leafListGroups(a);
  const gb = leafListGroups(b);
  if (ga === undefined && gb === undefined) return [a.children, b.children];
  const names = new Set([...(ga?.keys() ?? []), ...(gb?.keys() ?? [])]);
  return [collapse(a, names), collapse(b, names)];
}

function collapse(n: ConfigNode, names: ReadonlySet<string>): readonly ConfigNode[] {
  const out: ConfigNode[] = [];
  const values = new Map<string, ConfigNode[]>();
  const keys = keyOf(n) !== undefined ? keyCount(n) : 0;
  for (const [j, c] of n.children.entries()) {
    if (j < keys || !names.has(c.name) || c.value === undefined || c.children.length > 0 || c.inactive) {
      out.push(c);
      continue;
    }
    const list = values.get(c.name);
    if (list !== undefined) {
      list.push(c);
      continue;
    }
    values.set(c.name, [c]);
    out.push(c);
  }
  return out.map((c) => {
    const list = values.get(c.name);
    if (list === undefined || list[0] !== c || list.length === 1) return c;
    const whole: ConfigNode = { name: c.name, value: bracketed(list), children: [] };
    WHOLE_LISTS.add(whole);
    return whole;
  });
}

/** Compares the children of `a` and `b` (the same statement in both trees) under banner `edit` (`edit system`), `depth` levels down. */
/** The schema nodes of the level compared (`here`) and of the one above it (`up`, for a `family` compared on its children's line). */
interface Place {
  readonly here: SchemaNode | undefined;
  readonly up: SchemaNode | undefined;
}

function* compareLevel(a0: ConfigNode, b0: ConfigNode, edit: string, depth: number, w: DiffWriter, place: Place): Work<void> {
  const [ac, bc] = wholeLists(a0, b0);
  const a = { name: a0.name, children: ac };
  const b = { name: b0.name, children: bc };
  const at = yield* matchChildren(ac, bc);
  // A `family` shown on its children's line (`family inet {`) is no level of its own: its children
  // are compared under the banner of the statement above it, with `family` in their heads.
  const prefix = isFamilyLine(a0) && isFamilyLine(b0) ? 'family ' : '';
  const matched = new Uint8Array(a.children.length);
  for (const i of at) if (i >= 0) matched[i] = 1;
  const banner = `[${edit}]`;
  // Removed statements come where they stood in `a`, before the next statement both have.
  let ai = 0;
  // `groups` and `logical-systems` entries: Junos shows them under `[edit groups]`, by key, one level down.
  const wrapped = (n: ConfigNode): boolean => depth === 0 && a0.name === 'configuration' && WRAPPED_LISTS.has(n.name) && keyOf(n) !== undefined;
  // Per ordered list: the entry both trees have that was passed last, until its context line is written.
  const kept = new Map<string, ConfigNode>();
  let next: Int32Array | undefined;
  // Any list's entries: only an `insert` changes their order, and Junos refuses it where the system orders a list.
  const moved = prefix === '' ? movedEntries(bc, at, (c) => keyOf(c) !== undefined) : undefined;
  const whole = (mark: '+' | '-', n: ConfigNode, parent: ConfigNode): void => {
    if (wrapped(n)) {
      // `[edit logical-systems]` / `+  testls {`: an entry is written as at the top (Jaide capture).
      w.banner(`[edit ${n.name}]`);
      w.block(mark, n, { name: n.name, children: [] }, 0, '', place);
      return;
    }
    w.banner(banner, n.name);
    const before = prefix === '' && isOrderedEntry(n, b0) ? kept.get(n.name) : undefined;
    if (before !== undefined) {
      w.context(before, b0, depth);
      kept.delete(n.name);
    }
    w.block(mark, n, parent, depth, prefix, place);
  };
  const removeUpTo = (limit: number): void => {
    for (; ai < limit; ai++) {
      if (matched[ai] === 1) continue;
      whole('-', a.children[ai]!, a);
    }
  };
  for (let j = 0; j < b.children.length; j++) {
    if (pace()) yield;
    const c = b.children[j]!;
    const i = at[j]!;
    if (i < 0) {
      // In an ordered list the entries removed where this one is added come first
      // (`     term A { ... }` / `-    term B {` / `+    term B1 {`, docs/configuration-diff.md).
      if (prefix === '' && isOrderedEntry(c, b0)) removeUpTo((next ??= nextKept(at, a.children.length))[j]!);
      whole('+', c, b);
      continue;
    }
    removeUpTo(i);
    ai = Math.max(ai, i + 1);
    const old = a.children[i]!;
    if (moved?.[j] === 1) {
      // After the entry kept before it, as context; a run of moved entries is its own context.
      w.banner(banner, c.name);
      const before = kept.get(c.name);
      if (before !== undefined) w.context(before, b0, depth);
      kept.delete(c.name);
      w.moved(c, b0, depth);
    } else if (isOrderedEntry(c, b0)) kept.set(c.name, c);
    if (old === c) continue;
    if (old.inactive !== c.inactive) {
      w.banner(banner);
      w.flag(c, b, depth, prefix);
    }
    const cs = place.here?.child(c.name);
    const kOld = keywordlessValue(old, cs);
    const kNew = keywordlessValue(c, cs);
    if (kOld !== undefined && kNew !== undefined) {
      // Keyword-less statements compare as the leaves Junos shows them as.
      if (kOld !== kNew) {
        w.banner(banner);
        w.block('-', old, a, depth, prefix, place);
        w.block('+', c, b, depth, prefix, place);
      }
      continue;
    }
    if (old.children.length === 0 && c.children.length === 0) {
      if (old.value !== c.value) {
        w.banner(banner);
        w.block('-', old, a, depth, prefix, place);
        w.block('+', c, b, depth, prefix, place);
      }
      continue;
    }
    if (old.value !== undefined || c.value !== undefined) {
      // A leaf became a block or the other way round: the statement is replaced.
      // (`ssh;` gaining `port 22;` is a change inside `ssh`, shown under its own banner.)
      w.banner(banner);
      w.block('-', old, a, depth, prefix, place);
      w.block('+', c, b, depth, prefix, place);
      continue;
    }
    const down: Place = { here: cs, up: place.here };
    if (isFamilyLine(old) && isFamilyLine(c)) yield* compareLevel(old, c, edit, depth, w, down);
    else yield* compareLevel(old, c, `${edit} ${prefix}${bannerWords(c, b)}`, depth + 1, w, down);
  }
  removeUpTo(a.children.length);
}

/** The words a statement adds to the banner: `unit 0`, or a bare `ge-0/0/0` under `interfaces`. */
function bannerWords(n: ConfigNode, parent: ConfigNode): string {
  return head(n, parent);
}

/**
 * The text of `show | compare` from `before` to `after` (inside
 * `<configuration-output>`), read by `schema` (the device's release; the MX
 * 18.4 one without).
 */
export function* configurationDiffWork(before: ConfigNode, after: ConfigNode, schema: Schema = defaultSchema()): Work<string> {
  if (before === after) return '\n';
  const w = new DiffWriter();
  w.out.push('\n');
  yield* compareLevel(before, after, 'edit', 0, w, { here: schema.root, up: undefined });
  return w.out.text();
}

export function configurationDiff(before: ConfigNode, after: ConfigNode, schema?: Schema): string {
  return runNow(configurationDiffWork(before, after, schema));
}
