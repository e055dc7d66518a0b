import { configurationElement } from './get-config.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'get',
  handle: (_op, ctx) => ({ kind: 'body', body: `<data>\n${configurationElement(ctx)}\n</data>` }),
};
