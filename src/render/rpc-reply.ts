/**
 * The `<rpc-reply>` envelope every RPC's answer goes out in, and the `<ok/>`
 * body. `echo` is the client's own `<rpc>` attributes, byte for byte as it
 * wrote them (src/xml/root-attributes.ts), so it is appended as written;
 * where it goes among the reply's own namespaces follows Junos (ReplyEcho).
 */
import type { RpcErrorInfo } from '../errors/rpc-error.js';
import { renderRpcError } from '../xml/rpc-error.js';
import { NETCONF_NS } from '../xml/writer.js';
import { attrsXml, emptyTag, endTag, startTag } from '../xml/writer.js';
import { junosNs } from './tree.js';

/** `<ok/>`, qualified with the session's NETCONF prefix ('' or 'nc:'). */
export function okXml(prefix: string): string {
  return emptyTag(`${prefix}ok`);
}

export interface ReplyContent {
  readonly errors: readonly RpcErrorInfo[];
  readonly body: string;
  /** The body is `<ok/>`, which an error of severity error replaces. */
  readonly okBody: boolean;
  /** The errors are written inside this element, as the body. */
  readonly errorsInside?: string;
}

/** The client's `<rpc>` attributes as the reply echoes them, and whether the reply must declare the NETCONF default namespace itself. */
export interface ReplyEcho {
  /** ` name="value"` pieces, in the client's order and quotes. */
  readonly attrs: string;
  /** The client did not declare it: the reply's own `xmlns` goes first, before `xmlns:junos`. */
  readonly ownDefault: boolean;
}

// `<rpc-reply` and its namespaces, per prefix, release and default-namespace case: written once, not per reply (every RPC passes here).
const openings = new Map<string, string>();

/** The last opening asked for: a device answers with the same one reply after reply, so no key is built for it. */
let last: { prefix: string; release: string; ownDefault: boolean; opening: string } | undefined;

function replyOpening(prefix: string, release: string, ownDefault: boolean): string {
  if (last !== undefined && last.release === release && last.prefix === prefix && last.ownDefault === ownDefault) return last.opening;
  const opening = keyedOpening(prefix, release, ownDefault);
  last = { prefix, release, ownDefault, opening };
  return opening;
}

function keyedOpening(prefix: string, release: string, ownDefault: boolean): string {
  const key = `${prefix} ${release} ${ownDefault}`;
  let o = openings.get(key);
  if (o === undefined) {
    const junos: [string, string] = ['xmlns:junos', junosNs(release)];
    // rfc-compliant: `xmlns:nc` is always Junos's own and first (18.3R3 capture).
    const attrs: Array<[string, string]> = prefix ? [[`xmlns:${prefix.slice(0, -1)}`, NETCONF_NS], junos] : ownDefault ? [['xmlns', NETCONF_NS], junos] : [junos];
    o = `<${prefix}rpc-reply${attrsXml(attrs)}`;
    if (openings.size < 256) openings.set(key, o);
  }
  return o;
}

/** rpc-errors first, then the body (ending in a newline); `prefix` 'nc:' for rfc-compliant sessions. */
export function rpcReplyXml(prefix: string, release: string, echo: ReplyEcho, r: ReplyContent): string {
  let s = `${replyOpening(prefix, release, echo.ownDefault)}${echo.attrs}>\n`;
  if (r.errorsInside !== undefined) {
    s += `${startTag(r.errorsInside)}\n`;
    for (const e of r.errors) s += renderRpcError(e, prefix);
    // What follows the errors inside the element comes as the body (a load's error count).
    return `${s}${r.body}${endTag(r.errorsInside)}\n${endTag(`${prefix}rpc-reply`)}`;
  }
  for (const e of r.errors) s += renderRpcError(e, prefix);
  // A reply that carries errors of severity error has no <ok/>.
  const hasError = r.errors.some((e) => e.severity === 'error');
  if (r.body !== '' && !(r.okBody && hasError)) s += r.body.endsWith('\n') ? r.body : `${r.body}\n`;
  s += endTag(`${prefix}rpc-reply`);
  return s;
}
