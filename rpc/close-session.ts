import { syntaxError } from '../src/xml/rpc-error.js';
import type { RpcHandler } from './types.js';

/**
 * RFC 6241 7.8. `<close-session>` takes nothing: a child element or text is
 * refused as every RPC refuses what its schema lacks (`syntax error`, the
 * element as bad-element), and the session stays open.
 */
export const handler: RpcHandler = {
  name: 'close-session',
  permission: 'any-user',
  handle: (op) => {
    const extra = op.children[0];
    if (extra) throw syntaxError(extra.name);
    if (op.text.trim() !== '') throw syntaxError(op.text.trim());
    return { kind: 'ok', endSession: true };
  },
};
