import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'close-session',
  handle: () => ({ kind: 'ok', endSession: true }),
};
