import { SCHEMA_MODULES } from '../src/engine/index.js';
import { child } from '../src/xml/element.js';
import { escapeText } from '../src/xml/escape.js';
import { MONITORING_NS } from './get-schema.js';
import { configurationData } from './get-config.js';
import type { RpcHandler } from './types.js';

/** RFC 6022 schema list, so YANG-aware clients (yangcli) find what `<get-schema>` serves. */
function netconfState(): string {
  const schemas = SCHEMA_MODULES.map(
    (m) =>
      `<schema><identifier>${escapeText(m.name)}</identifier><version>${m.revision}</version><format>yang</format>` +
      `<namespace>${escapeText(m.namespace)}</namespace><location>NETCONF</location></schema>`,
  ).join('');
  return `<netconf-state xmlns="${MONITORING_NS}"><schemas>${schemas}</schemas></netconf-state>\n`;
}

/**
 * <get>: the running configuration (no other state data is modelled), and
 * `netconf-state/schemas` when a filter asks for it.
 */
export const handler: RpcHandler = {
  name: 'get',
  permission: 'view',
  handle: async (op, ctx) => {
    const filter = child(op, 'filter');
    if (filter && child(filter, 'netconf-state')) {
      const config = child(filter, 'configuration') ? (await configurationData(ctx, 'running', filter)).replace(/<\/data>\n$/, '') : '<data>\n';
      return { kind: 'body', body: `${config}${netconfState()}</data>\n` };
    }
    return { kind: 'body', body: await configurationData(ctx, 'running', filter) };
  },
};
