/**
 * What the package RPCs need of a device's file tree (src/files): a file's
 * bytes, a copy and a removal, by absolute path, on the RE the session is
 * logged in to. Reading checks the user may read the package; the installer
 * itself writes and removes as root, as on a real box.
 */
import { dirname } from 'node:path';
import { FileError } from '../src/files/device-files.js';
import type { RpcContext } from './types.js';

export interface PackageFiles {
  /** The bytes of a regular file, or undefined where there is none. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Copies a file, making the target's directory (rejects with the tree's error, e.g. a full medium). */
  copy(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

/** The RE whose tree the session sees. */
export function sessionRe(ctx: RpcContext): string {
  const name = ctx.session.routingEngine;
  return ctx.device.model.routingEngine(name) ? name : ctx.device.model.routingEngines()[0]!.name;
}

export function packageFiles(ctx: RpcContext): PackageFiles {
  const files = ctx.device.files;
  const re = sessionRe(ctx);
  return {
    async read(path) {
      const st = files.stat(re, path);
      if (!st || st.kind === 'dir') return undefined;
      try {
        files.checkRead(re, path, ctx.session.user);
        return await files.read(re, path);
      } catch (err) {
        if (err instanceof FileError) return undefined;
        throw err;
      }
    },
    async copy(from, to) {
      files.mkdir(re, dirname(to), 'root', { parents: true });
      await files.copy(re, from, to, 'root');
    },
    async remove(path) {
      files.remove(re, path, 'root');
    },
  };
}
