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

/** The CLI word matches several commands (`show sys` on a box with `system` and `sysinfo`). */
export function ambiguousWord(word: string, hits: readonly string[]): RpcError {
  return syntaxError(word, `syntax error, '${word}' is ambiguous: ${[...hits].sort().join(', ')}`);
}

export function unterminatedQuote(): RpcError {
  return new RpcError({ type: 'protocol', tag: 'operation-failed', severity: 'error', message: 'syntax error: unterminated quoted string' });
}

/** `<lock>` while another session holds it: Junos names the holder as `show system users` would. */
export function databaseLockedBy(user: string, sessionId: number, since: string): RpcError {
  return lockDenied(`configuration database locked by:\n  ${user} terminal pts/0 (pid ${sessionId}) on since ${since}\n      exclusive [edit]`, sessionId);
}

/** `<unlock>` of a lock this session does not hold. */
export function notLockHolder(holderSessionId: number | undefined): RpcError {
  return new RpcError({
    type: 'protocol',
    tag: 'operation-failed',
    severity: 'error',
    message: holderSessionId !== undefined ? `configuration database locked by another session (session-id ${holderSessionId})` : 'configuration database is not locked',
    ...(holderSessionId !== undefined ? { info: [['session-id', String(holderSessionId)]] as Array<[string, string]> } : {}),
  });
}

/** A write to the shared candidate while another session holds its exclusive lock. */
export function candidateLocked(holderSessionId: number): RpcError {
  return lockDenied(`configuration database locked by another session (session-id ${holderSessionId})`, holderSessionId);
}

/** `<get-schema>` for a module or version the device does not have (RFC 6022). */
export function schemaValueInvalid(message: string, badElement: string): RpcError {
  return new RpcError({ type: 'application', tag: 'invalid-value', severity: 'error', message, info: [['bad-element', badElement]] });
}

/** A required wrapper element is missing (`<target>` of `<lock>`): RFC 6241 missing-element with Junos's wording. */
export function missingWrapper(wrapper: string, rpc: string): RpcError {
  return missingElement(rpc, `syntax error, expecting <${wrapper}>`);
}

/** The state could not be written, so the change is not acknowledged (the emulator's wording: Junos has none). */
export function saveFailed(err: unknown): RpcError {
  const reason = err instanceof Error ? err.message : String(err);
  return new RpcError({ type: 'application', tag: 'operation-failed', severity: 'error', message: `could not save the device state: ${reason}` });
}

/** A configuration change the login class may not make: Junos names the hierarchy and the statement. */
export function permissionDeniedAt(changes: ReadonlyArray<{ readonly path: string; readonly element: string }>): RpcError {
  return new RpcError(
    changes.map((c) => ({ type: 'protocol' as const, tag: 'operation-failed' as const, severity: 'error' as const, path: c.path, message: 'permission denied', info: [['bad-element', c.element]] as Array<[string, string]> })),
  );
}

/** An option's value is not a number where the grammar wants one. */
export function notANumber(leaf: string, value: string): RpcError {
  return syntaxError(leaf, `invalid value '${value}' for ${leaf}: expected a number`);
}

/** Junos's range message: `Value 70000 is not within range (1..65535)`. */
export function outOfRange(leaf: string, value: string | number, min: number, max: number): RpcError {
  return syntaxError(leaf, `Value ${value} is not within range (${min}..${max})`);
}

/** An option that needs a value was given none (`missing argument for media <type>`). */
export function missingArgument(leaf: string, valueName?: string): RpcError {
  return syntaxError(leaf, `missing argument for ${leaf}${valueName ? ` <${valueName}>` : ''}`);
}

/** Two options of one choice (`routing-engine` and `re0`). */
export function conflictingOptions(leaf: string, other: string): RpcError {
  return syntaxError(leaf, `syntax error: '${leaf}' conflicts with '${other}'`);
}

/** A configuration load error at a statement: Junos's error-path and bad-element. */
export function configurationError(message: string, badElement: string, path?: string): RpcError {
  return new RpcError({ type: 'protocol', tag: 'operation-failed', severity: 'error', ...(path ? { path } : {}), message, info: [['bad-element', badElement]] });
}

/** Several refusals reported together (every bad statement of one load). */
export function allOf(errors: readonly RpcError[]): RpcError {
  return new RpcError(errors.flatMap((e) => e.errors));
}

/** A NETCONF operation Junos allows on the candidate only (`<edit-config>` on running). */
export function candidateOnly(op: string): RpcError {
  return new RpcError({ type: 'protocol', tag: 'operation-not-supported', severity: 'error', message: `${op} is supported on the candidate configuration only`, info: [['bad-element', op]] });
}

/** Locking or opening privately a candidate that holds uncommitted changes. */
export function databaseModified(badElement: string): RpcError {
  return new RpcError({ type: 'protocol', tag: 'lock-denied', severity: 'error', message: 'configuration database modified', info: [['bad-element', badElement]] });
}

/**
 * `configure private` while the shared candidate holds uncommitted changes:
 * Junos refuses it (the CLI prints `error: shared configuration database
 * modified` and stays in operational mode; docs/command-and-configuration.md).
 */
export function sharedDatabaseModified(): RpcError {
  return new RpcError({ type: 'protocol', tag: 'operation-failed', severity: 'error', message: 'shared configuration database modified', info: [['bad-element', 'private']] });
}

/**
 * The warning Junos answers a successful `<open-configuration><private/>`
 * with: the reply holds only this rpc-error, no `<ok/>` (PyEZ's Config and
 * scripts built on ncclient check for exactly this message).
 */
export function privateDiscardWarning(): RpcErrorInfo {
  return { severity: 'warning', message: 'uncommitted changes will be discarded on exit' };
}

/** `configure private` while another session holds the exclusive lock. */
export function privateRefused(): RpcError {
  return new RpcError({ type: 'protocol', tag: 'lock-denied', severity: 'error', message: 'configuration database locked by another session', info: [['bad-element', 'private']] });
}

/** A plain error entry for a reply that carries data too (one target of a multi-RE command failed). */
export function plainErrorInfo(message: string): RpcErrorInfo {
  return { severity: 'error', message };
}

/** An RE that does not answer a multi-RE command: Junos's top-level rpc-error beside the others' results. */
export function unreachableInfo(message: string): RpcErrorInfo {
  return protocolFailed(message);
}
