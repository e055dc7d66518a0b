/**
 * Every rpc-error the emulator sends, by name. Handlers, parsers and the
 * session throw these; nobody writes an error literal of their own, so the
 * wording and the tag/type of each Junos message live in one place.
 */
import { RpcError, type RpcErrorInfo } from './rpc-error.js';

const protocolFailed = (message: string, badElement?: string): RpcErrorInfo => ({
  type: 'protocol',
  tag: 'operation-failed',
  severity: 'error',
  message,
  ...(badElement !== undefined ? { info: [['bad-element', badElement]] as Array<[string, string]> } : {}),
});

/** Junos's answer to anything its schema does not know (`bad-element` names it). */
export function syntaxError(badElement: string, message = 'syntax error'): RpcError {
  return new RpcError(protocolFailed(message, badElement));
}

/** `syntax error, expecting <what>`, as Junos words a missing or misplaced element. */
export function expecting(what: string, badElement: string): RpcError {
  return syntaxError(badElement, `syntax error, expecting <${what}>`);
}

/** An option value Junos refuses (`invalid value for format`, `invalid rollback number`). */
export function invalidValue(badElement: string, what: string): RpcError {
  return syntaxError(badElement, `invalid value for ${what}`);
}

/** PyEZ turns exactly this message into PermissionError. */
export function permissionDenied(badElement: string): RpcError {
  return new RpcError(protocolFailed('permission denied', badElement));
}

/** A plain Junos error: severity and message only, as most daemons report. */
export function plainError(message: string): RpcError {
  return new RpcError({ severity: 'error', message });
}

export function warning(message: string, badElement?: string): RpcErrorInfo {
  return { ...protocolFailed(message, badElement), severity: 'warning' };
}

/** Not XML at all (RFC 6241 malformed-message); the session goes on. */
export function malformedMessage(detail: string): RpcError {
  return new RpcError({ type: 'rpc', tag: 'malformed-message', severity: 'error', message: `XML parse error: ${detail}` });
}

export function missingMessageId(): RpcError {
  return new RpcError({
    type: 'rpc',
    tag: 'missing-attribute',
    severity: 'error',
    message: 'missing attribute message-id',
    info: [
      ['bad-attribute', 'message-id'],
      ['bad-element', 'rpc'],
    ],
  });
}

/** RFC 6241 missing-element (`<kill-session>` without `<session-id>`). */
export function missingElement(name: string, message = `missing element: ${name}`): RpcError {
  return new RpcError({ type: 'protocol', tag: 'missing-element', severity: 'error', message, info: [['bad-element', name]] });
}

/** RFC 6241 invalid-value for an element's content (a session-id that is not a number). */
export function invalidElementValue(name: string, message: string): RpcError {
  return new RpcError({ type: 'protocol', tag: 'invalid-value', severity: 'error', message, info: [['bad-element', name]] });
}

/** RFC 6241 data-exists: `operation="create"` on a statement that is there. */
export function dataExists(path: string): RpcError {
  return new RpcError({ type: 'application', tag: 'data-exists', severity: 'error', message: 'statement already exists', path });
}

/** RFC 6241 data-missing: `operation="delete"` of a statement that is not there. */
export function dataMissing(path: string): RpcError {
  return new RpcError({ type: 'application', tag: 'data-missing', severity: 'error', message: 'statement not found', path });
}

export function operationNotSupported(message: string): RpcError {
  return new RpcError({ type: 'protocol', tag: 'operation-not-supported', severity: 'error', message });
}

/** Lock refused: Junos names the holder the way `show system users` would. */
export function lockDenied(message: string, holderSessionId?: number): RpcError {
  return new RpcError({
    type: 'protocol',
    tag: 'lock-denied',
    severity: 'error',
    message,
    ...(holderSessionId !== undefined ? { info: [['session-id', String(holderSessionId)]] as Array<[string, string]> } : {}),
  });
}

/** A bug, never a refusal: the details go to the log, the client gets this. */
export function internalError(): RpcError {
  return new RpcError({ type: 'application', tag: 'operation-failed', severity: 'error', message: 'internal error' });
}
