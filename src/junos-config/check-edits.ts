/**
 * Load-time checks of the statements the emulator interprets, with Junos's
 * error shape (error-path `[edit system]`, bad-element). Other statements are
 * schema-free and load as given, but their names must be names: they become
 * XML elements in every later get-config, and a text or set load would
 * otherwise put `<a<b>` (or markup) there.
 */
import { RpcError } from '../xml/rpc-error.js';
import { leafKind } from './schema.js';
import { pace, runNow, type Work } from './slices.js';
import type { EditNode } from './tree.js';
import { keyOf } from './tree.js';
import { allOf, configurationError } from '../errors/catalogue.js';

/** Junos statement keywords, as XML element names: ASCII NCNames. */
const STATEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function* checkEditsWork(edits: readonly EditNode[]): Work<void> {
  const errors: RpcError[] = [];
  // Depth first with an explicit stack: the statements of each level, the next one, and the path down to them.
  const stack: Array<{ readonly nodes: readonly EditNode[]; next: number; readonly parent: string; readonly path: readonly string[] }> = [
    { nodes: edits, next: 0, parent: 'configuration', path: [] },
  ];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (f.next >= f.nodes.length) {
      stack.pop();
      continue;
    }
    const n = f.nodes[f.next++]!;
    if (pace()) yield;
    const { parent, path } = f;
    if (!STATEMENT_NAME.test(n.name)) {
      errors.push(configurationError('syntax error', n.name, `[edit${path.length ? ' ' + path.join(' ') : ''}]`));
      continue;
    }
    if (n.op === 'delete') continue;
    const kind = leafKind(parent, n.name);
    // `<domain-name active="active"/>` marks the statement there; it needs no value.
    const marksOnly = n.activity !== undefined && n.children.length === 0;
    if (kind === 'value' && (n.value === undefined || n.value === '') && !marksOnly) {
      const where = `[edit${path.length ? ' ' + path.join(' ') : ''}]`;
      errors.push(configurationError('missing argument', n.name, where));
    } else if (kind === 'empty' && n.value !== undefined) {
      errors.push(configurationError('syntax error', n.value, `[edit${[...path, n.name].map((p) => ' ' + p).join('')}]`));
    }
    if (n.children.length > 0) {
      const key = keyOf(n);
      stack.push({ nodes: n.children, next: 0, parent: n.name, path: [...path, n.name, ...(key !== undefined ? [key] : [])] });
    }
  }
  if (errors.length > 0) throw allOf(errors);
}

export function checkEdits(edits: readonly EditNode[]): void {
  runNow(checkEditsWork(edits));
}
