import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'close-session',
  permission: 'any-user',
  handle: () => ({ kind: 'ok', endSession: true }),
};
