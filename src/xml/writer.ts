/**
 * The one place that formats XML markup. Every reply, hello, rpc-error and
 * configuration is written with these primitives, either through the XNode
 * tree (src/render/tree.ts toXml) or, where a writer must stay sliced
 * (the 16,000-line configuration of src/junos-config/render.ts), by calling
 * them piece by piece. Layout (newlines, indentation) is the caller's: the
 * primitives write markup only, so escaping and tag shape cannot drift apart.
 */
import { escapeAttr, escapeText } from './escape.js';

export { escapeAttr, escapeText };

/** Attributes in the order given: ` k="v"` each, values escaped. */
export type Attrs = ReadonlyArray<readonly [string, string]>;

export function attrsXml(attrs: Attrs | undefined): string {
  if (!attrs || attrs.length === 0) return '';
  let s = '';
  for (const [k, v] of attrs) s += ` ${k}="${escapeAttr(v)}"`;
  return s;
}

/** `<name a="v">` */
export function startTag(name: string, attrs?: Attrs): string {
  return `<${name}${attrsXml(attrs)}>`;
}

/** `</name>` */
export function endTag(name: string): string {
  return `</${name}>`;
}

/** `<name a="v"/>` */
export function emptyTag(name: string, attrs?: Attrs): string {
  return `<${name}${attrsXml(attrs)}/>`;
}

/** `<name a="v">text</name>`, the text escaped. */
export function leafXml(name: string, text: string, attrs?: Attrs): string {
  return `<${name}${attrsXml(attrs)}>${escapeText(text)}</${name}>`;
}

/** `<!-- text -->`; the text must not hold `--` (the callers' texts are fixed or user names). */
export function commentXml(text: string): string {
  return `<!-- ${text} -->`;
}

/** The NETCONF base namespace (RFC 6241), which every reply envelope declares. */
export const NETCONF_NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';
