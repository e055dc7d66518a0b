/**
 * A draft: one configuration node that an edit may change, copied from the
 * immutable tree the first time the edit reaches it, with an index of its
 * children by identity (name and key). Deletions leave holes that `finish`
 * squeezes out once, when the drafts become a tree again; a draft that gained
 * children puts them in Junos's order there (statement-order.ts).
 */
import type { SchemaNode } from './schema/model.js';
import { pace, runNow, type Work } from './slices.js';
import type { ConfigNode } from './tree.js';
import { multiKeysOf } from './schema/list-keys.js';
import { EditConflict, identity, keyCount, keyOf, makeNode, type Keyed } from './tree.js';
import { inStatementOrder } from './statement-order.js';
import { cliWordOf } from './schema/cli-names.js';

const HOLE = null;
type Entry = ConfigNode | Draft | typeof HOLE;
/** Positions of the live entries with one identity, ascending: one number in the common case. */
type Positions = number | number[];

/** Below this many entries a draft finds children by a scan; from it on, by an index. */
const INDEX_FROM = 16;

/** One node being edited. */
export class Draft {
  value: string | undefined;
  inactive: boolean;
  /** Children in order; deleted ones are holes until `finish`. */
  readonly entries: Entry[];
  /** Identity -> positions of its live entries; made once the draft has INDEX_FROM entries. */
  private index: Map<string, Positions> | undefined;
  /** Identity each entry is filed under in `index` (made with it). */
  private ids: string[] | undefined;
  /** First position that may be live (holes before it are skipped once). */
  private head = 0;
  private liveCount: number;
  /** Changed itself (a child draft that changed is seen in `finish`). */
  dirty = false;
  /** Gained a child: `finish` puts its children in Junos's order. */
  private grew = false;
  /** Its statement in the release's schema, when known: what orders its children. */
  schema: SchemaNode | undefined;
  /** Entries an `insert` moves, in the order the edit gave them. */
  private moves: Move[] | undefined;

  /** Moves the entry `name`/`key` right before or after its sibling `ref` once the children are final. */
  move(m: Move): void {
    (this.moves ??= []).push(m);
    this.dirty = true;
  }

  constructor(
    readonly name: string,
    readonly base?: ConfigNode,
  ) {
    this.value = base?.value;
    this.inactive = base?.inactive === true;
    this.entries = base ? base.children.slice() : [];
    this.liveCount = this.entries.length;
  }

  get live(): number {
    return this.liveCount;
  }

  /** The key of a list entry (tree.ts keyOf): the value of a first child called `name`, or a multi-key entry's key children. */
  key(): string | undefined {
    while (this.head < this.entries.length && this.entries[this.head] === HOLE) this.head++;
    const first = this.entries[this.head];
    if (!first) return undefined;
    if (first.name === 'name') return first.value;
    return multiKeysOf(this.name) === undefined ? undefined : keyOf(this.keyed());
  }

  /** How many of the live children are the key (tree.ts keyCount). */
  keyCount(): number {
    return keyCount(this.keyed());
  }

  /** The first live children, as keyOf and keyCount read them. */
  private keyed(): Keyed {
    const kids: (ConfigNode | Draft)[] = [];
    for (let i = this.head; i < this.entries.length && kids.length < 4; i++) {
      const e = this.entries[i];
      if (e) kids.push(e);
    }
    return { name: this.name, children: kids };
  }

