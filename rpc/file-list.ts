/** <file-list>: `file list [detail] PATH`; `~` is the user's home (PyEZ's HOME fact). A missing path answers an `<output>` inside the list, as PyEZ's FS.ls expects. */
import { fileListGrammar } from '../src/grammar/facts-rpcs.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { directoryListText, directoryListTree, type DirectoryListing } from '../src/render/files.js';
import { replyBody } from '../src/render/reply.js';
import { fileScope } from './file-common.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'file-list',
  grammar: fileListGrammar,
  handle(op, ctx) {
    const opts = parseRpcOptions(fileListGrammar, op, ctx.device.model.dialect());
    const scope = fileScope(ctx);
    const raw = opts.get('path');
    const given = typeof raw === 'string' ? raw : '.';
    const path = scope.path(given);
    const st = scope.files.stat(scope.re, path);
    const shown = path === '/' ? '/' : `${path}/`;
    const listing: DirectoryListing = !st
      ? { kind: 'missing', path: given }
      : st.kind === 'dir'
        ? { kind: 'dir', path: shown, entries: scope.files.list(scope.re, path) }
        : { kind: 'file', path, stat: st };
    const detail = opts.has('detail');
    const seconds = Math.floor(ctx.device.clock.now() / 1000);
    return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => directoryListTree(listing, detail, seconds), () => directoryListText(listing, detail)) };
  },
};
