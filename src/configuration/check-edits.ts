/**
 * Load-time checks of the statements the emulator interprets, with Junos's
 * error shape (error-path `[edit system]`, bad-element). Other statements are
 * schema-free and load as given, but their names must be names: they become
 * XML elements in every later get-config, and a text or set load would
 * otherwise put `<a<b>` (or markup) there.
 */
import { RpcError, type RpcErrorInfo } from '../xml/rpc-error.js';
import { leafKind } from './schema.js';
import type { EditNode } from './tree.js';
import { keyOf } from './tree.js';

/** Junos statement keywords, as XML element names: ASCII NCNames. */
const STATEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function checkEdits(edits: readonly EditNode[]): void {
  const errors: RpcErrorInfo[] = [];
  const walk = (nodes: readonly EditNode[], parent: string, path: string[]): void => {
    for (const n of nodes) {
      const where = `[edit${path.length ? ' ' + path.join(' ') : ''}]`;
      if (!STATEMENT_NAME.test(n.name)) {
        errors.push({ type: 'protocol', tag: 'operation-failed', severity: 'error', path: where, message: 'syntax error', info: [['bad-element', n.name]] });
        continue;
      }
      if (n.op === 'delete') continue;
      const kind = leafKind(parent, n.name);
      if (kind === 'value' && (n.value === undefined || n.value === '') ) {
        errors.push({ type: 'protocol', tag: 'operation-failed', severity: 'error', path: where, message: 'missing argument', info: [['bad-element', n.name]] });
      } else if (kind === 'empty' && n.value !== undefined) {
        errors.push({ type: 'protocol', tag: 'operation-failed', severity: 'error', path: `[edit${[...path, n.name].map((p) => ' ' + p).join('')}]`, message: 'syntax error', info: [['bad-element', n.value]] });
      }
      const key = keyOf(n);
      walk(n.children, n.name, [...path, n.name, ...(key !== undefined ? [key] : [])]);
    }
  };
  walk(edits, 'configuration', []);
  if (errors.length > 0) throw new RpcError(errors);
}