  /** Removes every live child called one of `names` (the other cases of a choice). */
  removeNamed(names: readonly string[]): void {
    if (names.length === 0) return;
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e && names.includes(e.name)) this.remove(i);
    }
  }

  /** Positions of the live children called `name` (with this value, unless undefined): a leaf-list's values. */
  findValues(name: string, value: string | undefined): number[] {
    const out: number[] = [];
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e && e.name === name && (value === undefined || e.value === value)) out.push(i);
    }
    return out;
  }

  /** Position of the first live child called `name` with this key (undefined: no key), or -1. */
  find(name: string, key: string | undefined): number {
    if (!this.index && this.entries.length < INDEX_FROM) {
      for (let i = this.head; i < this.entries.length; i++) {
        const e = this.entries[i];
        if (e && e.name === name && keyOfEntry(e) === key) return i;
      }
      return -1;
    }
    const p = this.indexed().get(identity(name, key));
    return p === undefined ? -1 : typeof p === 'number' ? p : p[0]!;
  }

  /** The child at `i` as a draft of its own, made on first use. */
  draftAt(i: number): Draft {
    const e = this.entries[i]!;
    if (e instanceof Draft) return e;
    const d = new Draft(e.name, e);
    this.entries[i] = d;
    return d;
  }

  push(n: ConfigNode | Draft): void {
    const i = this.entries.length;
    this.entries.push(n);
    this.liveCount++;
    this.dirty = true;
    this.grew = true;
    if (this.index) this.file(i, idOf(n));
  }

  remove(i: number): void {
    if (this.index) this.unfile(i);
    this.entries[i] = HOLE;
    this.liveCount--;
    this.dirty = true;
  }

  replace(i: number, n: ConfigNode): void {
    this.entries[i] = n;
    this.dirty = true;
    this.refile(i);
  }

  /** Files entry `i` again after its identity may have changed (its key child was edited). */
  refile(i: number): void {
    if (!this.index) return;
    const id = idOf(this.entries[i]!);
    if (id === this.ids![i]) return;
    this.unfile(i);
    this.file(i, id);
  }

  private file(i: number, id: string): void {
    const index = this.index!;
    this.ids![i] = id;
    const p = index.get(id);
    if (p === undefined) index.set(id, i);
    else {
      const list = typeof p === 'number' ? [p] : p;
      // Mostly an append (a new entry is the last); a refiled one goes in order.
      let at = list.length;
      while (at > 0 && list[at - 1]! > i) at--;
      list.splice(at, 0, i);
      if (typeof p === 'number') index.set(id, list);
    }
  }

  private unfile(i: number): void {
    const index = this.index!;
    const id = this.ids![i]!;
    const p = index.get(id)!;
    if (typeof p === 'number') index.delete(id);
    else {
      p.splice(p.indexOf(i), 1);
      if (p.length === 1) index.set(id, p[0]!);
    }
  }

  private indexed(): Map<string, Positions> {
    if (!this.index) runNow(this.indexWork());
    return this.index!;
  }

  /**
   * Builds the index of a large draft as work, so 16,000 interfaces are
   * indexed in slices; small drafts are searched by a scan instead.
   */
  *indexWork(): Work<void> {
    if (this.index || this.entries.length < INDEX_FROM) return;
    const index = new Map<string, Positions>();
    this.index = index;
    this.ids = new Array<string>(this.entries.length);
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e) this.file(i, idOf(e));
      if (pace()) yield;
    }
  }

  /** The finished children, in Junos's order when this draft gained some and its schema is known, then moved as inserts say. */
  ordered(children: ConfigNode[]): readonly ConfigNode[] {
    const sorted = this.grew && this.schema && children.length > 1 ? inStatementOrder(this.schema, this.name, children) : children;
    return this.moves ? applyMoves(sorted, this.moves) : sorted;
  }
}

/** One `insert`: entry `name` with key `key` goes `where` its sibling with key `ref`. */
export interface Move {
  readonly name: string;
  readonly key: string;
  readonly where: 'before' | 'after';
  readonly ref: string;
  /** Where the edit was, for the error when the referent is not there. */
  readonly path: string;
}

function applyMoves(children: readonly ConfigNode[], moves: readonly Move[]): ConfigNode[] {
  const out = children.slice();
  for (const m of moves) {
    const at = out.findIndex((c) => c.name === m.name && keyOf(c) === m.key);
    const moving = out[at]!;
    out.splice(at, 1);
    const ref = out.findIndex((c) => c.name === m.name && keyOf(c) === m.ref);
    if (ref < 0) throw new EditConflict('statement not found', editPathOf(m.path), `${cliWordOf(m.name)} ${m.ref}`, 'data-missing');
    out.splice(m.where === 'before' ? ref : ref + 1, 0, moving);
  }
  return out;
}

/** An edit's path (`/firewall/filter[name='f']`) as Junos names the level: `[edit firewall filter f]`. */
function editPathOf(path: string): string {
  const words: string[] = [];
  for (const m of path.matchAll(/\/([^/[]+)(?:\[name='((?:[^']|'')*)'\])?/g)) words.push(cliWordOf(m[1]!), ...(m[2] !== undefined ? [m[2]] : []));
  return words.length > 0 ? `[edit ${words.join(' ')}]` : '[edit]';
}

function keyOfEntry(n: ConfigNode | Draft): string | undefined {
  return n instanceof Draft ? n.key() : keyOf(n);
}

function idOf(n: ConfigNode | Draft): string {
  return identity(n.name, keyOfEntry(n));
}


/** The drafts as a tree again; unchanged subtrees come back as the very nodes they were. */
export function* finish(root: Draft): Work<ConfigNode> {
  // Post-order with an explicit stack: kids[d] collects the finished children of drafts[d].
  const drafts: Draft[] = [root];
  const next: number[] = [0];
  const kids: ConfigNode[][] = [[]];
  for (;;) {
    const top = drafts.length - 1;
    const d = drafts[top]!;
    const i = next[top]!;
    if (i < d.entries.length) {
      next[top] = i + 1;
      const e = d.entries[i];
      if (e === HOLE || e === undefined) continue;
      if (e instanceof Draft) {
        drafts.push(e);
        next.push(0);
        kids.push([]);
      } else kids[top]!.push(e);
      continue;
    }
    const mine = d.ordered(kids.pop()!);
    drafts.pop();
    next.pop();
    if (pace(1 + mine.length)) yield;
    const same = !d.dirty && d.base !== undefined && mine.every((n, j) => n === d.base!.children[j]);
    const done = same ? d.base! : makeNode(d.name, d.value, mine, d.inactive);
    if (top === 0) return done;
    kids[top - 1]!.push(done);
  }
}
