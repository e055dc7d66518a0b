/**
 * From a dispatcher reply body to what the CLI prints: the CLI text a handler
 * put in `<output>` (or the configuration text), JSON as is, and for
 * `| display xml` the reply as Junos's CLI shows it (`<rpc-reply>`, four-space
 * indentation, the `<cli><banner>` trailer).
 */
import type { XmlElement } from '../xml/element.js';
import type { Schema, SchemaNode } from '../junos-config/schema/model.js';
import { XNM_NS, junosNs } from '../render/tree.js';
import { emptyTag, endTag, escapeText, leafXml, startTag } from '../xml/writer.js';
import { parseFragment } from '../xml/fragment.js';

/** Bodies carry `junos:` attributes (a configuration's commit stamps) without declaring the prefix: the reply root does. */
const JUNOS_PREFIX: [string, string] = ['xmlns:junos', 'http://xml.juniper.net/junos/*/junos'];

function fragment(body: string): XmlElement | undefined {
  return parseFragment(body, { maxDepth: 256, declare: [JUNOS_PREFIX] });
}

const CONFIGURATION_XNM = `<configuration xmlns="${XNM_NS}"`;

const TEXT_ELEMENTS = new Set(['output', 'configuration-text', 'configuration-output', 'configuration-set']);

/** The CLI text of a body: its text elements in order, or its bare text (JSON). */
export function bodyText(body: string): string {
  const root = fragment(body);
  if (!root) return body;
  if (root.children.length === 0) return root.text.trim() === '' ? '' : `${root.text.trim()}\n`;
  let out = '';
  const walk = (e: XmlElement): void => {
    if (TEXT_ELEMENTS.has(e.name) && e.children.length === 0) {
      const t = e.text.replace(/^\n/, '');
      out += t === '' || t.endsWith('\n') ? t : `${t}\n`;
      return;
    }
    e.children.forEach(walk);
  };
  root.children.forEach(walk);
  return out;
}

function qname(e: XmlElement): string {
  return e.prefix ? `${e.prefix}:${e.name}` : e.name;
}

/**
 * One element per line, four spaces per level; leaves keep their text on the
 * line. A `<configuration>`'s statements sit two levels deeper than the
 * element itself: every CLI capture of `show configuration | display xml`
 * (16.1I0, 21.4R0, 25.4R1) has `<configuration>` at 4 spaces and its first
 * statements at 12.
 */
export function prettyXml(e: XmlElement, depth: number, openEmpty = false, schema?: SchemaNode): string {
  const pad = '    '.repeat(depth);
  const n = qname(e);
  const attrs = Object.entries(e.attrs);
  if (e.children.length === 0) {
    // An empty container (`family inet;`) is an open and a close tag on lines of their own, an empty leaf `<error/>` (21.4R0, 16.1I0 captures).
    const open = openEmpty || (schema !== undefined && (schema.kind === 'container' || schema.kind === 'list'));
    if (e.text === '') return open ? `${pad}${startTag(n, attrs)}\n${pad}${endTag(n)}\n` : `${pad}${emptyTag(n, attrs)}\n`;
    return `${pad}${leafXml(n, e.text, attrs)}\n`;
  }
  const inner = n === 'configuration' ? depth + 2 : depth + 1;
  return `${pad}${startTag(n, attrs)}\n${e.children.map((c) => prettyXml(c, inner, false, schema?.child(c.name))).join('')}${pad}${endTag(n)}\n`;
}

function envelope(release: string, inner: string, banner: string): string {
  return (
    `${startTag('rpc-reply', [['xmlns:junos', junosNs(release)]])}\n` +
    inner +
    `    ${startTag('cli')}\n        ${leafXml('banner', banner)}\n    ${endTag('cli')}\n${endTag('rpc-reply')}\n`
  );
}

/** `| display xml`: the body, and errors as Junos's CLI shows them (`xnm:error`, the message on a line of its own). */
export function displayXml(body: string, errors: readonly string[], release: string, banner: string, schema?: Schema): string {
  // The CLI shows a configuration without the xnm namespace a NETCONF reply declares (`show configuration | display xml`, 8.3R4 to 25.4R1).
  if (body.startsWith(CONFIGURATION_XNM)) body = `<configuration${body.slice(CONFIGURATION_XNM.length)}`;
  const root = fragment(body);
  let inner = '';
  if (root) inner = root.children.map((c) => prettyXml(c, 1, false, c.name === 'configuration' ? schema?.root : undefined)).join('');
  else if (body.trim() !== '') inner = `    ${body.trim()}\n`;
  for (const m of errors) {
    inner +=
      `    ${startTag('xnm:error', [['xmlns', XNM_NS], ['xmlns:xnm', XNM_NS]])}\n` +
      `        ${startTag('message')}\n        ${escapeText(m)}\n        ${endTag('message')}\n    ${endTag('xnm:error')}\n`;
  }
  return envelope(release, inner, banner);
}

/** `| display xml rpc`: the RPC the command runs, inside `<rpc>`. */
export function displayRpc(op: XmlElement, release: string, banner: string): string {
  return envelope(release, `    ${startTag('rpc')}\n${prettyXml(op, 2, true)}    ${endTag('rpc')}\n`, banner);
}
