/**
 * <request-package-add>: `request system software add PACKAGE`. The file in
 * the device's tree decides (docs/packages.md): its manifest names the
 * release that becomes active at the next reboot, a damaged, foreign or
 * wrong-platform file is refused as Junos refuses it. An install keeps a
 * copy in /var/sw/pkg unless `no-copy`, and removes the file it installed
 * from with `unlink`.
 */
import { platformOf } from '../src/engine/index.js';
import { requestPackageAddGrammar } from '../src/grammar/request-package-add.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { addLines, savedPackagePath } from '../src/packages/install.js';
import { expecting } from '../src/errors/catalogue.js';
import { absolutePath, installTarget, judge, packageReply } from './request-package-common.js';
import { packageFiles } from './request-package-files.js';
import type { RpcHandler } from './types.js';

/** Virtual time an install takes (unpacking, signature check, staging). */
export const INSTALL_MS = 3 * 60_000;
export const VALIDATE_MS = 60_000;

export const handler: RpcHandler = {
  name: 'request-package-add',
  grammar: requestPackageAddGrammar,
  async handle(op, ctx) {
    const opts = parseRpcOptions(requestPackageAddGrammar, op, platformOf(ctx.device.profile));
    const name = opts.get('package-name');
    if (typeof name !== 'string') throw expecting('package-name', 'request-package-add');
    const verdict = await judge(ctx, name);
    if (!verdict.ok) return packageReply(ctx, verdict.lines, verdict.result);
    const m = verdict.manifest;
    const o = { validate: !opts.has('no-validate'), noCopy: opts.has('no-copy'), reboot: opts.has('reboot') };
    if (o.validate) await ctx.device.clock.sleep(VALIDATE_MS);
    await ctx.device.clock.sleep(INSTALL_MS);
    const files = packageFiles(ctx);
    const path = absolutePath(ctx, name);
    const saved = savedPackagePath(path);
    if (!o.noCopy && saved !== path) {
      try {
        await files.copy(path, saved);
      } catch (err) {
        return packageReply(ctx, [`ERROR: Cannot save package file in ${saved}: ${err instanceof Error ? err.message : String(err)}`], 1);
      }
    }
    // A file removed meanwhile leaves nothing to unlink.
    if (opts.has('unlink') && saved !== path) await files.remove(path).catch(() => undefined);
    ctx.device.system.pending = { version: m.release, packageName: name };
    ctx.device.system.changed();
    const lines = addLines(name, m, installTarget(ctx), o);
    if (o.reboot) ctx.device.reboot();
    return packageReply(ctx, lines, 0);
  },
};
