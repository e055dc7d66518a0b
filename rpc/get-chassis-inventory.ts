/** <get-chassis-inventory>: `show chassis hardware`. */
import { localReSlot, platformOf } from '../src/engine/index.js';
import { getChassisInventoryGrammar } from '../src/grammar/get-chassis-inventory.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { replyBody } from '../src/render/reply.js';
import { inventory, inventoryText, inventoryTree } from '../src/system/chassis.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'get-chassis-inventory',
  grammar: getChassisInventoryGrammar,
  handle(op, ctx) {
    parseRpcOptions(getChassisInventoryGrammar, op, platformOf(ctx.device.profile));
    const localSlot = localReSlot(ctx.session.routingEngine);
    const r = inventory(ctx.device.model, ctx.device.name, localSlot);
    return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => inventoryTree(r, ctx.device.model.dataNamespaceRelease()), () => inventoryText(r)) };
  },
};
