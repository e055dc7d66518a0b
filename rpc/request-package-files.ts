/**
 * What the package RPCs need of a device's file tree: a file's bytes, a copy
 * and a removal, by absolute path. Kept to these three so the package logic
 * does not depend on how the tree is stored.
 *
 * INTERIM: until the device file tree lands, files live in a per-device map
 * that tests fill with placePackageFile().
 */
import type { DeviceRuntime } from '../src/device/runtime.js';
import type { RpcContext } from './types.js';

export interface PackageFiles {
  /** The bytes of a regular file, or undefined where there is none. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Copies a file (rejects with the tree's error, e.g. a full medium). */
  copy(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

const interim = new WeakMap<object, Map<string, Uint8Array>>();

function mapOf(device: DeviceRuntime): Map<string, Uint8Array> {
  let m = interim.get(device);
  if (!m) interim.set(device, (m = new Map()));
  return m;
}

export function placePackageFile(device: DeviceRuntime, path: string, bytes: Uint8Array): void {
  mapOf(device).set(path, bytes);
}

export function packageFileExists(device: DeviceRuntime, path: string): boolean {
  return mapOf(device).has(path);
}

export function packageFiles(ctx: RpcContext): PackageFiles {
  const m = mapOf(ctx.device);
  return {
    read: (path) => Promise.resolve(m.get(path)),
    copy: (from, to) => {
      const b = m.get(from);
      if (b) m.set(to, b);
      return Promise.resolve();
    },
    remove: (path) => {
      m.delete(path);
      return Promise.resolve();
    },
  };
}
