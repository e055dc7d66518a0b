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
  const changed = (): boolean => device.changeCount() !== before;
  const afterReply = (reply: RpcReply): Promise<RpcReply> | RpcReply =>
    changed()
      ? device.persist().then(
          () => reply,
          (e: unknown) => Promise.reject(saveFailed(e)),
        )
      : reply;
  const afterError = (err: unknown): Promise<never> => {
    if (!changed()) return Promise.reject(err);
    return device.persist().then(
      () => Promise.reject(err),
      () => Promise.reject(err),
    );
  };
  let result: Promise<RpcReply> | RpcReply;
  try {
    result = handle();
  } catch (err) {
    if (!changed()) throw err;
    return afterError(err);
  }
  return isPromise(result) ? result.then(afterReply, afterError) : afterReply(result);
}
