/**
 * A configuration path as `show configuration PATH` and configuration mode's
 * `edit PATH` / `show PATH` take it, as a `<configuration>` subtree filter:
 * read the way a `set` line is (statements.ts), so lists with several keys
 * work as Junos writes them (`security policies from-zone trust to-zone
 * untrust`, `route-filter 10.0.0.0/8 orlonger`); a path the schema does not
 * read falls back to the hand table of path.ts.
 */
import { element as el, type XmlElement } from '../xml/element.js';
import { defaultSchema } from './schema/catalog.js';
import type { Schema } from './schema/model.js';
import { readPath } from './path.js';
import { StatementError, walkStatement } from './statements.js';
import { editPathChain, type EditNode } from './tree.js';

export interface PathFilter {
  /** The filter's statements, to go inside `<configuration>`. */
  readonly filter: readonly XmlElement[];
  /** How many statements deep the path reaches (`system services`: 2; a list entry is one). */
  readonly depth: number;
}

/** `words` as a subtree filter of the configuration. */
export function pathFilter(words: readonly string[], schema: Schema = defaultSchema()): PathFilter {
  if (words.length === 0) return { filter: [], depth: 0 };
  try {
    const walked = walkStatement({ schema: schema.root, edit: undefined, path: [] }, words, 'delete', 'merge');
    if (walked.nodes.length === 1) return { filter: [toFilter(walked.nodes[0]!)], depth: editPathChain(walked.nodes[0]).length };
  } catch (err) {
    if (!(err instanceof StatementError)) throw err;
  }
  const { steps } = readPath(words, 'path', schema);
  let inner: XmlElement[] = [];
  for (let k = steps.length - 1; k >= 0; k--) {
    const s = steps[k]!;
    inner = [el(s.name, [...(s.key !== undefined ? [el('name', [], s.key)] : []), ...inner])];
  }
  return { filter: inner, depth: steps.length };
}

/** An edit path as filter elements: key leaves with their values, the rest as selections. */
function toFilter(n: EditNode): XmlElement {
  return el(n.name, n.children.map(toFilter), n.children.length === 0 && n.value !== undefined ? n.value : '');
}
