/**
 * The `junos:must` constraints the generator kept (scripts/schema_constraints.py),
 * evaluated on a configuration at commit check. Three-valued: `undefined` is
 * "not certain" (a path the schema does not read, `$$` without a value, an
 * absolute path inside a logical system), and a constraint is only enforced
 * when it is certainly false: refusing a valid configuration is worse than
 * missing a bad one. The forms: docs/config-schema.md.
 */
import type { ConfigNode } from '../tree.js';
import { keyOf } from '../tree.js';
import { bareListUnder, xmlNameOf } from './cli-names.js';
import type { MustExpr, SchemaNode } from './model.js';

/** One level from the configuration root down to the node the constraint is on (the last). */
export interface MustLevel {
  readonly node: ConfigNode;
  readonly schema: SchemaNode;
}

export interface MustContext {
  readonly chain: readonly MustLevel[];
  /** What `$$` stands for: a leaf's value, a list entry's key. */
  readonly value: string | undefined;
  /** False inside a logical system or tenant, where Junos reads an absolute path from there, not from the root. */
  readonly absolute: boolean;
}

type Truth = boolean | undefined;

export function evaluateMust(e: MustExpr, ctx: MustContext): Truth {
  switch (e[0]) {
    case 'p':
      return pathExists(e[1], ctx);
    case '!': {
      const v = evaluateMust(e[1], ctx);
      return v === undefined ? undefined : !v;
    }
    case '&': {
      const a = evaluateMust(e[1], ctx);
      const b = evaluateMust(e[2], ctx);
      if (a === false || b === false) return false;
      return a === undefined || b === undefined ? undefined : true;
    }
    case '|': {
      const a = evaluateMust(e[1], ctx);
      const b = evaluateMust(e[2], ctx);
      if (a === true || b === true) return true;
      return a === undefined || b === undefined ? undefined : false;
    }
  }
}

/** Values that are templates or variables (`<*>`, `$junos-interface-name`): nothing certain to compare. */
const VARIABLE = /^[<$]/;

/** One step of a path read against the schema: the statement, and the key or value the next word gave it. */
interface Step {
  readonly schema: SchemaNode;
  readonly word: string | undefined;
}

/**
 * The path's words read against the schema from `from`, or undefined when a
 * word is not what the schema says there: then the path's meaning is not
 * certain (a `..` count the DDL makes otherwise than the YANG levels, a
 * keyword-less statement, a multi-key list).
 */
function readPath(from: SchemaNode, rest: readonly string[], value: (w: string) => string | undefined): Step[] | undefined {
  const steps: Step[] = [];
  let schema = from;
  let i = 0;
  while (i < rest.length) {
    const w = value(rest[i]!);
    if (w === undefined || VARIABLE.test(w)) return undefined;
    let s = schema.keys.includes(xmlNameOf(w)) ? undefined : schema.child(xmlNameOf(w));
    if (s) i++;
    else {
      // `interfaces $$`: the entry of a list written by key alone.
      const bare = bareListUnder(schema.name, (c) => schema.child(c)?.kind === 'list');
      s = bare !== undefined ? schema.child(bare) : undefined;
      if (!s) return undefined;
    }
    let word: string | undefined;
    if (s.kind === 'list') {
      // The word after a list's is its key (`security-zone $$`); a path ending at the list asks for any entry.
      if (s.keys.length !== 1) return undefined;
      if (i < rest.length) word = value(rest[i++]!);
    } else if (s.kind === 'leaf' || s.kind === 'leaf-list') {
      if (i < rest.length) {
        if (s.isEmptyLeaf) return undefined;
        word = value(rest[i++]!);
      }
      if (i < rest.length) return undefined;
    }
    if (word !== undefined && VARIABLE.test(word)) return undefined;
    steps.push({ schema: s, word });
    schema = s;
  }
  return steps;
}

function pathExists(words: readonly string[], ctx: MustContext): Truth {
  let ups = 0;
  while (words[ups] === '..') ups++;
  const rest = words.slice(ups);
  let start: MustLevel | undefined;
  if (ups > 0) start = ctx.chain[ctx.chain.length - 1 - ups];
  else if (ctx.absolute) start = ctx.chain[0];
  if (!start) return undefined;
  const steps = readPath(start.schema, rest, (w) => (w === '$$' ? ctx.value : w));
  if (!steps) return undefined;
  let nodes: readonly ConfigNode[] = [start.node];
  for (const { schema: s, word } of steps) {
    const found = nodes.flatMap((n) => n.children.filter((c) => c.name === s.name && !c.inactive));
    if (s.kind === 'leaf' || s.kind === 'leaf-list') return word === undefined ? found.length > 0 : found.some((c) => c.value === word);
    nodes = s.kind === 'list' && word !== undefined ? found.filter((e) => keyOf(e) === word) : found;
    if (nodes.length === 0) return false;
  }
  return nodes.length > 0;
}
