import type { RpcHandler } from './types.js';

/** Junos's own way to end a session: answered `<end-session/>`, then the channel closes. */
export const handler: RpcHandler = {
  name: 'request-end-session',
  permission: 'any-user',
  handle: () => ({ kind: 'body', body: '<end-session/>', endSession: true }),
};
