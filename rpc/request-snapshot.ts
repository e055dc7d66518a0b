/** <request-snapshot>: `request system snapshot`. */
import { runSnapshot } from '../src/engine/index.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { requestSnapshotGrammar, snapshotOptions } from '../src/grammar/request-snapshot.js';
import { replyBody } from '../src/render/reply.js';
import { snapshotText, snapshotTree } from '../src/render/snapshot.js';
import { snapshotProgressText } from '../src/render/snapshot-progress.js';
import type { RpcHandler } from './types.js';
import { plainErrorInfo } from '../src/errors/catalogue.js';

export const handler: RpcHandler = {
  name: 'request-snapshot',
  grammar: requestSnapshotGrammar,
  async handle(op, ctx) {
    const opts = snapshotOptions(parseRpcOptions(requestSnapshotGrammar, op, ctx.device.model.dialect()));
    // Runs to completion even if the client goes away meanwhile; the state is
    // persisted either way, and the dispatcher answers once it is on disk.
    // A CLI session shows the lines as each step starts (the spec: "feedback on the status of your request").
    const progress = ctx.format === 'text' ? ctx.session.progress : undefined;
    const onProgress = progress ? snapshotProgressText(progress) : undefined;
    const result = await runSnapshot(ctx.device.model, ctx.device.clock, ctx.session.routingEngine, opts, { onProgress });
    // `load` (22.1+): the snapshot's release is what the next boot runs.
    const boots = result.targets.find((t) => t.boots !== undefined);
    if (boots?.boots !== undefined) {
      ctx.device.system.pending = { version: boots.boots, packageName: `snapshot:${String(opts.load)}` };
      ctx.device.system.changed();
    }
    const body = replyBody(
      ctx.format,
      ctx.minified,
      () => snapshotTree(result),
      () => snapshotText(result),
    );
    // A single target that failed part-way (a media fault) reports its
    // output so far and the failure as rpc-errors beside it.
    const only = result.multi ? undefined : result.targets[0];
    if (only && only.errors.length > 0) {
      return { kind: 'partial', body, errors: only.errors.map(plainErrorInfo) };
    }
    return { kind: 'body', body };
  },
};
