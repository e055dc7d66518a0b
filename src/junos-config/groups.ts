/**
 * Configuration groups applied, as Junos applies them before it acts on a
 * configuration, checks it at commit, or shows it with `| display
 * inheritance` / `<get-configuration inherit="inherit">`:
 *
 * - `apply-groups [ a b ]` at a level inherits each group's statements found
 *   at the same path inside the group; the first group named wins over later
 *   ones, a group applied at a deeper level wins over one applied above, and
 *   a statement of the configuration itself wins over all (for a leaf; lists
 *   and containers merge, leaf-lists add their values).
 * - `apply-groups-except [ a ]` stops those groups at that level and below.
 * - A group's list entry named `<pattern>` (`<ge-*>`, `<*>`, `<xe-0/0/[0-3]>`)
 *   adds its statements to the entries it matches; it creates none.
 * - Groups `re0`/`re1` apply only on that Routing Engine, `node0`/`node1`
 *   only on that node of a chassis cluster.
 *
 * The result has no `groups`, `apply-groups` or `apply-groups-except`; every
 * statement it inherited is marked with its group (`junos:group`, the
 * `## 'x' was inherited from group 'g'` comments). Juniper's pages on
 * configuration groups are the source (docs/config-groups.md).
 */
import type { SchemaNode } from './schema/model.js';
import { pace, type Work } from './slices.js';
import { identity, keyCount, keyOf, makeNode, type ConfigNode } from './tree.js';
import { inStatementOrder } from './statement-order.js';

/** Which of the special groups apply on this device. */
export interface InheritanceContext {
  readonly routingEngine: 're0' | 're1';
  /** The chassis-cluster node, on a cluster member. */
  readonly node?: 'node0' | 'node1';
}

/** A device's context: a cluster's sessions reach node0, every other device acts as re0. */
export function inheritanceContext(model: { readonly spec: { readonly topology: string } }): InheritanceContext {
  return model.spec.topology === 'cluster' ? { routingEngine: 're0', node: 'node0' } : { routingEngine: 're0' };
}

export interface InheritedConfiguration {
  readonly tree: ConfigNode;
  /** The group each inherited statement came from (undefined: the configuration's own). */
  readonly groupOf: { get(statement: ConfigNode): string | undefined };
}

const APPLY = 'apply-groups';
const EXCEPT = 'apply-groups-except';

/** A group's statement at the path being built, and the group it belongs to. */
interface Source {
  readonly group: string;
  readonly node: ConfigNode;
}

interface Env {
  readonly groups: ReadonlyMap<string, ConfigNode>;
  readonly applies: (group: string) => boolean;
  readonly marks: WeakMap<ConfigNode, string>;
  /** Statements with an apply-groups at or below them: the only ones the walk must enter without group statements. */
  readonly applyBelow: WeakSet<ConfigNode>;
}

/** One step of the path from the top: a statement's name and, for a list entry, its key. */
interface Step {
  readonly name: string;
  readonly key: string | undefined;
}

/** Whether the tree has groups to apply (without them, inheritance changes nothing but the apply statements). */
export function hasGroups(tree: ConfigNode): boolean {
  return tree.children.some((c) => c.name === 'groups' && !c.inactive);
}

/** `tree` with its groups applied (see the module comment). */
export function* inheritGroupsWork(tree: ConfigNode, context: InheritanceContext, schema: SchemaNode | undefined): Work<InheritedConfiguration> {
  const marks = new WeakMap<ConfigNode, string>();
  const groups = new Map<string, ConfigNode>();
  for (const c of tree.children) {
    const name = c.name === 'groups' && !c.inactive ? keyOf(c) : undefined;
    if (name !== undefined) groups.set(name, c);
  }
  const applies = (g: string): boolean => {
    if (g === 're0' || g === 're1') return g === context.routingEngine;
    if (g === 'node0' || g === 'node1') return g === context.node;
    return true;
  };
  const top = makeNode(tree.name, tree.value, tree.children.filter((c) => c.name !== 'groups'));
  const env: Env = { groups, applies, marks, applyBelow: yield* withApplyBelow(top) };
  const out = yield* inheritAt(top, [], [], schema, env);
  return { tree: out, groupOf: marks };
}

