import type { RpcHandler } from './types.js';
import { endSessionXml } from '../src/render/operation-results.js';

/** Junos's own way to end a session: answered `<end-session/>`, then the channel closes. */
export const handler: RpcHandler = {
  name: 'request-end-session',
  permission: 'any-user',
  handle: () => ({ kind: 'body', body: endSessionXml(), endSession: true }),
};
