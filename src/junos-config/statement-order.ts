/**
 * Statements in Junos's order. Junos does not keep statements in the order
 * they were loaded: each level shows its statements in one fixed order
 * (schema/display-order.ts), and the entries of one list together, in the
 * order they were added. The key of a list entry stays first. Every load
 * puts what it adds in that order (edit.ts), so the text, set, XML and JSON
 * forms and compare all show it.
 */
import type { SchemaNode } from './schema/model.js';
import { buildTree, keyCount, makeNode, type ConfigNode } from './tree.js';
import type { Work } from './slices.js';

/** A name the schema does not have here goes after those it has, in the order it came. */
const UNKNOWN = Number.MAX_SAFE_INTEGER;

/**
 * `children` of the statement `name` in Junos's order: the same array when
 * they already are (the common case, checked in one pass), else a sorted
 * copy. The sort is stable, so list entries keep the order they were added in.
 */
export function inStatementOrder(schema: SchemaNode, name: string, children: readonly ConfigNode[]): readonly ConfigNode[] {
  const keys = keyCount({ name, children });
  let last = -1;
  let sorted = true;
  for (let i = keys; i < children.length; i++) {
    const r = schema.rank(children[i]!.name) ?? UNKNOWN;
    if (r < last) {
      sorted = false;
      break;
    }
    last = r;
  }
  if (sorted) return children;
  const ranked = children.slice(keys).map((c, i) => ({ c, r: schema.rank(c.name) ?? UNKNOWN, i }));
  ranked.sort((a, b) => a.r - b.r || a.i - b.i);
  return [...children.slice(0, keys), ...ranked.map((x) => x.c)];
}

/** A whole subtree (a statement a load adds in one piece, an override's configuration) in Junos's order. */
export function inStatementOrderWork(tree: ConfigNode, schema: SchemaNode | undefined): Work<ConfigNode> {
  return buildTree<ConfigNode, SchemaNode | null, ConfigNode>(
    tree,
    schema ?? null,
    (c, s) => s?.child(c.name) ?? null,
    (n, s, kids) => {
      const ordered = s && kids.length > 1 ? inStatementOrder(s, n.name, kids) : kids;
      const same = ordered.length === n.children.length && ordered.every((c, i) => c === n.children[i]);
      return same ? n : makeNode(n.name, n.value, ordered, n.inactive === true);
    },
  );
}
