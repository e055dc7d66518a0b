/**
 * Containers loaded with nothing in them. Junos ignores a container whose
 * presence means nothing (no YANG `presence`) when it has no contents, and
 * warns `mgd: statement has no contents; ignored` with the level it was met
 * at and the container as bad-element: a 19.4 vQFX reply to a text load
 * whose `authentication { SSH-rsa "..."; }` lost its only statement to a
 * syntax error; a CLI load of `interfaces { }` prints the same warning under
 * `'interfaces'`. A container emptied that way empties its parent in turn
 * (our choice: each one warns, innermost first). `replace:` and deletions are
 * left alone: no capture shows them.
 */
import type { RpcErrorInfo } from '../errors/rpc-error.js';
import { noContentsWarning } from '../errors/catalogue.js';
import type { Schema, SchemaNode } from './schema/model.js';
import { pace, type Work } from './slices.js';
import { editPath } from './statements.js';
import { keyOf, type EditNode } from './tree.js';

/** Drops the empty containers of `edits` (in place) and returns a warning for each. */
export function* dropEmptyContainersWork(edits: EditNode[], schema: Schema): Work<RpcErrorInfo[]> {
  const warnings: RpcErrorInfo[] = [];
  yield* level(edits, schema.root, [], warnings);
  return warnings;
}

function* level(nodes: EditNode[], parent: SchemaNode, path: readonly string[], warnings: RpcErrorInfo[]): Work<void> {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (pace()) yield;
    const s = parent.child(n.name);
    if (!s || (s.kind !== 'container' && s.kind !== 'list') || n.op === 'delete') continue;
    if (n.children.length > 0) {
      const key = s.kind === 'list' ? keyOf(n) : undefined;
      yield* level(n.children, s, [...path, n.name, ...(key !== undefined ? [key] : [])], warnings);
    }
    if (s.kind === 'container' && !s.isPresence && n.op === 'merge' && n.value === undefined && n.activity === undefined && n.children.length === 0) {
      warnings.push(noContentsWarning(editPath(path), n.name));
      nodes.splice(i--, 1);
    }
  }
}
