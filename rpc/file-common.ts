/** What every file RPC needs: the session's RE, a path as Junos reads it, and errors as Junos words them. */
import { DeviceFiles, FileError, homeOf } from '../src/files/device-files.js';
import { plainError, type RpcError } from '../src/xml/rpc-error.js';
import type { RpcContext } from './types.js';

export interface FileScope {
  readonly files: DeviceFiles;
  readonly re: string;
  readonly user: string;
  /** The session's CLI working directory (the user's home until `set cli directory`). */
  readonly cwd: string;
  /** An absolute path: `~` is the user's home, relative paths start at the working directory. */
  path(raw: string): string;
}

export function fileScope(ctx: RpcContext): FileScope {
  const files = ctx.device.files;
  const re = ctx.session.routingEngine;
  const user = ctx.session.user;
  files.ensureHome(re, user);
  const cwd = ctx.session.workingDirectory ?? homeOf(user);
  return { files, re, user, cwd, path: (raw) => DeviceFiles.normalize(raw, cwd, user) };
}

/** A FileError as the rpc-error Junos sends (`error: ...` text in the CLI). */
export function fileRpcError(e: unknown): RpcError | unknown {
  if (e instanceof FileError) return plainError(e.message);
  return e;
}

export function required(v: string | true | undefined, what: string): string {
  if (typeof v !== 'string') throw plainError(`syntax error, expecting <${what}>`);
  return v;
}
