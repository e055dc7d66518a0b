/** <file-list>: directory listings; `~` is the user's home (PyEZ's HOME fact). The emulated disks hold no user files. */
import { platformOf } from '../src/engine/index.js';
import { fileListGrammar } from '../src/grammar/facts-rpcs.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import type { RpcHandler } from './types.js';
import { directoryListXml, outputXml } from '../src/render/operation-results.js';

export const handler: RpcHandler = {
  name: 'file-list',
  grammar: fileListGrammar,
  handle(op, ctx) {
    const opts = parseRpcOptions(fileListGrammar, op, platformOf(ctx.device.profile));
    const home = ctx.session.user === 'root' ? '/root/' : `/var/home/${ctx.session.user}/`;
    const raw = opts.get('path');
    let dir = typeof raw === 'string' ? raw : '.';
    if (dir === '~' || dir === '.' || dir === '~/') dir = home;
    else if (dir.startsWith('~/')) dir = home + dir.slice(2);
    if (!dir.endsWith('/')) dir += '/';
    if (ctx.format === 'text') return { kind: 'body', body: outputXml(`${dir}:\ntotal 0\n`, { newline: false }) };
    const seconds = Math.floor(ctx.device.clock.now() / 1000);
    return { kind: 'body', body: directoryListXml(dir, seconds) };
  },
};
