/** <get-schema> (RFC 6022): serves the emulator's YANG modules. */
import { SCHEMA_MODULES, schemaText } from '../src/engine/index.js';
import { child } from '../src/xml/element.js';
import { escapeText } from '../src/xml/escape.js';
import { RpcError } from '../src/xml/rpc-error.js';
import type { RpcHandler } from './types.js';

export const MONITORING_NS = 'urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring';

function invalid(message: string, badElement: string): RpcError {
  return new RpcError({ type: 'application', tag: 'invalid-value', severity: 'error', message, info: [['bad-element', badElement]] });
}

export const handler: RpcHandler = {
  name: 'get-schema',
  permission: 'view',
  formatIsLeaf: true,
  handle(op) {
    const id = child(op, 'identifier')?.text.trim();
    if (!id) {
      throw new RpcError({
        type: 'protocol',
        tag: 'missing-element',
        severity: 'error',
        message: 'missing element: identifier',
        info: [['bad-element', 'identifier']],
      });
    }
    const version = child(op, 'version')?.text.trim();
    const format = child(op, 'format')?.text.trim();
    const m = SCHEMA_MODULES.find((s) => s.name === id);
    if (!m) throw invalid(`schema ${id} not found`, 'identifier');
    if (version && version !== m.revision) throw invalid(`schema ${id} has no version ${version}`, 'version');
    // Clients may send the format as a prefixed identity (ncm:yang).
    if (format && format.replace(/^.*:/, '') !== 'yang') throw invalid(`schema format ${format} is not supported`, 'format');
    return { kind: 'body', body: `<data xmlns="${MONITORING_NS}">${escapeText(schemaText(m))}</data>\n` };
  },
};
