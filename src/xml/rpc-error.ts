import { escapeText } from './escape.js';

export type ErrorSeverity = 'error' | 'warning';

/**
 * One `<rpc-error>` as Junos shapes it. Junos often omits error-type and
 * error-tag, so both are optional here.
 */
export interface RpcErrorInfo {
  type?: 'transport' | 'rpc' | 'protocol' | 'application';
  tag?: string;
  severity: ErrorSeverity;
  message: string;
  /** Children of `<error-info>`, in order, e.g. [['bad-element', 'get-test']]. */
  info?: Array<[string, string]>;
  path?: string;
}

/** Thrown by parsers and handlers; the session turns it into `<rpc-error>` elements. */
export class RpcError extends Error {
  readonly errors: RpcErrorInfo[];
  constructor(errors: RpcErrorInfo | RpcErrorInfo[]) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((e) => e.message).join('; '));
    this.errors = list;
  }
}

/** The error Junos gives for anything its schema does not know. */
export function syntaxError(badElement: string, message = 'syntax error'): RpcError {
  return new RpcError({
    type: 'protocol',
    tag: 'operation-failed',
    severity: 'error',
    message,
    info: [['bad-element', badElement]],
  });
}

export function permissionDenied(badElement: string): RpcError {
  return new RpcError({
    type: 'protocol',
    tag: 'operation-failed',
    severity: 'error',
    message: 'permission denied',
    info: [['bad-element', badElement]],
  });
}

/** A plain Junos error: severity and message only, as most daemons report. */
export function plainError(message: string, severity: ErrorSeverity = 'error'): RpcError {
  return new RpcError({ severity, message });
}

/**
 * Renders one rpc-error. `p` is the NETCONF prefix in use ('' or 'nc:'), since
 * rfc-compliant sessions qualify every NETCONF element.
 */
export function renderRpcError(e: RpcErrorInfo, p = ''): string {
  let s = `<${p}rpc-error>\n`;
  if (e.type) s += `<${p}error-type>${e.type}</${p}error-type>\n`;
  if (e.tag) s += `<${p}error-tag>${e.tag}</${p}error-tag>\n`;
  s += `<${p}error-severity>${e.severity}</${p}error-severity>\n`;
  if (e.path) s += `<${p}error-path>${escapeText(e.path)}</${p}error-path>\n`;
  s += `<${p}error-message>${escapeText(e.message)}</${p}error-message>\n`;
  if (e.info && e.info.length > 0) {
    s += `<${p}error-info>\n`;
    for (const [k, v] of e.info) s += `<${p}${k}>${escapeText(v)}</${p}${k}>\n`;
    s += `</${p}error-info>\n`;
  }
  s += `</${p}rpc-error>\n`;
  return s;
}
