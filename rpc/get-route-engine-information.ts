/** <get-route-engine-information>: `show chassis routing-engine`. */
import { localReSlot, platformOf } from '../src/engine/index.js';
import { getRouteEngineInformationGrammar } from '../src/grammar/get-route-engine-information.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { replyBody } from '../src/render/reply.js';
import { routeEngines, routeEngineText, routeEngineTree } from '../src/system/route-engine.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'get-route-engine-information',
  grammar: getRouteEngineInformationGrammar,
  handle(op, ctx) {
    const opts = parseRpcOptions(getRouteEngineInformationGrammar, op, platformOf(ctx.device.profile));
    const slot = opts.get('slot');
    const localSlot = localReSlot(ctx.session.routingEngine);
    const r = routeEngines(ctx.device.model, ctx.device.system, ctx.device.name, localSlot, ctx.device.clock.now(), typeof slot === 'string' ? Number(slot) : undefined);
    return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => routeEngineTree(r, ctx.device.model.dataNamespaceRelease()), () => routeEngineText(r)) };
  },
};
