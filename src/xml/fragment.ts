/**
 * A reply body (what goes inside `<rpc-reply>`: zero or more elements) read
 * back with the one parser, src/xml/parse.ts. Code that needs a value out of
 * a rendered body (the CLI turning replies into text) reads it here instead
 * of matching the text with a pattern of its own.
 */
import type { XmlElement } from './element.js';
import { parseXml } from './parse.js';
import { attrsXml, endTag, type Attrs } from './writer.js';

/**
 * The body's elements as children of an `<rpc-reply>`, or undefined when the
 * body is not well-formed. `declare` adds namespace declarations to that
 * envelope (`xmlns:junos` for bodies with `junos:` attributes).
 */
export function parseFragment(body: string, o: { readonly maxDepth?: number; readonly declare?: Attrs } = {}): XmlElement | undefined {
  try {
    return parseXml(`<rpc-reply${attrsXml(o.declare)}>${body}${endTag('rpc-reply')}`, { maxDepth: o.maxDepth ?? 256 });
  } catch {
    return undefined;
  }
}

/** Depth-first: the text of the first element named `name`, if any. */
export function findText(root: XmlElement, name: string): string | undefined {
  if (root.name === name) return root.text;
  for (const c of root.children) {
    const t = findText(c, name);
    if (t !== undefined) return t;
  }
  return undefined;
}
