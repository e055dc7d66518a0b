/**
 * Where Junos puts a warning that accompanies a successful operation: beside
 * an `<ok/>` (`<rpc-error>…warning…</rpc-error><ok/>`), or as the first
 * children of the operation's result element
 * (`<load-configuration-results><rpc-error>…</rpc-error><ok/>…`).
 */
import type { Outcome } from '../dispatch/dispatcher.js';
import { parseFragment } from '../xml/fragment.js';
import { renderRpcError, type RpcErrorInfo } from '../xml/rpc-error.js';
import { emptyTag, endTag, startTag } from '../xml/writer.js';

/** Any URI serves to declare the `junos:` prefix of a body read back (the parser only checks it is declared). */
const JUNOS_ANY_NS = 'http://xml.juniper.net/junos/*/junos';

/**
 * The body's first element, read with the one parser: its start tag as the
 * writer writes it (bodies come from src/xml/writer.ts, so the tag is found
 * byte for byte at the body's start), its end, and whether it is empty.
 * Undefined for a body without elements (JSON) or one written otherwise.
 */
function firstStartTag(body: string): { end: number; selfClosing: boolean; name: string } | undefined {
  const first = parseFragment(body, { declare: [['xmlns:junos', JUNOS_ANY_NS]] })?.children[0];
  if (!first) return undefined;
  const name = first.prefix ? `${first.prefix}:${first.name}` : first.name;
  const attrs = Object.entries(first.attrs);
  const selfClosing = first.children.length === 0 && first.text === '';
  const tag = selfClosing ? emptyTag(name, attrs) : startTag(name, attrs);
  const at = body.indexOf(tag);
  if (at < 0 || body.slice(0, at).trim() !== '') return undefined;
  return { end: at + tag.length, selfClosing, name };
}

export function withWarnings(outcome: Outcome, warnings: readonly RpcErrorInfo[], prefix: string): Outcome {
  const failed = outcome.errors.some((e) => e.severity === 'error');
  const tag = outcome.okBody || failed || outcome.body === '' ? undefined : firstStartTag(outcome.body);
  if (!tag) return { ...outcome, errors: [...warnings, ...outcome.errors] };
  const rendered = warnings.map((w) => renderRpcError(w, prefix)).join('');
  const b = outcome.body;
  const body = tag.selfClosing
    ? `${b.slice(0, tag.end - 2).trimEnd()}>\n${rendered}${endTag(tag.name)}${b.slice(tag.end)}`
    : `${b.slice(0, tag.end)}\n${rendered}${b.slice(tag.end).replace(/^\n/, '')}`;
  return { ...outcome, body };
}
