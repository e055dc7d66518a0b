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
 * with the statement's head: `!    inactive: ntp { ... }` / `!    active: ...`.
 */
import { isImplicitEntry, isContainer } from './schema.js';
import { pace, runNow, TextBuffer, type Work } from './slices.js';
import { quote, textPieces, type Sink } from './text-render.js';
import type { ConfigNode } from './tree.js';
import { identity, keyOf } from './tree.js';

/** One level of the banner: the words it adds (`unit 0`, or a bare `ge-0/0/0` under `interfaces`). */
type Banner = readonly string[];

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
  const key = keyOf(n);
  if (key === undefined) return n.name;
  return isImplicitEntry(parent.name, n.name) ? quote(key) : `${n.name} ${quote(key)}`;
}

/** How a child is matched between the two trees: name and key, and for repeated leaves also the value. */
function matchKey(n: ConfigNode, repeated: ReadonlySet<string>): string {
  const key = keyOf(n);
  return repeated.has(n.name) && key === undefined && n.children.length === 0 ? `${identity(n.name, undefined)}#${n.value ?? ''}` : identity(n.name, key);
}

function repeatedNames(...lists: ReadonlyArray<readonly ConfigNode[]>): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const list of lists) {
    const here = new Set<string>();
    for (const c of list) {
      if (here.has(c.name)) twice.add(c.name);
      here.add(c.name);
    }
    for (const n of here) seen.add(n);
  }
  return twice;
}

class DiffWriter {
  readonly out = new TextBuffer();
  private shown: string | undefined;

  /** Writes the banner of `path` unless it is the one last written. */
  banner(path: readonly Banner[]): void {
    const words = path.flat();
    const text = `[edit${words.length ? ' ' + words.join(' ') : ''}]`;
    if (text !== this.shown) this.out.push(`${text}\n`);
    this.shown = text;
  }

  /** A whole statement (with everything under it) added or removed. */
  block(mark: '+' | '-', n: ConfigNode, parent: ConfigNode, depth: number): void {
    const sink = new LineSink();
    runNow(textPieces({ name: parent.name, children: [n] }, sink));
    const indent = ' '.repeat(depth + (isObject(n, parent) ? 2 : 1));
    for (const l of sink.lines) this.out.push(`${mark}${indent}${l}\n`);
  }

  /** A statement whose inactive flag changed: its head, and `{ ... }` for a block. */
  flag(n: ConfigNode, parent: ConfigNode, depth: number): void {
    const obj = isObject(n, parent);
    const indent = ' '.repeat(depth + (obj ? 2 : 1));
    const value = n.value !== undefined ? ` ${quote(n.value)}` : '';
    const rest = n.children.length > (keyOf(n) !== undefined ? 1 : 0) ? ' { ... }' : ';';
    this.out.push(`!${indent}${n.inactive ? 'inactive' : 'active'}: ${head(n, parent)}${value}${rest}\n`);
  }
}

/** Compares the children of `a` and `b` (the same statement in both trees), at banner `path`. */
function* compareLevel(a: ConfigNode, b: ConfigNode, path: Banner[], w: DiffWriter): Work<void> {
  const repeated = repeatedNames(a.children, b.children);
  const before = new Map<string, { node: ConfigNode; at: number }>();
  a.children.forEach((c, at) => {
    const k = matchKey(c, repeated);
    if (!before.has(k)) before.set(k, { node: c, at });
  });
  const matched = new Set<number>();
  const kept = new Map<string, ConfigNode>();
  for (const c of b.children) {
    const k = matchKey(c, repeated);
    const was = before.get(k);
    if (was && !matched.has(was.at)) {
      matched.add(was.at);
      kept.set(k, c);
    }
  }
  const depth = path.length;
  // Removed statements come where they stood in `a`, before the next statement both have.
  let ai = 0;
  const removedUpTo = function* (limit: number): Work<void> {
    for (; ai < limit; ai++) {
      if (pace()) yield;
      if (matched.has(ai)) continue;
      const gone = a.children[ai]!;
      w.banner(path);
      w.block('-', gone, a, depth);
    }
  };
  for (const c of b.children) {
    if (pace()) yield;
    const k = matchKey(c, repeated);
    const was = before.get(k);
    if (!was || kept.get(k) !== c) {
      w.banner(path);
      w.block('+', c, b, depth);
      continue;
    }
    yield* removedUpTo(was.at);
    ai = Math.max(ai, was.at + 1);
    const old = was.node;
    if (old === c) continue;
    if (old.inactive !== c.inactive) {
      w.banner(path);
      w.flag(c, b, depth);
    }
    if (old.children.length === 0 && c.children.length === 0) {
      if (old.value !== c.value) {
        w.banner(path);
        w.block('-', old, a, depth);
        w.block('+', c, b, depth);
      }
      continue;
    }
    if (old.value !== undefined || c.value !== undefined) {
      // A leaf became a block or the other way round: the statement is replaced.
      // (`ssh;` gaining `port 22;` is a change inside `ssh`, shown under its own banner.)
      w.banner(path);
      w.block('-', old, a, depth);
      w.block('+', c, b, depth);
      continue;
    }
    yield* compareLevel(old, c, [...path, bannerWords(c, b)], w);
  }
  yield* removedUpTo(a.children.length);
}

function bannerWords(n: ConfigNode, parent: ConfigNode): Banner {
  const key = keyOf(n);
  if (key === undefined) return [n.name];
  return isImplicitEntry(parent.name, n.name) ? [quote(key)] : [n.name, quote(key)];
}

/** The text of `show | compare` from `before` to `after` (inside `<configuration-output>`). */
export function* configurationDiffWork(before: ConfigNode, after: ConfigNode): Work<string> {
  if (before === after) return '\n';
  const w = new DiffWriter();
  w.out.push('\n');
  yield* compareLevel(before, after, [], w);
  return w.out.text();
}

export function configurationDiff(before: ConfigNode, after: ConfigNode): string {
  return runNow(configurationDiffWork(before, after));
}
