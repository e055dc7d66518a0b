/**
 * Namespace well-formedness (Namespaces in XML 1.0), as libxml2 enforces it:
 * every prefix used is declared, declarations are legal, and no element has
 * one namespaced attribute twice. Names stay as written in the parse tree;
 * this only checks them.
 */
import { isNameStartAt } from './chars.js';
import { isUriReference } from './uri.js';
import { XmlParseError } from './parse-error.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** libxml2 keeps a namespace name's `&` as `&#38;` and checks that text, so `#` starts a fragment there. */
function isNamespaceName(value: string): boolean {
  return isUriReference(value.includes('&') ? value.replace(/&/g, '&#38;') : value);
}

/** A QName has at most one colon, with a name on each side of it; `colon` is its first colon or -1. */
export function isQName(qname: string, colon: number): boolean {
  return colon < 0 || (colon > 0 && colon < qname.length - 1 && qname.indexOf(':', colon + 1) < 0 && isNameStartAt(qname, colon + 1));
}

export function checkQName(qname: string, colon: number): void {
  if (!isQName(qname, colon)) throw new XmlParseError(`${qname} is not a qualified name`);
}

/**
 * Prefix bindings in scope, one stack per prefix. Empty (and allocation-free)
 * for the many messages that declare no prefix.
 */
export class NamespaceScope {
  private bindings: Map<string, string[]> | undefined;
  /** The prefixes each declaring element bound, with its depth, innermost last. */
  private readonly opened: Array<{ depth: number; prefixes: string[] }> = [];

  /** Checks one `xmlns` / `xmlns:p` attribute; returns the prefix it binds ('' for the default), or undefined. */
  static declared(qname: string, value: string): string | undefined {
    if (qname === 'xmlns') {
      if (value === XML_NS) throw new XmlParseError('the xml namespace cannot be the default namespace');
      if (value === XMLNS_NS) throw new XmlParseError('the xmlns namespace cannot be declared');
      if (value !== '' && !isNamespaceName(value)) throw new XmlParseError('xmlns is not a URI reference');
      return '';
    }
    if (!qname.startsWith('xmlns:')) return undefined;
    const prefix = qname.slice(6);
    if (prefix === 'xmlns') throw new XmlParseError('the xmlns prefix cannot be declared');
    if (value === '') throw new XmlParseError(`${qname} binds a prefix to no namespace`);
    if (prefix === 'xml') {
      if (value !== XML_NS) throw new XmlParseError('the xml prefix cannot be rebound');
      return undefined;
    }
    if (value === XML_NS) throw new XmlParseError('the xml namespace belongs to the xml prefix');
    if (value === XMLNS_NS) throw new XmlParseError('the xmlns namespace cannot be declared');
    if (!isNamespaceName(value)) throw new XmlParseError(`${qname} is not a URI reference`);
    return prefix;
  }

  /** The element opened at `depth` (1 for the root) binds these prefixes. Elements that bind none are never told. */
  open(prefixes: Array<[string, string]>, depth: number): void {
    const names: string[] = [];
    const bindings = (this.bindings ??= new Map());
    for (const [p, uri] of prefixes) {
      let stack = bindings.get(p);
      if (!stack) bindings.set(p, (stack = []));
      stack.push(uri);
      names.push(p);
    }
    this.opened.push({ depth, prefixes: names });
  }

  /** The element at `depth` ends: its bindings go out of scope. */
  close(depth: number): void {
    const n = this.opened.length;
    if (n === 0) return;
    const top = this.opened[n - 1]!;
    if (top.depth !== depth) return;
    this.opened.pop();
    for (const p of top.prefixes) this.bindings!.get(p)!.pop();
  }

  /** The namespace of a prefix in scope, or undefined. */
  uri(prefix: string): string | undefined {
    if (prefix === 'xml') return XML_NS;
    const stack = this.bindings?.get(prefix);
    return stack && stack.length > 0 ? stack[stack.length - 1] : undefined;
  }
}
