/**
 * `<set-cli-working-directory>` (`set cli directory PATH`) and
 * `<get-current-working-directory>` (`show cli directory`, what PyEZ's
 * FS.pwd and the HOME fact send as `<command>`). Both answer
 * `<cli><working-directory>PATH</working-directory></cli>` (the YANG's
 * `anyxml cli`); PyEZ reads `working-directory` under that element.
 * A path that is missing or not a directory is refused and the directory
 * stays as it was (docs/files.md: the wording is a choice).
 */
import { parentOf } from '../src/engine/file-table.js';
import { DeviceFiles } from '../src/files/device-files.js';
import { getCurrentWorkingDirectoryGrammar, setCliWorkingDirectoryGrammar } from '../src/grammar/cli-directory.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { replyBody } from '../src/render/reply.js';
import { el, leaf } from '../src/render/tree.js';
import { plainError } from '../src/xml/rpc-error.js';
import { fileScope, required } from './file-common.js';
import type { RpcContext, RpcHandler, RpcReply } from './types.js';

function answer(ctx: RpcContext, dir: string): RpcReply {
  return {
    kind: 'body',
    body: replyBody(ctx.format, ctx.minified, () => el('cli', [leaf('working-directory', dir)]), () => `Current directory: ${dir}\n`),
  };
}

export const setCliWorkingDirectory: RpcHandler = {
  name: 'set-cli-working-directory',
  grammar: setCliWorkingDirectoryGrammar,
  handle(op, ctx) {
    const opts = parseRpcOptions(setCliWorkingDirectoryGrammar, op, ctx.device.model.dialect());
    const scope = fileScope(ctx);
    let dir = scope.path(required(opts.get('directory'), 'directory'));
    let st = scope.files.stat(scope.re, dir);
    // chdir follows symbolic links and getcwd names the directory they lead to.
    for (let hops = 0; st?.kind === 'link' && st.target !== undefined && hops < 8; hops++) {
      dir = DeviceFiles.normalize(st.target, parentOf(dir), scope.user);
      st = scope.files.stat(scope.re, dir);
    }
    if (!st) throw plainError('Invalid directory: No such file or directory');
    if (st.kind !== 'dir') throw plainError('Invalid directory: Not a directory');
    ctx.session.workingDirectory = dir;
    return answer(ctx, dir);
  },
};

export const getCurrentWorkingDirectory: RpcHandler = {
  name: 'get-current-working-directory',
  grammar: getCurrentWorkingDirectoryGrammar,
  handle(op, ctx) {
    parseRpcOptions(getCurrentWorkingDirectoryGrammar, op, ctx.device.model.dialect());
    return answer(ctx, fileScope(ctx).cwd);
  },
};

export const CLI_DIRECTORY_HANDLERS: readonly RpcHandler[] = [setCliWorkingDirectory, getCurrentWorkingDirectory];
