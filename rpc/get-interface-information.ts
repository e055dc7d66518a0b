/**
 * <get-interface-information>: only the internal interface of the session's
 * RE exists here (it holds the IRI addresses PyEZ's `current_re` fact reads).
 * Other interfaces are not modelled. An unknown interface is answered as
 * Junos answers it: the error sits inside <interface-information>, not as a
 * NETCONF rpc-error, so clients do not raise (py-junos-eznc#900, PR #497).
 */
import { getInterfaceInformationGrammar } from '../src/grammar/facts-rpcs.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { replyBody } from '../src/render/reply.js';
import { el, junosNs, leaf } from '../src/render/tree.js';
import { localRoutingEngine } from '../src/system/identity.js';
import { iriInterface } from '../src/system/iri.js';
import { escapeText } from '../src/xml/escape.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'get-interface-information',
  grammar: getInterfaceInformationGrammar,
  handle(op, ctx) {
    const model = ctx.device.model;
    const opts = parseRpcOptions(getInterfaceInformationGrammar, op, model.dialect());
    const name = opts.get('interface-name');
    const re = localRoutingEngine(model, ctx.session.routingEngine);
    const ifl = iriInterface(model, re);
    const ifd = ifl.name.replace(/\.\d+$/, '');
    const style = opts.has('terse') ? 'terse' : opts.has('brief') ? 'brief' : 'normal';
    const attrs = [
      ['xmlns', junosNs(model.dataNamespaceRelease()).replace(/junos$/, 'junos-interface')],
      ['junos:style', style],
    ] as const;
    if (typeof name === 'string' && name !== ifd && name !== ifl.name) {
      const message = `device ${name} not found`;
      // The CLI text form has no rpc-error either: the text sits directly in the reply.
      if (ctx.format === 'text') return { kind: 'body', body: escapeText(`protocol: operation-failed\nerror: ${message}\n`) };
      const error = el('rpc-error', [
        leaf('error-type', 'protocol'),
        leaf('error-tag', 'operation-failed'),
        leaf('error-severity', 'error'),
        leaf('source-daemon', 'ifinfo'),
        leaf('error-message', message),
      ]);
      return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => el('interface-information', [error], attrs), () => '') };
    }
    // Junos pads interface values with newlines (`<name>\nem0\n</name>`); PyEZ normalizes them away.
    const v = (name: string, text: string, a?: ReadonlyArray<readonly [string, string]>) => leaf(name, `\n${text}\n`, a);
    const tree = el(
      'interface-information',
      [
        el('physical-interface', [
          v('name', ifd),
          v('admin-status', 'up'),
          v('oper-status', 'up'),
          el('logical-interface', [
            v('name', ifl.name),
            v('admin-status', 'up'),
            v('oper-status', 'up'),
            el('filter-information'),
            el('address-family', [
              v('address-family-name', 'inet'),
              ...ifl.addresses.map((a) => el('interface-address', [v('ifa-local', a, [['junos:emit', 'emit']])])),
            ]),
          ]),
        ]),
      ],
      attrs,
    );
    const text =
      `${'Interface'.padEnd(24)}Admin Link Proto    Local                 Remote\n` +
      `${ifd.padEnd(24)}up    up\n` +
      ifl.addresses.map((a, i) => `${(i === 0 ? ifl.name : '').padEnd(24)}${i === 0 ? 'up    up   inet     ' : '                    '}${a}\n`).join('');
    return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => tree, () => text) };
  },
};
