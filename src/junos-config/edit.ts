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
import { EditConflict, keyCount, keyOf, makeNode, toConfigNodeWork } from './tree.js';
import { Draft, finish } from './draft.js';
import { inStatementOrderWork } from './statement-order.js';

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
        target.push(yield* inStatementOrderWork(yield* toConfigNodeWork(e), childSchema));
        break;
      case 'replace': {
        const n = yield* inStatementOrderWork(yield* toConfigNodeWork(e), childSchema);
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
          fresh.schema = childSchema;
          if (e.insert && key !== undefined) target.move({ name: e.name, key, where: e.insert.where, ref: e.insert.key, path: f.path || '/' });
          stack.push({ target: fresh, edits: e.children, path: here, next: 0, kind: 'fresh', parent: target, at: -1, had: 0, keys: 0, deletesOnly: false, schema: childSchema });
        } else {
          const existing = target.draftAt(idx);
          existing.schema = childSchema;
          if (e.insert && key !== undefined) target.move({ name: e.name, key, where: e.insert.where, ref: e.insert.key, path: f.path || '/' });
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
  root.schema = schema;
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

/**
 * `load override`: the edits, without their deletions, are the whole
 * configuration, in Junos's order (a choice's cases are not sorted out within it).
 */
export function* overrideWork(tree: ConfigNode, edits: readonly EditNode[], schema?: SchemaNode): Work<ConfigNode> {
  const children: ConfigNode[] = [];
  for (const e of edits) if (e.op !== 'delete') children.push(yield* toConfigNodeWork(e));
  return yield* inStatementOrderWork(makeNode(tree.name, tree.value, children), schema);
}
