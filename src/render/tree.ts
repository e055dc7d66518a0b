/**
 * A tiny element tree that both the XML and the Junos-JSON writers read, so
 * the two structured formats always carry the same content.
 */
import { emptyTag, endTag, leafXml, startTag, type Attrs } from '../xml/writer.js';

export interface XNode {
  readonly name: string;
  readonly attrs?: Attrs;
  readonly children?: readonly XNode[];
  /** Character data of a leaf element. */
  readonly text?: string;
}

export function el(name: string, children: readonly XNode[] = [], attrs?: Attrs): XNode {
  return attrs ? { name, children, attrs } : { name, children };
}

export function leaf(name: string, text: string, attrs?: Attrs): XNode {
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
  if (node.text !== undefined) return `${leafXml(node.name, node.text, node.attrs)}${nl}`;
  const kids = node.children ?? [];
  if (kids.length === 0) return `${emptyTag(node.name, node.attrs)}${nl}`;
  return `${startTag(node.name, node.attrs)}${nl}${kids.map((k) => toXml(k, minified)).join('')}${endTag(node.name)}${nl}`;
}

/**
 * Junos JSON, written the way Junos writes it: every element is a key whose
 * value is a list of `{...}` bodies; consecutive siblings of one name share
 * one key, and a name that comes back after another sibling starts a key of
 * its own, so keys repeat inside one object (ansible-junos-stdlib#401: the
 * `snapshot-medium`, `creation-date`, `software-version` keys once per slice,
 * the reason JSON parsers keep only the last slice). Leaves are
 * `{"data" : text}`; attributes go under `attributes`. `"key" : [` spacing and
 * four-space indentation follow the #401 capture.
 */
export function toJsonText(node: XNode, minified = false): string {
  const w = new JunosJsonWriter(minified);
  return `{${w.nl}${w.members([[node.name, [node]]], 1)}${w.nl}}`;
}

type Group = [string, XNode[]];

/** Consecutive same-name siblings form one group. */
function groups(kids: readonly XNode[]): Group[] {
  const out: Group[] = [];
  for (const k of kids) {
    const last = out[out.length - 1];
    if (last && last[0] === k.name) last[1].push(k);
    else out.push([k.name, [k]]);
  }
  return out;
}

class JunosJsonWriter {
  readonly nl: string;
  private readonly colon: string;
  constructor(private readonly minified: boolean) {
    this.nl = minified ? '' : '\n';
    this.colon = minified ? ':' : ' : ';
  }

  private pad(depth: number): string {
    return this.minified ? '' : '    '.repeat(depth);
  }

  /** `"key" : [ {body}, ... ]` for each group, at `depth`. */
  members(gs: readonly Group[], depth: number): string {
    const p = this.pad(depth);
    return gs
      .map(([name, nodes]) => {
        const bodies = nodes.map((n) => `${p}{${this.nl}${this.body(n, depth + 1)}${this.nl}${p}}`).join(`,${this.nl}`);
        return `${p}${JSON.stringify(name)}${this.colon}[${this.nl}${bodies}${this.nl}${p}]`;
      })
      .join(`,${this.nl}`);
  }

  private attributes(n: XNode): string | undefined {
    if (!n.attrs || n.attrs.length === 0) return undefined;
    const sep = this.minified ? ',' : ', ';
    return `{${n.attrs.map(([k, v]) => `${JSON.stringify(k)}${this.colon}${JSON.stringify(v)}`).join(sep)}}`;
  }

  private body(n: XNode, depth: number): string {
    const p = this.pad(depth);
    const attrs = this.attributes(n);
    const lines: string[] = [];
    const kids = n.children ?? [];
    if (n.text !== undefined) lines.push(`${p}"data"${this.colon}${JSON.stringify(n.text)}`);
    else if (kids.length === 0) lines.push(`${p}"data"${this.colon}[null]`);
    if (attrs) lines.push(`${p}"attributes"${this.colon}${attrs}`);
    if (n.text === undefined && kids.length > 0) lines.push(this.members(groups(kids), depth));
    return lines.join(`,${this.nl}`);
  }
}

/** Wraps per-target nodes the way Junos does for commands run on several REs. */
export function multiRe(items: ReadonlyArray<{ readonly reName: string; readonly body: readonly XNode[] }>): XNode {
  return el(
    'multi-routing-engine-results',
    items.map((i) => el('multi-routing-engine-item', [leaf('re-name', i.reName), ...i.body])),
  );
}
