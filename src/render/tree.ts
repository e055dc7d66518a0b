/**
 * A tiny element tree that both the XML and the Junos-JSON writers read, so
 * the two structured formats always carry the same content.
 */
import { escapeAttr, escapeText } from '../xml/escape.js';

export interface XNode {
  readonly name: string;
  readonly attrs?: ReadonlyArray<readonly [string, string]>;
  readonly children?: readonly XNode[];
  /** Character data of a leaf element. */
  readonly text?: string;
}

export function el(name: string, children: readonly XNode[] = [], attrs?: ReadonlyArray<readonly [string, string]>): XNode {
  return attrs ? { name, children, attrs } : { name, children };
}

export function leaf(name: string, text: string, attrs?: ReadonlyArray<readonly [string, string]>): XNode {
  return attrs ? { name, text, attrs } : { name, text };
}

export function junosNs(release: string): string {
  return `http://xml.juniper.net/junos/${release}/junos`;
}

export const XNM_NS = 'http://xml.juniper.net/xnm/1.1/xnm';

/** A per-target error inside a multi-routing-engine-item, as Junos writes it. */
export function xnmError(message: string): XNode {
  return el('xnm:error', [leaf('message', message)], [
    ['xmlns', XNM_NS],
    ['xmlns:xnm', XNM_NS],
  ]);
}

/** Junos style: one element per line, no indentation; minified drops the newlines. */
export function toXml(node: XNode, minified = false): string {
  const nl = minified ? '' : '\n';
  const attrs = (node.attrs ?? []).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (node.text !== undefined) return `<${node.name}${attrs}>${escapeText(node.text)}</${node.name}>${nl}`;
  const kids = node.children ?? [];
  if (kids.length === 0) return `<${node.name}${attrs}/>${nl}`;
  return `<${node.name}${attrs}>${nl}${kids.map((k) => toXml(k, minified)).join('')}</${node.name}>${nl}`;
}

type JsonValue = string | null | JsonObject | JsonValue[];
interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * Junos JSON: every element becomes a key whose value is a list (repeated
 * siblings share one key, in order); leaves are `{"data": text}`; attributes
 * go under `attributes`.
 */
export function toJunosJson(node: XNode): JsonObject {
  return { [node.name]: [jsonBody(node)] };
}

function jsonBody(node: XNode): JsonObject {
  const out: JsonObject = {};
  if (node.attrs && node.attrs.length > 0) {
    const a: JsonObject = {};
    for (const [k, v] of node.attrs) a[k] = v;
    out['attributes'] = a;
  }
  if (node.text !== undefined) {
    return { data: node.text, ...out };
  }
  const kids = node.children ?? [];
  if (kids.length === 0) return { data: [null], ...out };
  for (const k of kids) {
    const list = (out[k.name] as JsonValue[] | undefined) ?? [];
    list.push(jsonBody(k));
    out[k.name] = list;
  }
  return out;
}

export function toJsonText(node: XNode, minified = false): string {
  return minified ? JSON.stringify(toJunosJson(node)) : JSON.stringify(toJunosJson(node), null, 4);
}

/** Wraps per-target nodes the way Junos does for commands run on several REs. */
export function multiRe(items: ReadonlyArray<{ readonly reName: string; readonly body: readonly XNode[] }>): XNode {
  return el(
    'multi-routing-engine-results',
    items.map((i) => el('multi-routing-engine-item', [leaf('re-name', i.reName), ...i.body])),
  );
}
