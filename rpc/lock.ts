import { lockCandidate } from './configuration-session.js';
import { readDatastore } from './datastore-target.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'lock',
  permission: 'configure',
  handle: (op, ctx) => {
    const target = readDatastore(op, 'target');
    if (target === 'candidate') lockCandidate(ctx, 'lock');
    else ctx.device.locks.lock(target, ctx.session.id, ctx.session.user);
    return { kind: 'ok' };
  },
};
