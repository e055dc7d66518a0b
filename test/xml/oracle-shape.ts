/**
 * The emulator's parse tree in the shape the lxml oracle answers with, so the
 * two can be compared with one deep equality: names resolved to `{uri}local`,
 * namespace declarations as the map in scope, attributes in document order.
 */
import type { XmlElement } from '../../src/xml/element.js';
import type { OracleTree } from '../support/lxml-oracle.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function expand(qname: string, scope: ReadonlyMap<string, string>, isElement: boolean): string {
  const colon = qname.indexOf(':');
  if (colon < 0) {
    const uri = isElement ? scope.get('') : undefined;
    return uri ? `{${uri}}${qname}` : qname;
  }
  const prefix = qname.slice(0, colon);
  const uri = prefix === 'xml' ? XML_NS : scope.get(prefix);
  return `{${uri ?? '?undeclared?'}}${qname.slice(colon + 1)}`;
}

export function oracleShape(el: XmlElement, parentScope: ReadonlyMap<string, string> = new Map()): OracleTree {
  const scope = new Map(parentScope);
  for (const [q, v] of Object.entries(el.attrs)) {
    if (q === 'xmlns') scope.set('', v);
    else if (q.startsWith('xmlns:')) scope.set(q.slice(6), v);
  }
  const attrs: Array<[string, string]> = [];
  for (const [q, v] of Object.entries(el.attrs)) {
    if (q === 'xmlns' || q.startsWith('xmlns:')) continue;
    attrs.push([expand(q, scope, false), v]);
  }
  return {
    tag: expand(el.prefix ? `${el.prefix}:${el.name}` : el.name, scope, true),
    prefix: el.prefix,
    nsmap: [...scope.entries()].filter(([p]) => p !== 'xml').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    attrs,
    text: el.text,
    children: el.children.map((c) => oracleShape(c, scope)),
  };
}
