import { escapeText } from '../src/xml/escape.js';
import { readDatastore } from './datastore-target.js';
import type { RpcContext, RpcHandler } from './types.js';

/** The device's configuration as `<configuration>`, the way Junos returns it in `<data>`. */
export function configurationElement(ctx: RpcContext): string {
  return (
    '<configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm">' +
    `<system><host-name>${escapeText(ctx.device.hostname())}</host-name></system>` +
    '</configuration>'
  );
}

export const handler: RpcHandler = {
  name: 'get-config',
  handle: (op, ctx) => {
    readDatastore(op, 'source');
    return { kind: 'body', body: `<data>\n${configurationElement(ctx)}\n</data>` };
  },
};