/** The statements that hold an apply-groups or apply-groups-except, themselves or below, in one pass. */
function* withApplyBelow(root: ConfigNode): Work<WeakSet<ConfigNode>> {
  const found = new WeakSet<ConfigNode>();
  // Depth-first with depths; a statement with an apply marks itself and its ancestors on the current path.
  const path: ConfigNode[] = [];
  const visit: { n: ConfigNode; depth: number }[] = [{ n: root, depth: 0 }];
  while (visit.length > 0) {
    const { n, depth } = visit.pop()!;
    if (pace()) yield;
    path.length = depth;
    path.push(n);
    if (n.children.some((c) => c.name === APPLY || c.name === EXCEPT)) {
      for (let d = path.length - 1; d >= 0 && !found.has(path[d]!); d--) found.add(path[d]!);
    }
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i]!;
      if (c.children.length > 0) visit.push({ n: c, depth: depth + 1 });
    }
  }
  return found;
}

/** A Junos wildcard (`*`, `?`, `[a-c]`, `[!0-3]`) as a whole-string pattern. */
function wildcard(pattern: string): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') src += '.*';
    else if (ch === '?') src += '.';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) src += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        src += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else src += ch.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  try {
    return new RegExp(`^${src}$`, 's');
  } catch {
    // A class JavaScript refuses (`[z-a]`): the wildcard matches nothing, as a pattern that fits no name.
    return /(?!)/;
  }
}

const patterns = new Map<string, RegExp>();
function isWildcardKey(key: string | undefined): key is string {
  return key !== undefined && key.length > 2 && key.startsWith('<') && key.endsWith('>');
}
function keyMatches(groupKey: string | undefined, key: string | undefined): boolean {
  if (groupKey === key) return true;
  if (!isWildcardKey(groupKey) || key === undefined) return false;
  let re = patterns.get(groupKey);
  if (!re) {
    re = wildcard(groupKey.slice(1, -1));
    if (patterns.size > 1000) patterns.clear();
    patterns.set(groupKey, re);
  }
  return re.test(key);
}

/** The statements of `n` that match one named `name` with key `key`. */
function matching(n: ConfigNode, name: string, key: string | undefined): ConfigNode[] {
  const out: ConfigNode[] = [];
  for (const c of n.children) if (c.name === name && !c.inactive && keyMatches(keyOf(c), key)) out.push(c);
  return out;
}

/** The statements of group `g` at `path` (several where wildcards match). */
function groupAt(g: ConfigNode, path: readonly Step[]): ConfigNode[] {
  let nodes = [g];
  for (const step of path) {
    const next: ConfigNode[] = [];
    for (const n of nodes) next.push(...matching(n, step.name, step.key));
    nodes = next;
    if (nodes.length === 0) break;
  }
  return nodes;
}

function valuesOf(n: ConfigNode, name: string): string[] {
  const out: string[] = [];
  for (const c of n.children) if (c.name === name && c.value !== undefined) out.push(...c.value.split(/\s+/).filter(Boolean));
  return out;
}

/** What a child is matched by among its siblings: a leaf by name, a leaf-list value by value too, a list entry by key. */
function idOf(c: ConfigNode, schema: SchemaNode | undefined): string {
  const s = schema?.child(c.name);
  if (s?.kind === 'leaf-list') return identity(c.name, `\u0000${c.value ?? ''}`);
  if (s?.kind === 'leaf') return identity(c.name, undefined);
  return identity(c.name, keyOf(c));
}

/** A copy of an inherited subtree with every statement marked as coming from `group`. */
function* markedCopy(n: ConfigNode, group: string, env: Env): Work<ConfigNode> {
  if (pace()) yield;
  const kids: ConfigNode[] = [];
  for (const c of n.children) kids.push(yield* markedCopy(c, group, env));
  const copy = makeNode(n.name, n.value, kids, n.inactive === true);
  env.marks.set(copy, group);
  return copy;
}

