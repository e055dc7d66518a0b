/** <file-show>: the few files automation reads (/etc/hosts.junos, /etc/resolv.conf). */
import { interpret } from '../src/junos-config/effects.js';
import { platformOf } from '../src/engine/index.js';
import { fileShowGrammar } from '../src/grammar/facts-rpcs.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { hostsJunos } from '../src/system/iri.js';
import { plainError } from '../src/xml/rpc-error.js';
import type { RpcContext, RpcHandler } from './types.js';
import { fileContentXml, outputXml } from '../src/render/operation-results.js';

function content(path: string, ctx: RpcContext): string | undefined {
  switch (path) {
    case '/etc/hosts.junos':
      return hostsJunos(ctx.device.model);
    case '/etc/resolv.conf':
    case '/var/etc/resolv.conf': {
      const domain = interpret(ctx.device.configuration.committed()).domainName;
      return `${domain ? `domain ${domain}\n` : ''}nameserver 127.0.0.1\n`;
    }
    default:
      return undefined;
  }
}

export const handler: RpcHandler = {
  name: 'file-show',
  grammar: fileShowGrammar,
  handle(op, ctx) {
    const opts = parseRpcOptions(fileShowGrammar, op, platformOf(ctx.device.profile));
    const path = opts.get('filename');
    if (typeof path !== 'string') throw plainError('syntax error, expecting <filename>');
    const text = content(path, ctx);
    if (text === undefined) throw plainError(`could not resolve file: ${path}`);
    if (ctx.format === 'text') return { kind: 'body', body: outputXml(text, { newline: false }) };
    return {
      kind: 'body',
      // junos:seconds is the file's modification time: these files are written at boot.
      body: fileContentXml(path, Math.floor(ctx.device.system.bootedAt / 1000), text),
    };
  },
};
