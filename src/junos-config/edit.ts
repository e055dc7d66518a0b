/**
 * Applying edits to a configuration tree in time linear in the edits and the
 * nodes they touch.
 *
 * The tree is immutable, so an edit works on drafts: a draft is a copy of one
 * node that this edit may change, made the first time the edit reaches the
 * node, with an index of its children by identity (name and key). Untouched
 * subtrees stay shared with the old tree. Deletions leave holes that are
 * squeezed out once, when the drafts become the new tree, instead of an array
 * splice per deletion. Each draft is made once per edit, so loading 16,000
 * statements under `interfaces` copies `interfaces` once, not 16,000 times.
 *
 * The rules are those of a Junos merge: leaves replace leaves of the same
 * name (one value per leaf), list entries match by key, containers merge
 * recursively; the first matching statement is the one an edit reaches.
 * With the release's schema, a statement set in one case of a YANG choice
 * removes the statements of the choice's other cases (syslog `any notice`
 * then `any info` leaves `any info`), as Junos does.
 */
import type { SchemaNode } from './schema/model.js';
import { pace, runNow, type Work } from './slices.js';
import type { ConfigNode, EditNode } from './tree.js';
import { multiKeysOf } from './schema/list-keys.js';
import { EditConflict, identity, keyCount, keyOf, makeNode, toConfigNodeWork, type Keyed } from './tree.js';

const HOLE = null;
type Entry = ConfigNode | Draft | typeof HOLE;
/** Positions of the live entries with one identity, ascending: one number in the common case. */
type Positions = number | number[];

/** Below this many entries a draft finds children by a scan; from it on, by an index. */
const INDEX_FROM = 16;

/** One node being edited. */
class Draft {
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
}

function keyOfEntry(n: ConfigNode | Draft): string | undefined {
  return n instanceof Draft ? n.key() : keyOf(n);
}

function idOf(n: ConfigNode | Draft): string {
  return identity(n.name, keyOfEntry(n));
}

/** The drafts as a tree again; unchanged subtrees come back as the very nodes they were. */
function* finish(root: Draft): Work<ConfigNode> {
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
    const mine = kids.pop()!;
    drafts.pop();
    next.pop();
    if (pace(1 + mine.length)) yield;
    const same = !d.dirty && d.base !== undefined && mine.every((n, j) => n === d.base!.children[j]);
    const done = same ? d.base! : makeNode(d.name, d.value, mine, d.inactive);
    if (top === 0) return done;
    kids[top - 1]!.push(done);
  }
}

/**
 * One statement whose edits are being applied, and what is left to do when
 * they are done: add a statement the edit creates to its parent (`fresh`);
 * drop an existing one the edit emptied, else file it again, as its key may
 * have changed (`existing`).
 */
interface Frame {
  readonly target: Draft;
  readonly edits: readonly EditNode[];
  readonly path: string;
  next: number;
  readonly kind: 'root' | 'fresh' | 'existing';
  readonly parent: Draft | undefined;
  /** For `existing`: its position in the parent, live children before, keyed, reached only to delete. */
  readonly at: number;
  readonly had: number;
  /** How many of its children are its key (0: not a list entry). */
  readonly keys: number;
  readonly deletesOnly: boolean;
  /** The schema node of `target`, when the release's schema is known and has it. */
  readonly schema: SchemaNode | undefined;
}

function done(f: Frame): void {
  if (f.kind === 'fresh') f.parent!.push(f.target);
  else if (f.kind === 'existing') {
    // Junos drops a container whose last statement was deleted.
    const existing = f.target;
    const left = existing.live - f.keys;
    if (f.had > 0 && left === 0 && existing.value === undefined && f.deletesOnly) f.parent!.remove(f.at);
    else f.parent!.refile(f.at);
  }
}

/**
 * What Junos warns about and loads regardless: deleting, activating or
 * deactivating a statement that is not there (`statement not found`).
 */
export interface EditWarning {
  readonly message: string;
  /** Where, as the edit's path (`/system/ntp`). */
  readonly path: string;
  readonly element: string;
  /** A deletion (not an activation) of the absent statement: edit-config refuses those from 23.1 on. */
  readonly deletion?: true;
}

/** Marks the draft active or inactive as the edit says. */
function mark(d: Draft, e: EditNode): void {
  if (e.activity === undefined) return;
  const inactive = e.activity === 'inactive';
  if (d.inactive !== inactive) {
    d.inactive = inactive;
    d.dirty = true;
  }
}

