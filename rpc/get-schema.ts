/** <get-schema> (RFC 6022): serves the emulator's YANG modules. */
import { SCHEMA_MODULES, schemaText } from '../src/engine/index.js';
import { child } from '../src/xml/element.js';
import type { RpcHandler } from './types.js';
import { missingElement, schemaValueInvalid } from '../src/errors/catalogue.js';
import { schemaDataXml } from '../src/render/configuration-results.js';

export const MONITORING_NS = 'urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring';


export const handler: RpcHandler = {
  name: 'get-schema',
  permission: 'view',
  formatIsLeaf: true,
  handle(op) {
    const id = child(op, 'identifier')?.text.trim();
    if (!id) {
      throw missingElement('identifier');
    }
    const version = child(op, 'version')?.text.trim();
    const format = child(op, 'format')?.text.trim();
    const m = SCHEMA_MODULES.find((s) => s.name === id);
    if (!m) throw schemaValueInvalid(`schema ${id} not found`, 'identifier');
    if (version && version !== m.revision) throw schemaValueInvalid(`schema ${id} has no version ${version}`, 'version');
    // Clients may send the format as a prefixed identity (ncm:yang).
    if (format && format.replace(/^.*:/, '') !== 'yang') throw schemaValueInvalid(`schema format ${format} is not supported`, 'format');
    return { kind: 'body', body: schemaDataXml(MONITORING_NS, schemaText(m)) };
  },
};
