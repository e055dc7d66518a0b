/**
 * Load-time checks of the statements the emulator interprets, with Junos's
 * error shape (error-path `[edit system]`, bad-element). Other statements are
 * schema-free and load as given.
 */
import { RpcError, type RpcErrorInfo } from '../xml/rpc-error.js';
import { leafKind } from './schema.js';
import type { EditNode } from './tree.js';
import { keyOf } from './tree.js';

export function checkEdits(edits: readonly EditNode[]): void {
  const errors: RpcErrorInfo[] = [];
  const walk = (nodes: readonly EditNode[], parent: string, path: string[]): void => {
    for (const n of nodes) {
      if (n.op === 'delete') continue;
      const kind = leafKind(parent, n.name);
      const where = `[edit${path.length ? ' ' + path.join(' ') : ''}]`;
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