/** Applies `edits` under `root`, depth first in document order, with an explicit stack of statements being edited. */
function* apply(root: Draft, edits: readonly EditNode[], warnings: EditWarning[], schema: SchemaNode | undefined): Work<void> {
  const stack: Frame[] = [{ target: root, edits, path: '', next: 0, kind: 'root', parent: undefined, at: -1, had: 0, keys: 0, deletesOnly: false, schema }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (f.next >= f.edits.length) {
      stack.pop();
      done(f);
      continue;
    }
    const e = f.edits[f.next++]!;
    if (pace()) yield;
    const target = f.target;
    const key = keyOf(e);
    const here = `${f.path}/${e.name}${key !== undefined ? `[name='${key}']` : ''}`;
    const childSchema = f.schema?.child(e.name);
    if (f.schema && sets(e)) target.removeNamed(f.schema.exclusiveWith(e.name));
    if (e.leafList) {
      // A leaf-list value: deleting names one value (or all without one); anything else adds it once.
      const same = target.findValues(e.name, e.value);
      const marksOnly = e.activity !== undefined && e.value === undefined;
      if ((e.op === 'delete' || marksOnly) && same.length === 0) {
        if (!e.ifPresent) warnings.push({ message: 'statement not found', path: here, element: e.name, ...(marksOnly ? {} : { deletion: true as const }) });
      } else if (marksOnly) for (const i of same) mark(target.draftAt(i), e);
      else if (e.op === 'delete') for (const i of same) target.remove(i);
      else if (same.length === 0) target.push(makeNode(e.name, e.value, []));
      continue;
    }
    const idx = target.find(e.name, key);
    switch (e.op) {
      case 'delete':
        // Deleting what is not there changes nothing; Junos warns and loads the rest.
        if (idx >= 0) target.remove(idx);
        else if (!e.ifPresent) warnings.push({ message: 'statement not found', path: here, element: key ?? e.name, deletion: true });
        break;
      case 'create':
        if (idx >= 0) throw new EditConflict('statement already exists', here, key ?? e.name);
        target.push(yield* toConfigNodeWork(e));
        break;
      case 'replace': {
        const n = yield* toConfigNodeWork(e);
        if (idx >= 0) target.replace(idx, n);
        else target.push(n);
        break;
      }
      case 'merge': {
        const isKey = keyChild(e, key);
        const deletesOnly = e.children.some((c) => c.op === 'delete') && e.children.every((c, j) => c.op === 'delete' || isKey(c, j));
        // `<domain-name active="active"/>`, `deactivate system ntp`: only marks what is there.
        const marksOnly = e.activity !== undefined && e.value === undefined && e.children.every(isKey);
        if (idx < 0) {
          // A container reached only to delete (or mark) something under it is not created.
          if (deletesOnly || marksOnly) {
            if (marksOnly) warnings.push({ message: 'statement not found', path: here, element: key ?? e.name });
            else if (e.children.some((c) => c.op === 'delete' && !c.ifPresent)) warnings.push({ message: 'statement not found', path: here, element: key ?? e.name, deletion: true });
            break;
          }
          const fresh = new Draft(e.name);
          fresh.value = e.value;
          fresh.inactive = e.activity === 'inactive';
          stack.push({ target: fresh, edits: e.children, path: here, next: 0, kind: 'fresh', parent: target, at: -1, had: 0, keys: 0, deletesOnly: false, schema: childSchema });
        } else {
          const existing = target.draftAt(idx);
          yield* existing.indexWork();
          mark(existing, e);
          if (e.value !== undefined && existing.value !== e.value) {
            existing.value = e.value;
            existing.dirty = true;
          }
          stack.push({
            target: existing,
            edits: e.children.filter((c, j) => !isKey(c, j)),
            path: here,
            next: 0,
            kind: 'existing',
            parent: target,
            at: idx,
            had: existing.live,
            keys: key !== undefined ? existing.keyCount() : 0,
            deletesOnly,
            schema: childSchema,
          });
        }
        break;
      }
    }
  }
}

/**
 * The tree after `edits` (the children of an edit `<configuration>`) apply
 * under its root. `tree` itself is not changed.
 */
export function* editTreeWork(tree: ConfigNode, edits: readonly EditNode[], warnings: EditWarning[] = [], schema?: SchemaNode): Work<ConfigNode> {
  const root = new Draft(tree.name, tree);
  yield* root.indexWork();
  yield* apply(root, edits, warnings, schema);
  return yield* finish(root);
}

export function editTree(tree: ConfigNode, edits: readonly EditNode[], warnings: EditWarning[] = [], schema?: SchemaNode): ConfigNode {
  return runNow(editTreeWork(tree, edits, warnings, schema));
}

/**
 * Which children of edit `e` (with key `key`) are its key: a `name` with the
 * key's value, wherever it is (as the merge always read it), or the first
 * key children of a multi-key entry (tree.ts keyCount).
 */
function keyChild(e: EditNode, key: string | undefined): (c: EditNode, j: number) => boolean {
  const multi = key !== undefined && e.children[0]?.name !== 'name' ? keyCount(e) : 0;
  return multi > 0 ? (_c, j) => j < multi : (c) => c.name === 'name' && c.value === key;
}

/**
 * Whether an edit sets its statement (so the other cases of its choice go):
 * not a delete, nor an edit that only marks or only deletes below it.
 */
function sets(e: EditNode): boolean {
  if (e.op === 'delete') return false;
  const isKey = keyChild(e, keyOf(e));
  const below = e.children.filter((c, j) => !isKey(c, j));
  if (e.activity !== undefined && e.value === undefined && below.length === 0) return false;
  return !(below.length > 0 && below.every((c) => c.op === 'delete'));
}

/** `load override`: the edits, without their deletions, are the whole configuration (as loaded: a choice's cases are not sorted out within it). */
export function* overrideWork(tree: ConfigNode, edits: readonly EditNode[]): Work<ConfigNode> {
  const children: ConfigNode[] = [];
  for (const e of edits) if (e.op !== 'delete') children.push(yield* toConfigNodeWork(e));
  return makeNode(tree.name, tree.value, children);
}
