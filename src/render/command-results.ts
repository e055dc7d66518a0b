/**
 * What `<command>` answers besides the RPC it runs: `| display xml rpc`, and
 * the text-format wrappers. Markup from src/xml/writer.ts.
 */
import type { XmlElement } from '../xml/element.js';
import { emptyTag, endTag, leafXml, startTag } from '../xml/writer.js';

function rpcElementXml(e: XmlElement): string {
  const attrs = Object.entries(e.attrs);
  if (e.children.length === 0 && e.text === '') return `${emptyTag(e.name, attrs)}\n`;
  if (e.children.length === 0) return `${leafXml(e.name, e.text, attrs)}\n`;
  return `${startTag(e.name, attrs)}\n${e.children.map(rpcElementXml).join('')}${endTag(e.name)}\n`;
}

/** `| display xml rpc`: the RPC the CLI words map to, inside `<rpc>`, one element per line. */
export function displayRpcXml(op: XmlElement): string {
  return `${startTag('rpc')}\n${rpcElementXml(op)}${endTag('rpc')}\n`;
}

/**
 * `show configuration` as text is `<configuration-information><configuration-output>`:
 * the (already escaped) text of a `<configuration-text>` body, as
 * src/junos-config/render.ts wrote it, moved there; any other body is returned
 * unchanged. Matched by the writer's own tags at both ends rather than parsed:
 * parsing a 16,000-line text back costs 8 ms, the ends cost nothing.
 */
export function asConfigurationOutput(body: string): string {
  const open = `${startTag('configuration-text')}\n`;
  const close = `${endTag('configuration-text')}\n`;
  if (!body.startsWith(open) || !body.endsWith(close) || body.length < open.length + close.length) return body;
  const inner = body.slice(open.length - 1, body.length - close.length);
  return `${startTag('configuration-information')}\n${startTag('configuration-output')}${inner}${endTag('configuration-output')}\n${endTag('configuration-information')}\n`;
}
