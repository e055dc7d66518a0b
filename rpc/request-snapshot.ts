/** <request-snapshot>: `request system snapshot`. */
import { platformOf, runSnapshot } from '../src/engine/index.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { requestSnapshotGrammar } from '../src/grammar/request-snapshot.js';
import { replyBody } from '../src/render/reply.js';
import { snapshotText, snapshotTree } from '../src/render/snapshot.js';
import { snapshotProgressText } from '../src/render/snapshot-progress.js';
import { engineCall } from './engine-errors.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'request-snapshot',
  permission: 'maintenance',
  async handle(op, ctx) {
    const opts = parseRpcOptions(requestSnapshotGrammar, op, platformOf(ctx.device.profile));
    // Runs to completion even if the client goes away meanwhile; the state is
    // persisted either way.
    // A CLI session shows the lines as each step starts (the spec: "feedback on the status of your request").
    const progress = ctx.format === 'text' ? ctx.session.progress : undefined;
    const onProgress = progress ? snapshotProgressText(progress) : undefined;
    const result = await engineCall(() => runSnapshot(ctx.device.model, ctx.device.clock, ctx.session.routingEngine, opts, { onProgress }));
    await ctx.device.persist();
    const body = replyBody(
      ctx.format,
      ctx.minified,
      () => snapshotTree(result, ctx.device.release()),
      () => snapshotText(result),
    );
    // A single target that failed part-way (a media fault) reports its
    // output so far and the failure as rpc-errors beside it.
    const only = result.multi ? undefined : result.targets[0];
    if (only && only.errors.length > 0) {
      return { kind: 'partial', body, errors: only.errors.map((message) => ({ severity: 'error' as const, message })) };
    }
    return { kind: 'body', body };
  },
};
