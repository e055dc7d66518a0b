import { child } from '../src/xml/element.js';
import { configurationData } from './get-config.js';
import type { RpcHandler } from './types.js';

/** <get>: the running configuration (no state data is modelled). */
export const handler: RpcHandler = {
  name: 'get',
  permission: 'view',
  handle: (op, ctx) => ({ kind: 'body', body: configurationData(ctx, 'running', child(op, 'filter')) }),
};
