/**
 * Acknowledged means durable: an RPC that changed the device's persisted
 * state (a commit, a snapshot, a package install...) is answered only once
 * that change is on disk. The dispatcher runs every handler through this, so
 * a new handler cannot forget it; an RPC that changed nothing answers at once.
 */
import type { DeviceRuntime } from '../device/runtime.js';
import { saveFailed } from '../errors/catalogue.js';
import type { RpcReply } from './types.js';


function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | undefined)?.then === 'function';
}

/**
 * Runs `handle` and answers after its changes are durable. A refusal that
 * came after a change (a snapshot failing part-way) still waits, so the
 * state the error describes is the state on disk; the refusal is what the
 * client hears. Synchronous when nothing changed, so reads cost no more.
 */
export function durably(device: DeviceRuntime, handle: () => Promise<RpcReply> | RpcReply): Promise<RpcReply> | RpcReply {
  const before = device.changeCount();
  let result: Promise<RpcReply> | RpcReply;
  try {
    result = handle();
  } catch (err) {
    if (device.changeCount() === before) throw err;
    return afterError(device, err);
  }
  // A read answered at once (the common case) costs no closure.
  if (!isPromise(result)) return device.changeCount() === before ? result : afterReply(device, result);
  return result.then(
    (reply) => (device.changeCount() === before ? reply : afterReply(device, reply)),
    (err: unknown) => (device.changeCount() === before ? Promise.reject(err) : afterError(device, err)),
  );
}

/** A reply after a change: once the change is on disk. */
function afterReply(device: DeviceRuntime, reply: RpcReply): Promise<RpcReply> {
  return device.persist().then(
    () => reply,
    (e: unknown) => Promise.reject(saveFailed(e)),
  );
}

/** A refusal after a change: once the change is on disk, or failed to get there. */
function afterError(device: DeviceRuntime, err: unknown): Promise<never> {
  return device.persist().then(
    () => Promise.reject(err),
    () => Promise.reject(err),
  );
}
