/** <get-snapshot-information>: `show system snapshot`. */
import { snapshotInformation } from '../src/engine/index.js';
import { getSnapshotInformationGrammar } from '../src/grammar/get-snapshot-information.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { replyBody } from '../src/render/reply.js';
import { snapshotInfoText, snapshotInfoTree } from '../src/render/snapshot-info.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'get-snapshot-information',
  grammar: getSnapshotInformationGrammar,
  async handle(op, ctx) {
    const opts = parseRpcOptions(getSnapshotInformationGrammar, op, ctx.device.model.dialect());
    const result = await snapshotInformation(ctx.device.model, ctx.session.routingEngine, opts);
    const body = replyBody(
      ctx.format,
      ctx.minified,
      () => snapshotInfoTree(result),
      () => snapshotInfoText(result),
    );
    return { kind: 'body', body };
  },
};
