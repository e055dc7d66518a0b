/**
 * Maps engine refusals to the rpc-errors Junos sends. Shared by the snapshot,
 * snapshot-information and storage handlers.
 */
import { ClockShutdownError, SnapshotRefusal } from '../src/engine/index.js';
import { RpcError } from '../src/xml/rpc-error.js';
import type { RpcErrorInfo } from '../src/xml/rpc-error.js';

export function toRpcError(e: unknown): unknown {
  if (e instanceof SnapshotRefusal) {
    const first: RpcErrorInfo = e.badElement
      ? { type: 'protocol', tag: 'operation-failed', severity: 'error', message: e.message, info: [['bad-element', e.badElement]] }
      : { severity: 'error', message: e.message };
    return new RpcError([first, ...e.more.map((m): RpcErrorInfo => ({ severity: 'error', message: m }))]);
  }
  if (e instanceof ClockShutdownError) {
    return new RpcError({ severity: 'error', message: 'snapshot interrupted: the emulator is shutting down' });
  }
  return e;
}

/** Runs `f`, rethrowing engine refusals as RpcError. */
export async function engineCall<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toRpcError(e);
  }
}
