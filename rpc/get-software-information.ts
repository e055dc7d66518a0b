/** <get-software-information>: `show version [invoke-on all-routing-engines|other-routing-engine]`. */
import { platformOf, routingEngineReachable, unreachableMessage, type RoutingEngineState } from '../src/engine/index.js';
import { getSoftwareInformationGrammar } from '../src/grammar/get-software-information.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { replyBody } from '../src/render/reply.js';
import { allRoutingEngines, localRoutingEngine } from '../src/system/identity.js';
import { softwareTarget, softwareText, softwareTree } from '../src/system/software.js';
import type { RpcHandler } from './types.js';
import { unreachableInfo } from '../src/errors/catalogue.js';

export const handler: RpcHandler = {
  name: 'get-software-information',
  grammar: getSoftwareInformationGrammar,
  handle(op, ctx) {
    const model = ctx.device.model;
    const opts = parseRpcOptions(getSoftwareInformationGrammar, op, platformOf(ctx.device.profile));
    const local = localRoutingEngine(model, ctx.session.routingEngine);
    const invoke = opts.get('invoke-on');
    let res: RoutingEngineState[] = [local];
    if (invoke === 'all-routing-engines') res = allRoutingEngines(model);
    else if (invoke === 'other-routing-engine') res = model.routingEngines().filter((r) => r.chassis === local.chassis && r !== local);
    const multi = invoke !== undefined;
    const reachable = res.filter((r) => routingEngineReachable(model, r.name, r.chassis));
    const unreachable = res.filter((r) => !routingEngineReachable(model, r.name, r.chassis)).map((r) => r.name);
    const result = { multi, targets: reachable.map((r) => softwareTarget(model, r, ctx.device.hostnameOn(r.name))), unreachable };
    const body =
      result.targets.length === 0 && multi
        ? ''
        : replyBody(ctx.format, ctx.minified, () => softwareTree(result), () => softwareText(result));
    if (unreachable.length === 0) return { kind: 'body', body };
    // Junos answers with what it could gather, preceded by an error per unreachable RE.
    const errors = unreachable.map((n) => unreachableInfo(unreachableMessage(n)));
    return { kind: 'partial', body, errors };
  },
};
