/**
 * <get-ethernet-switching-table-information>: the ELS (L2NG) MAC table of an
 * EX4300 or a branch SRX; nothing is learned on an emulated box. The root
 * element `l2ng-l2ald-rtb-macdb` is what PyEZ's switch_style fact reads
 * (VLAN_L2NG); its children are chosen.
 */
import { getEthernetSwitchingTableGrammar } from '../src/grammar/get-ethernet-switching-table-information.js';
import { parseRpcOptions, rpcExistsOn } from '../src/grammar/parse-rpc.js';
import { replyBody } from '../src/render/reply.js';
import { el, leaf } from '../src/render/tree.js';
import { syntaxError } from '../src/xml/rpc-error.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'get-ethernet-switching-table-information',
  permission: 'view',
  handle(op, ctx) {
    const dialect = ctx.device.model.dialect();
    if (!rpcExistsOn(getEthernetSwitchingTableGrammar, dialect)) throw syntaxError(op.name);
    parseRpcOptions(getEthernetSwitchingTableGrammar, op, dialect);
    const tree = el('l2ng-l2ald-rtb-macdb', [
      el('l2ng-l2ald-mac-entry-vlan', [leaf('mac-count-global', '0'), leaf('learnt-mac-count', '0')], [['junos:style', 'summary']]),
    ]);
    const text = 'MAC database for routing instance : default-switch\n\nTotal MAC addresses: 0\n';
    return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => tree, () => text) };
  },
};
