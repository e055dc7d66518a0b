/**
 * The commit check's part that the schema gives: statements the YANG marks
 * mandatory, and leaf values its types refuse (a tree loaded before schemas
 * were checked, or made from a device's YAML entry, may hold them). Statements
 * the schema does not know are left to the load-time checks: a saved
 * configuration with one still commits.
 */
import { missingMandatory, type ConfigurationProblem } from './effects.js';
import type { Schema, SchemaNode } from './schema/model.js';
import { checkValue } from './schema/values.js';
import { editPath } from './statements.js';
import type { ConfigNode } from './tree.js';
import { keyOf } from './tree.js';

const mandatoryOf = new WeakMap<SchemaNode, readonly string[]>();

function mandatoryLeaves(s: SchemaNode): readonly string[] {
  let m = mandatoryOf.get(s);
  if (!m) {
    m = [...s.children().values()].filter((c) => c.mandatory).map((c) => c.name);
    mandatoryOf.set(s, m);
  }
  return m;
}

export function schemaProblems(tree: ConfigNode, schema: Schema): ConfigurationProblem[] {
  const problems: ConfigurationProblem[] = [];
  // `words` are the node's own statement words (`user bob`), `path` those of its parent: Junos names a statement that lacks a mandatory child under its parent.
  const stack: Array<{ readonly node: ConfigNode; readonly schema: SchemaNode; readonly path: readonly string[]; readonly words: readonly string[] }> = [{ node: tree, schema: schema.root, path: [], words: [] }];
  while (stack.length > 0) {
    const { node, schema: s, path: parentPath, words } = stack.pop()!;
    const path = [...parentPath, ...words];
    for (const m of mandatoryLeaves(s)) {
      if (!node.children.some((c) => c.name === m)) problems.push(missingMandatory(editPath(parentPath), words.join(' '), m));
    }
    for (const c of node.children) {
      const cs = s.child(c.name);
      if (!cs) continue;
      if (cs.kind === 'leaf' || cs.kind === 'leaf-list') {
        if (c.value !== undefined && !cs.isEmptyLeaf && !s.keys.includes(c.name)) {
          const p = checkValue(schema, cs.type!, c.value);
          if (p) problems.push({ path: editPath(path), element: p.message === 'syntax error' ? c.value : c.name, message: p.message });
        }
        continue;
      }
      if (c.children.length === 0) continue;
      const key = cs.kind === 'list' ? keyOf(c) : undefined;
      stack.push({ node: c, schema: cs, path, words: [c.name, ...(key !== undefined ? [key] : [])] });
    }
  }
  return problems;
}
