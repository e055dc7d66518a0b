/**
 * <request-package-validate>: `request system software validate PACKAGE`.
 * Checks the file as an install would (docs/packages.md) and the
 * configuration against it; changes nothing.
 */
import { platformOf } from '../src/engine/index.js';
import { requestPackageValidateGrammar } from '../src/grammar/request-package-validate.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { validationLines } from '../src/packages/install.js';
import { expecting } from '../src/errors/catalogue.js';
import { installTarget, judge, packageReply } from './request-package-common.js';
import { VALIDATE_MS } from './request-package-add.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'request-package-validate',
  grammar: requestPackageValidateGrammar,
  async handle(op, ctx) {
    const opts = parseRpcOptions(requestPackageValidateGrammar, op, platformOf(ctx.device.profile));
    const name = opts.get('package-name');
    if (typeof name !== 'string') throw expecting('package-name', 'request-package-validate');
    const verdict = await judge(ctx, name);
    if (!verdict.ok) return packageReply(ctx, verdict.lines, verdict.result);
    await ctx.device.clock.sleep(VALIDATE_MS);
    return packageReply(ctx, validationLines(name, verdict.manifest, installTarget(ctx)), 0);
  },
};
