import { escapeText } from './escape.js';

// The error model and its catalogue live in src/errors; this module writes them as XML.
export { RpcError, type ErrorSeverity, type RpcErrorInfo } from '../errors/rpc-error.js';
export { permissionDenied, plainError, syntaxError } from '../errors/catalogue.js';
import type { RpcErrorInfo } from '../errors/rpc-error.js';

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
