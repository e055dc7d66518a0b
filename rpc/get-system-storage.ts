/** <get-system-storage>: `show system storage [detail]`. */
import { systemStorage } from '../src/engine/index.js';
import { getSystemStorageGrammar } from '../src/grammar/get-system-storage.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { replyBody } from '../src/render/reply.js';
import { storageText, storageTree } from '../src/render/storage.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'get-system-storage',
  grammar: getSystemStorageGrammar,
  async handle(op, ctx) {
    const opts = parseRpcOptions(getSystemStorageGrammar, op, ctx.device.model.dialect());
    const result = await systemStorage(ctx.device.model, ctx.session.routingEngine, opts);
    const body = replyBody(
      ctx.format,
      ctx.minified,
      () => storageTree(result),
      () => storageText(result),
    );
    return { kind: 'body', body };
  },
};
