import { readDatastore } from './datastore-target.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'lock',
  handle: (op, ctx) => {
    ctx.device.locks.lock(readDatastore(op, 'target'), ctx.session.id, ctx.session.user);
    return { kind: 'ok' };
  },
};
