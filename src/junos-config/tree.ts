/**
 * The configuration as a tree of Junos statements, schema-free: any tree a
 * client loads is stored and returned. Entries of a list carry their key as a
 * first `name` child, exactly as Junos XML does (`<user><name>lab</name>...`).
 *
 * Trees are immutable once built. An edit (edit.ts) copies only the nodes on
 * the paths it changes and shares the rest, so a commit, a private candidate
 * or a rollback is a reference, not a deep copy, and a reader holding a tree
 * (a compare or a render that yields to other sessions) sees it unchanged.
 */
import type { XmlElement } from '../xml/element.js';
import { isChoiceWord, multiKeysOf } from './schema/list-keys.js';
import { pace, runNow, type Work } from './slices.js';

export interface ConfigNode {
  readonly name: string;
  /** Leaf value; absent for containers and empty (presence) leaves. */
  readonly value?: string;
  readonly children: readonly ConfigNode[];
  /** `inactive:` (Junos's `deactivate`): kept, shown and committed, but without effect. Absent when active. */
  readonly inactive?: true;
}

/** How an edit applies to the node it names (NETCONF `operation`, Junos `delete="delete"`...). */
export type EditOp = 'merge' | 'replace' | 'delete' | 'create';

export interface EditNode {
  readonly name: string;
  readonly value?: string;
  readonly op: EditOp;
  readonly children: EditNode[];
  /**
   * `inactive="inactive"` / `active="active"` (XML), `inactive:` (text),
   * `deactivate` / `activate` (set): marks the statement. On a statement
   * given without a value or children it only marks an existing one.
   */
  readonly activity?: Activity;
  /** One value of a leaf-list (the schema says so): it matches by name and value, and adds to the others. */
  leafList?: true;
  /** NETCONF `operation="remove"`: a delete that is silent when the statement is not there (RFC 6241 7.2). */
  readonly ifPresent?: true;
  /** Junos `insert`: the entry goes right before or after its sibling entry with key `key` (ordered lists: terms, policies). */
  readonly insert?: Insertion;
}

export interface Insertion {
  readonly where: 'before' | 'after';
  /** The referent entry's key, as keyOf writes it (`t1`; `trust untrust` for a multi-key entry). */
  readonly key: string;
}

export type Activity = 'active' | 'inactive';

export function emptyConfiguration(): ConfigNode {
  return { name: 'configuration', children: [] };
}

/** A node as stored: `value` only when there is one (the persisted JSON keeps this shape). */
export function makeNode(name: string, value: string | undefined, children: readonly ConfigNode[], inactive = false): ConfigNode {
  const n: ConfigNode = value !== undefined ? { name, value, children } : { name, children };
  return inactive ? { ...n, inactive: true } : n;
}

/** What keyOf and keyCount read of a statement: its name and first children. */
export interface Keyed {
  readonly name: string;
  readonly children: ArrayLike<{ readonly name: string; readonly value?: string }>;
}

/**
 * How many of a statement's first children are its key: 1 for a `name`, the
 * key leaves of a multi-key list when they come first (schema/list-keys.ts:
 * `address` and the match word of a route-filter), else 0.
 */
export function keyCount(n: Keyed): number {
  const kids = n.children;
  const k = kids[0];
  if (!k) return 0;
  if (k.name === 'name') return 1;
  const keys = multiKeysOf(n.name);
  if (keys === undefined) return 0;
  let j = 0;
  for (const leaf of keys) {
    // `choice-ident choice-value` are one element, the match word (`<orlonger/>`, `<upto>/24</upto>`).
    if (leaf === 'choice-value') continue;
    const c = kids[j];
    if (!c || (leaf === 'choice-ident' ? !isChoiceWord(c.name) : c.name !== leaf)) return 0;
    j++;
  }
  return j;
}

