/**
 * <request-package-rollback>: a pending install is withdrawn; with none, the
 * release that ran before the last upgrade becomes the one for the next boot.
 * Each answer carries its `package-result` (0 done, 1 refused); a virtual
 * chassis or cluster answers per member (PyEZ's request-package-rollback
 * fixture).
 */
import { platformOf } from '../src/engine/index.js';
import { requestPackageRollbackGrammar } from '../src/grammar/request-package-rollback.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import type { RpcHandler } from './types.js';
import { outputXml, packageRollbackXml } from '../src/render/operation-results.js';

export const handler: RpcHandler = {
  name: 'request-package-rollback',
  grammar: requestPackageRollbackGrammar,
  handle(op, ctx) {
    parseRpcOptions(requestPackageRollbackGrammar, op, platformOf(ctx.device.profile));
    const sys = ctx.device.system;
    const running = ctx.device.model.settings.softwareVersion;
    let text: string;
    let result = 0;
    if (sys.pending) {
      text = `Deleting pending install of ${sys.pending.version}\n${running} remains the software after the next reboot\n`;
      sys.pending = null;
      sys.changed();
    } else if (sys.rollbackVersion && sys.rollbackVersion !== running) {
      sys.pending = { version: sys.rollbackVersion, packageName: `rollback:${sys.rollbackVersion}` };
      sys.changed();
      text = `Restoring ${sys.rollbackVersion}\nNOTICE: ${sys.rollbackVersion} will be activated at next reboot...\n`;
    } else {
      text = 'Cannot rollback, no previous software set is available\n';
      result = 1;
    }
    if (ctx.format === 'text') return { kind: 'body', body: outputXml(text) };
    const topology = ctx.device.model.spec.topology;
    const perMember = topology === 'virtual-chassis' || topology === 'cluster';
    return { kind: 'body', body: packageRollbackXml(text, result, perMember ? ctx.device.model.routingEngines().map((re) => re.name) : undefined) };
  },
};
