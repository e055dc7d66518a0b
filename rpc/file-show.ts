/**
 * <file-show>: a file of the tree (a `.gz` is shown uncompressed, as the
 * CLI does; `encoding base64` gives the raw bytes), else the few files
 * Junos generates that automation reads (/etc/hosts.junos, /etc/resolv.conf).
 */
import { gunzipSync } from 'node:zlib';
import { interpret } from '../src/junos-config/effects.js';
import { fileShowGrammar } from '../src/grammar/facts-rpcs.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { hostsJunos } from '../src/system/iri.js';
import { plainError } from '../src/xml/rpc-error.js';
import type { RpcContext, RpcHandler } from './types.js';
import { fileContentXml, outputXml } from '../src/render/operation-results.js';
import { fileScope } from './file-common.js';
import { FileError } from '../src/files/device-files.js';

function generated(path: string, ctx: RpcContext): string | undefined {
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
  async handle(op, ctx) {
    const opts = parseRpcOptions(fileShowGrammar, op, ctx.device.model.dialect());
    const raw = opts.get('filename');
    if (typeof raw !== 'string') throw plainError('syntax error, expecting <filename>');
    const scope = fileScope(ctx);
    const path = scope.path(raw);
    const st = scope.files.stat(scope.re, path);
    let text: string;
    let seconds: number;
    let encoding = 'text';
    if (st) {
      if (st.kind === 'dir') throw plainError(`could not resolve file: ${raw}`);
      try {
        scope.files.checkRead(scope.re, path, scope.user);
      } catch (e) {
        if (e instanceof FileError) throw plainError(`could not open file: ${raw}: ${e.reason}`);
        throw e;
      }
      const bytes = await scope.files.read(scope.re, path);
      seconds = Math.floor(st.mtime / 1000);
      if (opts.get('encoding') === 'base64') {
        text = `${bytes.toString('base64')}\n`;
        encoding = 'base64';
      } else if (path.endsWith('.gz') && bytes[0] === 0x1f && bytes[1] === 0x8b) {
        text = gunzipSync(bytes).toString('utf8');
      } else {
        text = bytes.toString('utf8');
      }
    } else {
      const g = generated(path, ctx);
      if (g === undefined) throw plainError(`could not resolve file: ${raw}`);
      text = g;
      // junos:seconds is the file's modification time: these files are written at boot.
      seconds = Math.floor(ctx.device.system.bootedAt / 1000);
    }
    if (ctx.format === 'text') return { kind: 'body', body: outputXml(text, { newline: false }) };
    return { kind: 'body', body: fileContentXml(raw, seconds, text, encoding) };
  },
};