/**
 * A list entry's key (undefined: not a list entry): the `name`'s value, or
 * for a multi-key entry its key values and match word, space-separated
 * (`10.0.0.0/8 upto /24`, `trust untrust`).
 */
export function keyOf(n: Keyed): string | undefined {
  const k = n.children[0];
  if (!k) return undefined;
  if (k.name === 'name') return k.value;
  const count = keyCount(n);
  if (count === 0) return undefined;
  const parts: string[] = [];
  for (let j = 0; j < count; j++) {
    const c = n.children[j]!;
    if (isChoiceWord(c.name)) parts.push(c.value === undefined ? c.name : `${c.name} ${c.value}`);
    else parts.push(c.value ?? '');
  }
  return parts.join(' ');
}

/**
 * What an edit matches a statement by: its name and, for a list entry, its
 * key. Length-prefixed so no name or key can make two identities collide.
 */
export function identity(name: string, key: string | undefined): string {
  return key === undefined ? `${name.length}:${name}` : `${name.length}:${name}=${key}`;
}

/** A deep copy (trees from outside, such as a device's initial configuration, may still be mutated by their builder). */
export function clone(n: ConfigNode): ConfigNode {
  return structuredClone(n);
}

/** Same statements in the same order. Shared subtrees (most of them after an edit) compare in O(1). */
export function sameTree(a: ConfigNode, b: ConfigNode): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.value !== b.value || a.inactive !== b.inactive || a.children.length !== b.children.length) return false;
  if (a.children === b.children) return true;
  for (let i = 0; i < a.children.length; i++) if (!sameTree(a.children[i]!, b.children[i]!)) return false;
  return true;
}

/** Children of a (published, immutable) node by identity, and by name alone: the first of each. */
interface ChildIndex {
  readonly byIdentity: Map<string, ConfigNode>;
  readonly byName: Map<string, ConfigNode>;
}

const indexes = new WeakMap<ConfigNode, ChildIndex>();
/** Below this many children a scan is cheaper than building an index. */
const INDEX_FROM = 16;

function childIndex(n: ConfigNode): ChildIndex {
  let ix = indexes.get(n);
  if (!ix) {
    ix = { byIdentity: new Map(), byName: new Map() };
    for (const c of n.children) {
      const id = identity(c.name, keyOf(c));
      if (!ix.byIdentity.has(id)) ix.byIdentity.set(id, c);
      if (!ix.byName.has(c.name)) ix.byName.set(c.name, c);
    }
    indexes.set(n, ix);
  }
  return ix;
}

/** The first child called `name` (with that key, when given). */
export function childNamed(n: ConfigNode, name: string, key?: string): ConfigNode | undefined {
  if (n.children.length < INDEX_FROM) return n.children.find((c) => c.name === name && (key === undefined || keyOf(c) === key));
  const ix = childIndex(n);
  return key === undefined ? ix.byName.get(name) : ix.byIdentity.get(identity(name, key));
}

/**
 * Post-order construction over any tree, with an explicit stack (a recursive
 * generator per node costs more in garbage than the work itself). Each node
 * gets a context from its parent's (`down`; undefined leaves the child and its
 * subtree out), then `build` makes it from its children already built.
 */
export function* buildTree<S extends { readonly children: readonly S[] }, C, T>(
  root: S,
  rootContext: C,
  down: (child: S, parent: C) => C | undefined,
  build: (n: S, context: C, kids: T[]) => T,
): Work<T> {
  const nodes: S[] = [root];
  const contexts: C[] = [rootContext];
  const next: number[] = [0];
  const kids: T[][] = [[]];
  for (;;) {
    const top = nodes.length - 1;
    const n = nodes[top]!;
    const i = next[top]!;
    if (i < n.children.length) {
      next[top] = i + 1;
      const c = n.children[i]!;
      const cc = down(c, contexts[top]!);
      if (cc === undefined) continue;
      nodes.push(c);
      contexts.push(cc);
      next.push(0);
      kids.push([]);
      continue;
    }
    if (pace()) yield;
    const built = build(n, contexts[top]!, kids.pop()!);
    nodes.pop();
    contexts.pop();
    next.pop();
    if (top === 0) return built;
    kids[top - 1]!.push(built);
  }
}

