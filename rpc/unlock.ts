import { readDatastore } from './datastore-target.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'unlock',
  permission: 'configure',
  handle: (op, ctx) => {
    ctx.device.locks.unlock(readDatastore(op, 'target'), ctx.session.id);
    return { kind: 'ok' };
  },
};
