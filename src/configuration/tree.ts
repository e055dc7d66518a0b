/**
 * The configuration as a tree of Junos statements, schema-free: any tree a
 * client loads is stored and returned. Entries of a list carry their key as a
 * first `name` child, exactly as Junos XML does (`<user><name>lab</name>...`).
 */
import type { XmlElement } from '../xml/element.js';
import { escapeText } from '../xml/escape.js';

export interface ConfigNode {
  readonly name: string;
  /** Leaf value; absent for containers and empty (presence) leaves. */
  value?: string;
  children: ConfigNode[];
}

/** How an edit applies to the node it names (NETCONF `operation`, Junos `delete="delete"`...). */
export type EditOp = 'merge' | 'replace' | 'delete' | 'create';

export interface EditNode {
  readonly name: string;
  readonly value?: string;
  readonly op: EditOp;
  readonly children: EditNode[];
}

export function emptyConfiguration(): ConfigNode {
  return { name: 'configuration', children: [] };
}

export function keyOf(n: { readonly children: ReadonlyArray<{ readonly name: string; readonly value?: string }> }): string | undefined {
  const k = n.children[0];
  return k && k.name === 'name' ? k.value : undefined;
}

export function clone(n: ConfigNode): ConfigNode {
  return structuredClone(n);
}

export function sameTree(a: ConfigNode, b: ConfigNode): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function childNamed(n: ConfigNode, name: string, key?: string): ConfigNode | undefined {
  return n.children.find((c) => c.name === name && (key === undefined || keyOf(c) === key));
}

/** Reads one XML element as an edit. Attributes outside the edit vocabulary are dropped. */
export function editFromXml(el: XmlElement, inherited: EditOp = 'merge'): EditNode {
  const op = opOf(el) ?? inherited;
  const text = el.text.trim();
  return {
    name: el.name,
    op,
    ...(el.children.length === 0 && text !== '' ? { value: text } : {}),
    // A replace reaches the whole subtree; delete and create apply to the node itself.
    children: el.children.map((c) => editFromXml(c, op === 'replace' ? 'replace' : 'merge')),
  };
}

function opOf(el: XmlElement): EditOp | undefined {
  for (const [q, v] of Object.entries(el.attrs)) {
    const local = q.includes(':') ? q.slice(q.indexOf(':') + 1) : q;
    if (local === 'operation' && (v === 'merge' || v === 'replace' || v === 'delete' || v === 'create' || v === 'remove')) {
      return v === 'remove' ? 'delete' : v;
    }
    if (local === 'delete' && v !== '') return 'delete';
    if (local === 'replace' && v !== '') return 'replace';
  }
  return undefined;
}

export function toConfigNode(e: EditNode): ConfigNode {
  return { name: e.name, ...(e.value !== undefined ? { value: e.value } : {}), children: e.children.filter((c) => c.op !== 'delete').map(toConfigNode) };
}

/** Where an edit landed; used for Junos-style error paths. */
export class EditConflict extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly badElement: string,
  ) {
    super(message);
  }
}

/**
 * Applies edits (the children of an edit `<configuration>`) under `target`.
 * Leaves replace leaves of the same name (one value per leaf); list entries
 * match by key; containers merge recursively.
 */
export function applyEdits(target: ConfigNode, edits: readonly EditNode[], path = ''): void {
  for (const e of edits) {
    const key = keyOf(e);
    const here = `${path}/${e.name}${key !== undefined ? `[name='${key}']` : ''}`;
    const idx = target.children.findIndex((c) => c.name === e.name && (key === undefined ? keyOf(c) === undefined : keyOf(c) === key));
    const existing = idx >= 0 ? target.children[idx] : undefined;
    switch (e.op) {
      case 'delete':
        // Junos only warns when the statement is absent; a warning would make
        // ncclient and PyEZ raise, so deleting nothing is silent.
        if (existing) target.children.splice(idx, 1);
        break;
      case 'create':
        if (existing) throw new EditConflict('statement already exists', here, key ?? e.name);
        target.children.push(toConfigNode(e));
        break;
      case 'replace':
        if (existing) target.children[idx] = toConfigNode(e);
        else target.children.push(toConfigNode(e));
        break;
      case 'merge': {
        const deletesOnly = e.children.some((c) => c.op === 'delete') && e.children.every((c) => c.op === 'delete' || (c.name === 'name' && c.value === key));
        if (!existing) {
          // A container reached only to delete something under it is not created.
          if (deletesOnly) break;
          const fresh: ConfigNode = { name: e.name, ...(e.value !== undefined ? { value: e.value } : {}), children: [] };
          target.children.push(fresh);
          applyEdits(fresh, e.children, here);
        } else {
          if (e.value !== undefined) existing.value = e.value;
          const had = existing.children.length;
          applyEdits(existing, e.children.filter((c) => !(c.name === 'name' && c.value === key)), here);
          // Junos drops a container whose last statement was deleted.
          const left = key !== undefined ? existing.children.length - 1 : existing.children.length;
          if (had > 0 && left === 0 && existing.value === undefined && deletesOnly) target.children.splice(target.children.indexOf(existing), 1);
        }
        break;
      }
    }
  }
}

/**
 * A subtree filter (RFC 6241 6.2 as Junos applies it to `<configuration>`):
 * an empty element selects the whole subtree, a list entry naming only its
 * key selects that entry, nested elements narrow further.
 */
export function filterTree(tree: ConfigNode, filter: XmlElement): ConfigNode {
  return { name: tree.name, children: filterChildren(tree.children, filter.children) };
}

function filterChildren(nodes: readonly ConfigNode[], wanted: readonly XmlElement[]): ConfigNode[] {
  if (wanted.length === 0) return nodes.map(clone);
  const out: ConfigNode[] = [];
  for (const n of nodes) {
    for (const w of wanted) {
      if (w.name !== n.name) continue;
      const wKey = w.children[0]?.name === 'name' ? w.children[0].text.trim() : undefined;
      if (wKey !== undefined && keyOf(n) !== wKey) continue;
      const rest = wKey !== undefined ? w.children.slice(1) : w.children;
      if (rest.length === 0) out.push(clone(n));
      else {
        const kids = filterChildren(n.children, rest);
        if (kids.length > 0) out.push({ ...n, children: wKey !== undefined ? [clone(n.children[0]!), ...kids] : kids });
      }
      break;
    }
  }
  return out;
}

/** Junos XML, one element per line, indented by four spaces as Junos does. */
export function renderXml(n: ConfigNode, attrs = '', depth = 0): string {
  const pad = '    '.repeat(depth);
  if (n.children.length === 0) {
    return n.value === undefined ? `${pad}<${n.name}${attrs}/>\n` : `${pad}<${n.name}${attrs}>${escapeText(n.value)}</${n.name}>\n`;
  }
  return `${pad}<${n.name}${attrs}>\n${n.children.map((c) => renderXml(c, '', depth + 1)).join('')}${pad}</${n.name}>\n`;
}