/** Reads XML elements as edits. Attributes outside the edit vocabulary are dropped. */
export function* editsFromXml(elements: readonly XmlElement[]): Work<EditNode[]> {
  const out: EditNode[] = [];
  for (const el of elements) out.push(yield* editFromXmlWork(el, 'merge'));
  return out;
}

export function editFromXml(el: XmlElement, inherited: EditOp = 'merge'): EditNode {
  return runNow(editFromXmlWork(el, inherited));
}

function editFromXmlWork(root: XmlElement, inherited: EditOp): Work<EditNode> {
  return buildTree<XmlElement, EditOp, EditNode>(
    root,
    opOf(root) ?? inherited,
    // A replace reaches the whole subtree; delete and create apply to the node itself.
    (c, parent) => opOf(c) ?? (parent === 'replace' ? 'replace' : 'merge'),
    (el, op, children) => {
      const text = el.text.trim();
      const activity = activityOf(el);
      return {
        name: el.name,
        op,
        ...(el.children.length === 0 && text !== '' ? { value: text } : {}),
        children,
        ...(activity ? { activity } : {}),
        ...(isRemove(el) ? { ifPresent: true as const } : {}),
        ...insertionOf(el),
      };
    },
  );
}

/** Junos's `inactive="inactive"` and `active="active"` (any non-empty value, as for `delete`). */
function activityOf(el: XmlElement): Activity | undefined {
  for (const q in el.attrs) {
    const local = q.includes(':') ? q.slice(q.indexOf(':') + 1) : q;
    if ((local === 'inactive' || local === 'active') && el.attrs[q] !== '') return local;
  }
  return undefined;
}

/**
 * `insert="before|after"` with the referent's key as attributes (Junos XML's
 * reordering of an ordered set): `name="t1"`, or each key leaf of a multi-key
 * list (`from-zone-name="trust" to-zone-name="untrust"`).
 */
function insertionOf(el: XmlElement): { insert?: Insertion } {
  const where = el.attrs['insert'];
  if (where !== 'before' && where !== 'after') return {};
  const keys = multiKeysOf(el.name);
  if (el.attrs['name'] !== undefined) return { insert: { where, key: el.attrs['name'] } };
  if (keys === undefined || keys.some((k) => el.attrs[k] === undefined)) return {};
  return { insert: { where, key: keys.map((k) => el.attrs[k]!).join(' ') } };
}

function isRemove(el: XmlElement): boolean {
  for (const q in el.attrs) if ((q === 'operation' || q.endsWith(':operation')) && el.attrs[q] === 'remove') return true;
  return false;
}

function opOf(el: XmlElement): EditOp | undefined {
  for (const q in el.attrs) {
    const v = el.attrs[q]!;
    const local = q.includes(':') ? q.slice(q.indexOf(':') + 1) : q;
    if (local === 'operation' && (v === 'merge' || v === 'replace' || v === 'delete' || v === 'create' || v === 'remove')) {
      return v === 'remove' ? 'delete' : v;
    }
    if (local === 'delete' && v !== '') return 'delete';
    if (local === 'replace' && v !== '') return 'replace';
  }
  return undefined;
}

/** The statement an edit describes, without its deleted parts. */
export function toConfigNodeWork(e: EditNode): Work<ConfigNode> {
  return buildTree<EditNode, true, ConfigNode>(
    e,
    true,
    (c) => (c.op === 'delete' ? undefined : true),
    (n, _c, children) => makeNode(n.name, n.value, children, n.activity === 'inactive'),
  );
}

