/**
 * The commit check's part that the schema gives: statements the YANG marks
 * mandatory, leaf values its types refuse (a tree loaded before schemas
 * were checked, or made from a device's YAML entry, may hold them), and the
 * `junos:must` constraints the generator kept (schema/musts.ts). Statements
 * the schema does not know are left to the load-time checks: a saved
 * configuration with one still commits.
 */
import { missingMandatory, type ConfigurationProblem } from './effects.js';
import { isBareEntry } from './schema/cli-names.js';
import type { Schema, SchemaNode } from './schema/model.js';
import { evaluateMust, type MustLevel } from './schema/musts.js';
import { checkValue } from './schema/values.js';
import { editPath } from './statements.js';
import type { ConfigNode } from './tree.js';
import { keyOf } from './tree.js';
import { pace, runNow, type Work } from './slices.js';

const mandatoryOf = new WeakMap<SchemaNode, readonly string[]>();

function mandatoryLeaves(s: SchemaNode): readonly string[] {
  let m = mandatoryOf.get(s);
  if (!m) {
    m = [...s.children().values()].filter((c) => c.mandatory).map((c) => c.name);
    mandatoryOf.set(s, m);
  }
  return m;
}

/** Where an absolute must path is not read from the root (Junos reads it from the logical system). */
const OWN_ROOTS = new Set(['logical-systems', 'tenants']);

interface Frame {
  readonly node: ConfigNode;
  readonly schema: SchemaNode;
  /** The node's own path; `words` are its own statement words (`user bob`) at its end. */
  readonly path: readonly string[];
  readonly words: readonly string[];
  readonly chain: readonly MustLevel[];
  readonly absolute: boolean;
  /** Below an inactive statement: not in the configuration Junos checks. */
  readonly inactive: boolean;
}

/** schemaProblemsWork at once. */
export function schemaProblems(tree: ConfigNode, schema: Schema): ConfigurationProblem[] {
  return runNow(schemaProblemsWork(tree, schema));
}

/** The problems of `tree` by `schema`, as work in slices: a 16,000-interface commit check took 30-90 ms at once. */
export function* schemaProblemsWork(tree: ConfigNode, schema: Schema): Work<ConfigurationProblem[]> {
  const problems: ConfigurationProblem[] = [];
  const mustProblems: ConfigurationProblem[] = [];
  const stack: Frame[] = [{ node: tree, schema: schema.root, path: [], words: [], chain: [{ node: tree, schema: schema.root }], absolute: true, inactive: false }];
  const must = (f: Frame, c: ConfigNode, cs: SchemaNode, value: string | undefined, path: string, element: string): void => {
    if (c.inactive || f.inactive) return;
    for (const [expr, message] of cs.musts) {
      if (evaluateMust(expr, { chain: [...f.chain, { node: c, schema: cs }], value, absolute: f.absolute }) === false) mustProblems.push({ path, element, message });
    }
  };
  while (stack.length > 0) {
    const f = stack.pop()!;
    const { node, schema: s, path, words } = f;
    if (pace(1 + node.children.length)) yield;
    // Junos names a statement that lacks a mandatory child under its parent.
    const parentPath = path.slice(0, path.length - words.length);
    for (const m of mandatoryLeaves(s)) {
      if (!node.children.some((c) => c.name === m)) problems.push(missingMandatory(editPath(parentPath), words.join(' '), m));
    }
    for (const c of node.children) {
      const cs = s.child(c.name);
      if (!cs) continue;
      // Group contents are templates, checked where they apply.
      const checksMusts = path[0] !== 'groups';
      if (cs.kind === 'leaf' || cs.kind === 'leaf-list') {
        const isKey = s.keys.includes(c.name);
        if (c.value !== undefined && !cs.isEmptyLeaf && !isKey) {
          const p = checkValue(schema, cs.type!, c.value);
          if (p) problems.push({ path: editPath(path), element: p.message === 'syntax error' ? c.value : c.name, message: p.message });
        }
        // A key's constraint names the entry's value (a capture: bad-element `corp` for `from-zone corp`).
        if (checksMusts) must(f, c, cs, c.value, editPath(path), isKey ? (c.value ?? c.name) : c.name);
        continue;
      }
      const key = cs.kind === 'list' ? keyOf(c) : undefined;
      if (checksMusts) must(f, c, cs, key, editPath(path), key === undefined ? c.name : isBareEntry(s.name, c.name) ? key : `${c.name} ${key}`);
      if (c.children.length === 0) continue;
      const own = [c.name, ...(key !== undefined ? [key] : [])];
      stack.push({
        node: c,
        schema: cs,
        path: [...path, ...own],
        words: own,
        chain: [...f.chain, { node: c, schema: cs }],
        absolute: f.absolute && !(path.length === 0 && OWN_ROOTS.has(c.name)),
        inactive: f.inactive || c.inactive === true,
      });
    }
  }
  // Junos checks musts on the configuration with its groups applied: the device gives this check that one (groups.ts).
  return [...problems, ...mustProblems];
}
