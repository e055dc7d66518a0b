import { endTag, leafXml, startTag } from './writer.js';

// The error model and its catalogue live in src/errors; this module writes them as XML.
export { RpcError, type ErrorSeverity, type RpcErrorInfo } from '../errors/rpc-error.js';
export { permissionDenied, plainError, syntaxError } from '../errors/catalogue.js';
import type { RpcErrorInfo } from '../errors/rpc-error.js';

/**
 * Renders one rpc-error. `p` is the NETCONF prefix in use ('' or 'nc:'), since
 * rfc-compliant sessions qualify every NETCONF element.
 */
export function renderRpcError(e: RpcErrorInfo, p = ''): string {
  const line = (name: string, text: string): string => `${leafXml(p + name, text)}\n`;
  let s = `${startTag(`${p}rpc-error`)}\n`;
  if (e.type) s += line('error-type', e.type);
  if (e.tag) s += line('error-tag', e.tag);
  s += line('error-severity', e.severity);
  if (e.path) s += line('error-path', e.path);
  s += line('error-message', e.message);
  if (e.info && e.info.length > 0) {
    s += `${startTag(`${p}error-info`)}\n`;
    for (const [k, v] of e.info) s += line(k, v);
    s += `${endTag(`${p}error-info`)}\n`;
  }
  s += `${endTag(`${p}rpc-error`)}\n`;
  return s;
}
