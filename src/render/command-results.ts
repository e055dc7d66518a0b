/**
 * What `<command>` answers besides the RPC it runs: `| display xml rpc`, and
 * the text-format wrappers. Markup from src/xml/writer.ts; the reply body of
 * the inner RPC is read back with the one parser (src/xml/parse.ts).
 */
import type { XmlElement } from '../xml/element.js';
import { parseXml } from '../xml/parse.js';
import { emptyTag, endTag, leafXml, startTag } from '../xml/writer.js';
import { configurationOutputXml } from './configuration-results.js';

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
 * the text of a `<configuration-text>` body moved there; any other body is returned
 * unchanged. (A parser normalises CR LF in the text, as the client's parser would.)
 */
export function asConfigurationOutput(body: string): string {
  if (!body.startsWith(startTag('configuration-text'))) return body;
  let root: XmlElement;
  try {
    root = parseXml(body, { maxDepth: 2 });
  } catch {
    return body;
  }
  if (root.name !== 'configuration-text' || root.children.length > 0) return body;
  return configurationOutputXml(root.text);
}
