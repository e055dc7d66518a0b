/**
 * The engine's and the datastore's refusals, as the rpc-errors Junos sends
 * for them. The dispatcher asks this once for every failure, so no handler
 * wraps its own calls, and "internal error" only ever means a bug.
 */
import { CommitRefused } from '../junos-config/store.js';
import { EditConflict } from '../junos-config/tree.js';
import { ClockShutdownError, SnapshotRefusal } from '../engine/index.js';
import { RpcError, type RpcErrorInfo } from './rpc-error.js';

/** The last error of a commit refused for missing mandatory statements only, with Junos's newlines. */
export const CHECK_OUT_FAILED_MANDATORY = '\nconfiguration check-out failed: (missing mandatory statements)\n';

export function domainError(e: unknown): RpcError | undefined {
  if (e instanceof SnapshotRefusal) {
    const first: RpcErrorInfo = e.badElement
      ? { type: 'protocol', tag: 'operation-failed', severity: 'error', message: e.message, info: [['bad-element', e.badElement]] }
      : { severity: 'error', message: e.message };
    return new RpcError([first, ...e.more.map((m): RpcErrorInfo => ({ severity: 'error', message: m }))]);
  }
  if (e instanceof ClockShutdownError) {
    return new RpcError({ severity: 'error', message: 'snapshot interrupted: the emulator is shutting down' });
  }
  if (e instanceof CommitRefused) {
    // Missing mandatory statements are application/invalid-value, and the last line says why (Juniper/go-netconf's 15.1F4 reply).
    const list: RpcErrorInfo[] = e.problems.map((p) => ({
      type: p.missingMandatory ? 'application' : 'protocol',
      tag: p.missingMandatory ? 'invalid-value' : 'operation-failed',
      severity: 'error',
      path: p.path,
      message: p.message,
      info: [['bad-element', p.element]],
    }));
    const onlyMandatory = e.problems.length > 0 && e.problems.every((p) => p.missingMandatory);
    list.push({ type: 'protocol', tag: 'operation-failed', severity: 'error', message: onlyMandatory ? CHECK_OUT_FAILED_MANDATORY : 'configuration check-out failed' });
    return new RpcError(list);
  }
  if (e instanceof EditConflict) {
    // RFC 6241: operation="create" on a statement that exists is data-exists.
    return new RpcError({ type: 'application', tag: e.tag, severity: 'error', message: e.message, path: e.path, info: [['bad-element', e.badElement]] });
  }
  return undefined;
}
