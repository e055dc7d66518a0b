/**
 * <get-interface-information>: only the management and internal interfaces of
 * the session's RE exist here (em0.0 holds the IRI addresses PyEZ's
 * `current_re` fact reads). Other interfaces are not modelled.
 */
import { platformOf } from '../src/engine/index.js';
import { getInterfaceInformationGrammar } from '../src/grammar/facts-rpcs.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { replyBody } from '../src/render/reply.js';
import { el, junosNs, leaf } from '../src/render/tree.js';
import { localRoutingEngine } from '../src/system/identity.js';
import { iriAddresses } from '../src/system/iri.js';
import { plainError } from '../src/xml/rpc-error.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'get-interface-information',
  grammar: getInterfaceInformationGrammar,
  handle(op, ctx) {
    const opts = parseRpcOptions(getInterfaceInformationGrammar, op, platformOf(ctx.device.profile));
    const name = opts.get('interface-name');
    const re = localRoutingEngine(ctx.device.model, ctx.session.routingEngine);
    const addrs = ['10.0.0.' + (re.slot === 're1' ? '5' : '4') + '/8', ...iriAddresses(re)];
    const ifl = { name: 'em0.0', addrs };
    if (typeof name === 'string' && name !== 'em0' && name !== 'em0.0') throw plainError(`device ${name} not found`);
    const style = opts.has('terse') ? 'terse' : opts.has('brief') ? 'brief' : 'normal';
    const tree = el(
      'interface-information',
      [
        el('physical-interface', [
          leaf('name', 'em0'),
          leaf('admin-status', 'up'),
          leaf('oper-status', 'up'),
          el('logical-interface', [
            leaf('name', ifl.name),
            leaf('admin-status', 'up'),
            leaf('oper-status', 'up'),
            el('address-family', [leaf('address-family-name', 'inet'), ...ifl.addrs.map((a) => el('interface-address', [leaf('ifa-local', a)]))]),
          ]),
        ]),
      ],
      [
        ['xmlns', junosNs(ctx.device.release()).replace(/junos$/, 'junos-interface')],
        ['junos:style', style],
      ],
    );
    const text =
      `${'Interface'.padEnd(24)}Admin Link Proto    Local                 Remote\n` +
      `${'em0'.padEnd(24)}up    up\n` +
      ifl.addrs.map((a, i) => `${(i === 0 ? ifl.name : '').padEnd(24)}${i === 0 ? 'up    up   inet     ' : '                    '}${a}\n`).join('');
    return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => tree, () => text) };
  },
};
