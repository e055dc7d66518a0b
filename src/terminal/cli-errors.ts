/**
 * How the CLI shows what went wrong: a refused line as Junos does (a caret
 * under the word, then the message with a final period), rpc-errors as
 * `error: ...` / `warning: ...` lines, commit problems under their
 * hierarchy, and a login class's refusal as a command the class cannot see.
 */
import { MIRROR_REFUSAL } from '../engine/index.js';
import type { RpcErrorInfo } from '../xml/rpc-error.js';
import { listing } from './help.js';
import type { CliSyntaxError } from './walker.js';

/**
 * Errors Junos prints as the command's own output, without `error: `. The
 * spec's third sample shows the mirror refusal so; the engine's other
 * refusals print as errors, as the multi-RE text shows them.
 */
const BARE_MESSAGES: ReadonlySet<string> = new Set([MIRROR_REFUSAL]);

/** The caret line (under column `promptWidth + err.at`), the message, and for ambiguity the choices. */
export function caretText(promptWidth: number, err: CliSyntaxError): string {
  const message = err.message.endsWith('.') ? err.message : `${err.message}.`;
  const choices = err.candidates.length > 0 ? listing(err.candidates) : '';
  return `${' '.repeat(promptWidth + err.at)}^\n${message}\n${choices}`;
}

function oneError(e: RpcErrorInfo): string {
  if (e.severity === 'warning') return `warning: ${e.message}\n`;
  if (BARE_MESSAGES.has(e.message)) return `${e.message}\n`;
  const element = e.info?.find(([k]) => k === 'bad-element')?.[1];
  // A commit problem: the hierarchy, the statement, then why (Junos's commit check layout).
  if (e.path && element) return `${e.path}\n  '${element}'\n    ${e.message}\n`;
  // Junos wraps some messages in newlines in XML (`\nconfiguration check-out failed: ...\n`); its CLI prints them on one line.
  return `error: ${e.message.trim()}\n`;
}

export function errorText(errors: readonly RpcErrorInfo[]): string {
  return errors.map(oneError).join('');
}

export function hasError(errors: readonly RpcErrorInfo[]): boolean {
  return errors.some((e) => e.severity === 'error');
}

/** The dispatcher refused the command's RPC for the session's login class. */
export function isPermissionDenied(errors: readonly RpcErrorInfo[], rpc: string): boolean {
  return errors.length === 1 && errors[0]!.message === 'permission denied' && errors[0]!.info?.some(([k, v]) => k === 'bad-element' && v === rpc) === true;
}
