/**
 * Acknowledged means durable: an RPC that changed the device's persisted
 * state (a commit, a snapshot, a package install...) answers only once that
 * change is on disk. The registry wraps every handler in `savedReplies`, so
 * a new handler cannot forget it; a handler may also call `saved` itself.
 */
import type { DeviceRuntime } from '../src/device/runtime.js';
import { RpcError } from '../src/xml/rpc-error.js';
import type { RpcContext, RpcHandler, RpcReply } from './types.js';

/** The rpc-error a failed write becomes (Junos has no message for this; the emulator's wording). */
export function saveFailed(err: unknown): RpcError {
  const reason = err instanceof Error ? err.message : String(err);
  return new RpcError({ type: 'application', tag: 'operation-failed', severity: 'error', message: `could not save the device state: ${reason}` });
}

/** Waits until every change made so far is on disk; a failed write becomes an rpc-error. */
export async function saved(device: DeviceRuntime): Promise<void> {
  try {
    await device.persist();
  } catch (e) {
    throw saveFailed(e);
  }
}

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | undefined)?.then === 'function';
}

/**
 * The handler, answering after its changes are durable. An RPC that changed
 * nothing answers at once (and synchronously if the handler did), so reads
 * and runs without a state directory cost no more than before.
 */
export function savedReplies(h: RpcHandler): RpcHandler {
  const handle = (op: Parameters<RpcHandler['handle']>[0], ctx: RpcContext): Promise<RpcReply> | RpcReply => {
    const before = ctx.device.changeCount();
    const changed = (): boolean => ctx.device.changeCount() !== before;
    const afterReply = (reply: RpcReply): Promise<RpcReply> | RpcReply => (changed() ? saved(ctx.device).then(() => reply) : reply);
    // A refusal that came after a change (a snapshot failing part-way) still waits, so the
    // state the error describes is the state on disk; the refusal is what the client hears.
    const afterError = (err: unknown): Promise<never> => {
      if (!changed()) return Promise.reject(err);
      return ctx.device.persist().then(
        () => Promise.reject(err),
        () => Promise.reject(err),
      );
    };
    let result: Promise<RpcReply> | RpcReply;
    try {
      result = h.handle(op, ctx);
    } catch (err) {
      if (!changed()) throw err;
      return afterError(err);
    }
    return isPromise(result) ? result.then(afterReply, afterError) : afterReply(result);
  };
  return { ...h, handle };
}
