/**
 * Where Junos puts a warning that accompanies a successful operation: beside
 * an `<ok/>` (`<rpc-error>…warning…</rpc-error><ok/>`), or as the first
 * children of the operation's result element
 * (`<load-configuration-results><rpc-error>…</rpc-error><ok/>…`).
 */
import type { Outcome } from '../dispatch/dispatcher.js';
import { renderRpcError, type RpcErrorInfo } from '../xml/rpc-error.js';

/** Index just past the first start tag's `>`, and whether it closes itself; quotes may hold `>`. */
function firstStartTag(xml: string): { end: number; selfClosing: boolean; name: string } | undefined {
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return undefined;
    const next = xml[i + 1];
    if (next !== '?' && next !== '!' && next !== '/') break;
    i++;
  }
  const name = /^<([^\s/>]+)/.exec(xml.slice(i))?.[1] ?? '';
  let quote = '';
  for (let j = i + 1; j < xml.length; j++) {
    const c = xml[j]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return { end: j + 1, selfClosing: xml[j - 1] === '/', name };
  }
  return undefined;
}

export function withWarnings(outcome: Outcome, warnings: readonly RpcErrorInfo[], prefix: string): Outcome {
  const failed = outcome.errors.some((e) => e.severity === 'error');
  const tag = outcome.okBody || failed || outcome.body === '' ? undefined : firstStartTag(outcome.body);
  if (!tag) return { ...outcome, errors: [...warnings, ...outcome.errors] };
  const rendered = warnings.map((w) => renderRpcError(w, prefix)).join('');
  const b = outcome.body;
  const body = tag.selfClosing
    ? `${b.slice(0, tag.end - 2).trimEnd()}>\n${rendered}</${tag.name}>${b.slice(tag.end)}`
    : `${b.slice(0, tag.end)}\n${rendered}${b.slice(tag.end).replace(/^\n/, '')}`;
  return { ...outcome, body };
}