/**
 * `local` (a statement of the configuration at `path`, or a bare entry made
 * for one only groups have) with what `inherited` (group statements at the
 * same path, strongest first) add to it.
 */
function* inheritAt(local: ConfigNode, path: readonly Step[], inherited: readonly Source[], schema: SchemaNode | undefined, env: Env): Work<ConfigNode> {
  if (pace(1 + local.children.length)) yield;
  const except = new Set(valuesOf(local, EXCEPT));
  const here: Source[] = [];
  for (const g of valuesOf(local, APPLY)) {
    const group = env.groups.get(g);
    if (!group || !env.applies(g) || except.has(g)) continue;
    for (const node of groupAt(group, path)) here.push({ group: g, node });
  }
  // A deeper apply-groups is stronger than one above; except stops the ones from above.
  const sources = [...here, ...inherited.filter((s) => !except.has(s.group))];
  const keys = keyCount(local);
  const kids: ConfigNode[] = [];
  const seen = new Set<string>();
  let changed = sources.length > 0;
  for (let i = 0; i < local.children.length; i++) {
    const c = local.children[i]!;
    if (i >= keys && (c.name === APPLY || c.name === EXCEPT)) {
      changed = true;
      continue;
    }
    seen.add(idOf(c, schema));
    const below = c.children.length > 0 && i >= keys ? childSources(sources, c) : [];
    if (below.length === 0 && !env.applyBelow.has(c)) {
      kids.push(c);
      continue;
    }
    const built = yield* inheritAt(c, [...path, { name: c.name, key: keyOf(c) }], below, schema?.child(c.name), env);
    if (built !== c) changed = true;
    kids.push(built);
  }
  // What only the groups have, strongest first; an entry with a wildcard name adds to others and is not one itself.
  const entries: ConfigNode[] = [];
  const rest: ConfigNode[] = [];
  for (const s of sources) {
    const sk = keyCount(s.node);
    for (let i = sk; i < s.node.children.length; i++) {
      const gc = s.node.children[i]!;
      if (gc.inactive || gc.name === APPLY || gc.name === EXCEPT || isWildcardKey(keyOf(gc))) continue;
      const id = idOf(gc, schema);
      if (seen.has(id)) continue;
      seen.add(id);
      const step: Step = { name: gc.name, key: keyOf(gc) };
      const others = childSources(sources, gc).filter((o) => o.node !== gc);
      let node: ConfigNode;
      if (gc.children.length === 0 || others.length === 0) node = yield* markedCopy(gc, s.group, env);
      else {
        // Several groups give this statement: merged, the strongest first.
        const bare = makeNode(gc.name, gc.value, gc.children.slice(0, keyCount(gc)));
        node = yield* inheritAt(bare, [...path, step], [{ group: s.group, node: gc }, ...others], schema?.child(gc.name), env);
        env.marks.set(node, s.group);
        for (const k of node.children.slice(0, keyCount(node))) env.marks.set(k, s.group);
      }
      (step.key !== undefined ? entries : rest).push(node);
    }
  }
  if (!changed && entries.length === 0 && rest.length === 0) return local;
  // Inherited list entries come before the configuration's own (Juniper's name-server example), other statements after.
  const all = [...kids.slice(0, keys), ...entries, ...kids.slice(keys), ...rest];
  const ordered = schema ? inStatementOrder(schema, local.name, all) : all;
  return makeNode(local.name, local.value, ordered, local.inactive === true);
}

/** The group statements that match child `c` of the statement the sources are at. */
function childSources(sources: readonly Source[], c: ConfigNode): Source[] {
  const key = keyOf(c);
  const out: Source[] = [];
  for (const s of sources) for (const node of matching(s.node, c.name, key)) out.push({ group: s.group, node });
  return out;
}