/**
 * The statements of an edit that names one path (a `show configuration` or
 * `insert` path read as a set line), top first: each the one child below the
 * one before it that is not its key and not a value.
 */
export function editPathChain(top: EditNode | undefined): EditNode[] {
  const out: EditNode[] = [];
  for (let n = top; n; ) {
    out.push(n);
    n = n.children.slice(keyCount(n)).find((c) => c.children.length > 0 || c.value === undefined);
  }
  return out;
}

/** Where an edit landed; used for Junos-style error paths. */
export class EditConflict extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly badElement: string,
    /** `data-exists` (create on an existing statement) or `data-missing` (an insert's referent is not there). */
    readonly tag: 'data-exists' | 'data-missing' = 'data-exists',
  ) {
    super(message);
  }
}

/** Which filter elements can select children of each name: the first unkeyed one, and the first for each key. */
interface Wanted {
  unkeyed: number;
  readonly byKey: Map<string, number>;
}

/**
 * A subtree filter (RFC 6241 6.2 as Junos applies it to `<configuration>`):
 * an empty element selects the whole subtree, a list entry naming only its
 * key selects that entry, nested elements narrow further. Selected subtrees
 * are shared with `tree`, not copied.
 */
export function* filterTreeWork(tree: ConfigNode, filter: XmlElement): Work<ConfigNode> {
  return { name: tree.name, children: yield* filterChildren(tree.children, filter.children) };
}

export function filterTree(tree: ConfigNode, filter: XmlElement): ConfigNode {
  return runNow(filterTreeWork(tree, filter));
}

/** A filter element read as a statement, for its key (`<route-filter><address>...</address><exact/>`). */
const asKeyed = (w: XmlElement): Keyed => ({ name: w.name, children: w.children.slice(0, 4).map((c) => (c.children.length === 0 && c.text.trim() !== '' ? { name: c.name, value: c.text.trim() } : { name: c.name })) });
const wantedKey = (w: XmlElement): string | undefined => {
  const k = w.children[0];
  if (k === undefined) return undefined;
  if (k.name === 'name') return k.text.trim();
  return multiKeysOf(w.name) !== undefined ? keyOf(asKeyed(w)) : undefined;
};
const wantedKeyCount = (w: XmlElement): number => (w.children[0]?.name === 'name' ? 1 : multiKeysOf(w.name) !== undefined ? keyCount(asKeyed(w)) : 0);

function* filterChildren(nodes: readonly ConfigNode[], wanted: readonly XmlElement[]): Work<ConfigNode[]> {
  if (wanted.length === 0) return nodes.slice();
  // Each node is selected by the first filter element that names it (and its key, if the element gives one).
  const byName = new Map<string, Wanted>();
  wanted.forEach((w, i) => {
    let entry = byName.get(w.name);
    if (!entry) byName.set(w.name, (entry = { unkeyed: Infinity, byKey: new Map() }));
    const k = wantedKey(w);
    if (k === undefined) entry.unkeyed = Math.min(entry.unkeyed, i);
    else if (!entry.byKey.has(k)) entry.byKey.set(k, i);
  });
  const out: ConfigNode[] = [];
  for (const n of nodes) {
    if (pace()) yield;
    const entry = byName.get(n.name);
    if (!entry) continue;
    const key = keyOf(n);
    const keyed = key !== undefined ? (entry.byKey.get(key) ?? Infinity) : Infinity;
    const at = Math.min(entry.unkeyed, keyed);
    if (at === Infinity) continue;
    const w = wanted[at]!;
    const wKey = wantedKey(w);
    const rest = wKey !== undefined ? w.children.slice(wantedKeyCount(w)) : w.children;
    if (rest.length === 0) out.push(n);
    else {
      const kids = yield* filterChildren(n.children, rest);
      if (kids.length > 0) out.push({ ...n, children: wKey !== undefined ? [...n.children.slice(0, keyCount(n)), ...kids] : kids });
    }
  }
  return out;
}
