/**
 * The file RPCs that change or digest the tree: file-copy, file-rename,
 * file-delete, file-archive, the three checksums, directory usage and
 * storage cleanup. Success of copy/rename/delete/archive is an empty reply
 * (PyEZ's FS.rm/mv/tgz test `rsp is True`); a failure of rename and delete
 * is an `<output>` line, as the shell commands behind them print it.
 */
import { createHash } from 'node:crypto';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import {
  fileArchiveGrammar,
  fileCopyGrammar,
  fileDeleteGrammar,
  fileRenameGrammar,
  getChecksumGrammar,
  getDirectoryUsageGrammar,
  getSha1ChecksumGrammar,
  getSha256ChecksumGrammar,
  requestStorageCleanupGrammar,
} from '../src/grammar/file-rpcs.js';
import type { RpcGrammar } from '../src/grammar/types.js';
import { FileError } from '../src/files/device-files.js';
import { archive, cleanupCandidates, directoryUsage } from '../src/files/operations.js';
import { checksumText, checksumTree, cleanupText, cleanupTree, directoryUsageText, directoryUsageTree } from '../src/render/files.js';
import { outputXml } from '../src/render/operation-results.js';
import { replyBody } from '../src/render/reply.js';
import { plainError } from '../src/xml/rpc-error.js';
import { fileScope, required } from './file-common.js';
import type { RpcHandler, RpcReply } from './types.js';

const EMPTY: RpcReply = { kind: 'body', body: '' };
const output = (text: string): RpcReply => ({ kind: 'body', body: outputXml(text) });

/** Local paths only: URLs (`ftp://`, `scp://`) would reach the network. */
function local(raw: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || /^[^/\s]+@[^:\s]+:/.test(raw)) {
    throw plainError(`file copy: ${raw}: remote URLs are not supported by the emulator`);
  }
  return raw;
}

export const fileCopy: RpcHandler = {
  name: 'file-copy',
  grammar: fileCopyGrammar,
  async handle(op, ctx) {
    const o = parseRpcOptions(fileCopyGrammar, op, ctx.device.model.dialect());
    const s = fileScope(ctx);
    const from = s.path(local(required(o.get('source'), 'source')));
    const to = s.path(local(required(o.get('destination'), 'destination')));
    try {
      await s.files.copy(s.re, from, to, s.user);
    } catch (e) {
      if (e instanceof FileError) throw plainError(e.code === 'ENOENT' && e.path === from ? `could not resolve file: ${from}` : `error writing ${e.path}: ${e.reason}`);
      throw e;
    }
    return EMPTY;
  },
};

export const fileRename: RpcHandler = {
  name: 'file-rename',
  grammar: fileRenameGrammar,
  handle(op, ctx) {
    const o = parseRpcOptions(fileRenameGrammar, op, ctx.device.model.dialect());
    const s = fileScope(ctx);
    const from = s.path(required(o.get('source'), 'source'));
    const to = s.path(required(o.get('destination'), 'destination'));
    try {
      s.files.rename(s.re, from, to, s.user);
    } catch (e) {
      if (e instanceof FileError) return output(`mv: rename ${from} to ${to}: ${e.reason}`);
      throw e;
    }
    return EMPTY;
  },
};

export const fileDelete: RpcHandler = {
  name: 'file-delete',
  grammar: fileDeleteGrammar,
  handle(op, ctx) {
    const o = parseRpcOptions(fileDeleteGrammar, op, ctx.device.model.dialect());
    const s = fileScope(ctx);
    const path = s.path(required(o.get('path'), 'path'));
    try {
      s.files.remove(s.re, path, s.user, { recursive: o.has('recurse') });
    } catch (e) {
      if (e instanceof FileError) return output(`rm: ${path}: ${e.reason}`);
      throw e;
    }
    return EMPTY;
  },
};

export const fileArchive: RpcHandler = {
  name: 'file-archive',
  grammar: fileArchiveGrammar,
  async handle(op, ctx) {
    const o = parseRpcOptions(fileArchiveGrammar, op, ctx.device.model.dialect());
    const s = fileScope(ctx);
    const from = s.path(required(o.get('source'), 'source'));
    const to = s.path(required(o.get('destination'), 'destination'));
    if (!s.files.stat(s.re, from)) return output(`tar: ${from}: No such file or directory`);
    try {
      await s.files.write(s.re, to, await archive(s.files, s.re, from, o.has('compress')), s.user);
    } catch (e) {
      if (e instanceof FileError) return output(`tar: ${to}: ${e.reason}`);
      throw e;
    }
    return EMPTY;
  },
};

function checksumHandler(grammar: RpcGrammar, algorithm: string, method: string): RpcHandler {
  return {
    name: grammar.rpc,
    grammar,
    async handle(op, ctx) {
      const o = parseRpcOptions(grammar, op, ctx.device.model.dialect());
      const s = fileScope(ctx);
      const raw = required(o.get('path'), 'path');
      const path = s.path(raw);
      const st = s.files.stat(s.re, path);
      if (!st || st.kind === 'dir') throw plainError(`${raw}: ${st ? 'Is a directory' : 'No such file or directory'}`);
      try {
        s.files.checkRead(s.re, path, s.user);
      } catch (e) {
        if (e instanceof FileError) throw plainError(`${raw}: ${e.reason}`);
        throw e;
      }
      const sum = createHash(algorithm).update(await s.files.read(s.re, path)).digest('hex');
      return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => checksumTree(method, path, sum), () => checksumText(method, path, sum)) };
    },
  };
}

export const getChecksum = checksumHandler(getChecksumGrammar, 'md5', 'MD5');
export const getSha1Checksum = checksumHandler(getSha1ChecksumGrammar, 'sha1', 'SHA1');
export const getSha256Checksum = checksumHandler(getSha256ChecksumGrammar, 'sha256', 'SHA256');

export const getDirectoryUsage: RpcHandler = {
  name: 'get-directory-usage-information',
  grammar: getDirectoryUsageGrammar,
  handle(op, ctx) {
    const o = parseRpcOptions(getDirectoryUsageGrammar, op, ctx.device.model.dialect());
    const s = fileScope(ctx);
    const raw = o.get('path');
    const path = s.path(typeof raw === 'string' ? raw : '.');
    const depth = Number(o.get('depth') ?? 0);
    if (!s.files.stat(s.re, path)) throw plainError(`du: ${path}: No such file or directory`);
    const u = directoryUsage(s.files, s.re, path, depth);
    return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => directoryUsageTree(u), () => directoryUsageText(u)) };
  },
};

export const requestStorageCleanup: RpcHandler = {
  name: 'request-system-storage-cleanup',
  grammar: requestStorageCleanupGrammar,
  handle(op, ctx) {
    const o = parseRpcOptions(requestStorageCleanupGrammar, op, ctx.device.model.dialect());
    const s = fileScope(ctx);
    const dryRun = o.has('dry-run');
    const files = cleanupCandidates(s.files, s.re);
    // Cleanup runs as root: it removes what the user could not.
    if (!dryRun) for (const f of files) s.files.remove(s.re, f.path, 'root');
    return { kind: 'body', body: replyBody(ctx.format, ctx.minified, () => cleanupTree(files), () => cleanupText(files, dryRun)) };
  },
};

export const FILE_HANDLERS: readonly RpcHandler[] = [
  fileCopy,
  fileRename,
  fileDelete,
  fileArchive,
  getChecksum,
  getSha1Checksum,
  getSha256Checksum,
  getDirectoryUsage,
  requestStorageCleanup,
];
