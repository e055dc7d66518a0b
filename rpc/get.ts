import { SCHEMA_MODULES } from '../src/engine/index.js';
import { child } from '../src/xml/element.js';
import { dataXml, netconfStateXml } from '../src/render/configuration-results.js';
import { MONITORING_NS } from './get-schema.js';
import { configurationData, configurationXml } from './get-config.js';
import type { RpcHandler } from './types.js';

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
      // RFC 6022 schema list, so YANG-aware clients (yangcli) find what `<get-schema>` serves.
      const config = child(filter, 'configuration') ? await configurationXml(ctx, 'running', filter) : '';
      return { kind: 'body', body: dataXml(config + netconfStateXml(MONITORING_NS, SCHEMA_MODULES)) };
    }
    return { kind: 'body', body: await configurationData(ctx, 'running', filter) };
  },
};
