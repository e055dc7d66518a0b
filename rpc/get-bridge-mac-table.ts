/** <get-bridge-mac-table>: MX bridge domains; no MAC addresses are learned on an emulated box. */
import { platformOf } from '../src/engine/index.js';
import { getBridgeMacTableGrammar } from '../src/grammar/get-bridge-mac-table.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { replyBody } from '../src/render/reply.js';
import { el, junosNs, leaf } from '../src/render/tree.js';
import { syntaxError } from '../src/xml/rpc-error.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'get-bridge-mac-table',
  grammar: getBridgeMacTableGrammar,
  handle(op, ctx) {
    const platform = platformOf(ctx.device.profile);
    if (!getBridgeMacTableGrammar.platforms!.includes(platform)) throw syntaxError(op.name);
    const opts = parseRpcOptions(getBridgeMacTableGrammar, op, platform);
    const ns = [['xmlns', junosNs(ctx.device.model.dataNamespaceRelease()).replace(/junos$/, 'junos-l2al')] as const];
    const tree = opts.has('count')
      ? el('l2ald-rtb-mac-count', [el('l2ald-mac-count-entry', [leaf('l2-bridge-instance-name', 'default-switch'), leaf('mac-count-global', '0')])], ns)
      : el('l2ald-rtb-macdb', [], ns);
    const text = opts.has('count') ? '0 MAC address learned in routing instance default-switch\n' : '';
    return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => tree, () => text) };
  },
};
