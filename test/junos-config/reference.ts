/**
 * The configuration code as it was before it was made linear (commit
 * cc670cb): quadratic, but the behaviour every reply was built on. The
 * equivalence tests compare the new code with it on random input. Mutable
 * trees here, as then.
 */
import { isImplicitEntry, implicitList, isKeyedList } from '../../src/junos-config/schema.js';
import { loadError } from '../../src/junos-config/text-format.js';
import type { ConfigFormat } from '../../src/junos-config/render.js';
import { commitAttributes } from '../../src/junos-config/render.js';
import type { CommitInfo } from '../../src/junos-config/store.js';
import type { EditNode, EditOp } from '../../src/junos-config/tree.js';
import { EditConflict } from '../../src/junos-config/tree.js';
import type { XmlElement } from '../../src/xml/element.js';
import { escapeText } from '../../src/xml/escape.js';

export interface OldNode {
  readonly name: string;
  value?: string;
  children: OldNode[];
}

const keyOf = (n: { readonly children: ReadonlyArray<{ readonly name: string; readonly value?: string }> }): string | undefined => {
  const k = n.children[0];
  return k && k.name === 'name' ? k.value : undefined;
};
const clone = (n: OldNode): OldNode => structuredClone(n);

export function toConfigNode(e: EditNode): OldNode {
  return { name: e.name, ...(e.value !== undefined ? { value: e.value } : {}), children: e.children.filter((c) => c.op !== 'delete').map(toConfigNode) };
}

export function applyEdits(target: OldNode, edits: readonly EditNode[], path = ''): void {
  for (const e of edits) {
    const key = keyOf(e);
    const here = `${path}/${e.name}${key !== undefined ? `[name='${key}']` : ''}`;
    const idx = target.children.findIndex((c) => c.name === e.name && (key === undefined ? keyOf(c) === undefined : keyOf(c) === key));
    const existing = idx >= 0 ? target.children[idx] : undefined;
    switch (e.op) {
      case 'delete':
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
          if (deletesOnly) break;
          const fresh: OldNode = { name: e.name, ...(e.value !== undefined ? { value: e.value } : {}), children: [] };
          target.children.push(fresh);
          applyEdits(fresh, e.children, here);
        } else {
          if (e.value !== undefined) existing.value = e.value;
          const had = existing.children.length;
          applyEdits(existing, e.children.filter((c) => !(c.name === 'name' && c.value === key)), here);
          const left = key !== undefined ? existing.children.length - 1 : existing.children.length;
          if (had > 0 && left === 0 && existing.value === undefined && deletesOnly) target.children.splice(target.children.indexOf(existing), 1);
        }
        break;
      }
    }
  }
}

export function editFromXml(el: XmlElement, inherited: EditOp = 'merge'): EditNode {
  const op = opOf(el) ?? inherited;
  const text = el.text.trim();
  return {
    name: el.name,
    op,
    ...(el.children.length === 0 && text !== '' ? { value: text } : {}),
    children: el.children.map((c) => editFromXml(c, op === 'replace' ? 'replace' : 'merge')),
    ...activityOf(el),
    // Issue 12: NETCONF operation="remove" deletes silently when the statement is absent.
    ...(Object.entries(el.attrs).some(([q, v]) => (q === 'operation' || q.endsWith(':operation')) && v === 'remove') ? { ifPresent: true as const } : {}),
  };
}

/** Issue 12: Junos's `active` / `inactive` attributes mark the statement. */
function activityOf(el: XmlElement): { activity?: 'active' | 'inactive' } {
  for (const [q, v] of Object.entries(el.attrs)) {
    const local = q.includes(':') ? q.slice(q.indexOf(':') + 1) : q;
    if ((local === 'inactive' || local === 'active') && v !== '') return { activity: local };
  }
  return {};
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

export function filterTree(tree: OldNode, filter: XmlElement): OldNode {
  return { name: tree.name, children: filterChildren(tree.children, filter.children) };
}

function filterChildren(nodes: readonly OldNode[], wanted: readonly XmlElement[]): OldNode[] {
  if (wanted.length === 0) return nodes.map(clone);
  const out: OldNode[] = [];
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

type Token = { readonly t: 'word'; readonly v: string } | { readonly t: '{' | '}' | ';' | '[' | ']' };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if ('{};[]'.includes(c)) {
      out.push({ t: c as '{' | '}' | ';' | '[' | ']' });
      i++;
    } else if (c === '"') {
      let v = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        v += text[i];
        i++;
      }
      if (i >= text.length) throw loadError('unterminated quoted string', '"');
      i++;
      out.push({ t: 'word', v });
    } else {
      let v = '';
      while (i < text.length && !/\s/.test(text[i]!) && !'{};[]'.includes(text[i]!)) v += text[i++];
      out.push({ t: 'word', v });
    }
  }
  return out;
}

export function parseText(text: string): EditNode[] {
  const toks = tokenize(text);
  let pos = 0;
  const block = (parent: string, path: string, closing: boolean): EditNode[] => {
    const out: EditNode[] = [];
    for (;;) {
      const tok = toks[pos];
      if (!tok) {
        if (closing) throw loadError('syntax error, expecting }', parent, path);
        return out;
      }
      if (tok.t === '}') {
        if (!closing) throw loadError('syntax error', '}', path);
        pos++;
        return out;
      }
      const words: string[] = [];
      let op: EditOp = 'merge';
      while (toks[pos]?.t === 'word') words.push((toks[pos++] as { v: string }).v);
      if (words[0] === 'replace:' || words[0] === 'delete:') {
        op = words[0] === 'replace:' ? 'replace' : 'delete';
        words.shift();
      }
      const end = toks[pos];
      if (words.length === 0) throw loadError('syntax error', end ? end.t : 'end of input', path);
      if (end?.t === '[') {
        pos++;
        const values: string[] = [];
        while (toks[pos]?.t === 'word') values.push((toks[pos++] as { v: string }).v);
        if (toks[pos]?.t !== ']' || toks[pos + 1]?.t !== ';') throw loadError('syntax error, expecting ]', words[0]!, path);
        pos += 2;
        for (const v of values) out.push({ name: words[0]!, value: v, op, children: [] });
        continue;
      }
      const head = statementHead(parent, words, op);
      if (end?.t === ';') {
        pos++;
        out.push(head);
      } else if (end?.t === '{') {
        pos++;
        const kids = block(head.name, `${path}/${head.name}`, true);
        out.push({ ...head, children: [...head.children, ...kids] });
      } else {
        throw loadError('syntax error, expecting ; or {', words[words.length - 1]!, path);
      }
    }
  };
  return block('configuration', '', false);
}

function statementHead(parent: string, words: readonly string[], op: EditOp): EditNode {
  const implicit = implicitList(parent);
  if (implicit && words.length === 1) return { name: implicit, op, children: [{ name: 'name', value: words[0]!, op: 'merge', children: [] }] };
  if (words.length >= 2 && (isKeyedList(parent, words[0]!) || words.length === 2)) {
    if (isKeyedList(parent, words[0]!)) return { name: words[0]!, op, children: [{ name: 'name', value: words[1]!, op: 'merge', children: [] }] };
    return { name: words[0]!, value: words[1]!, op, children: [] };
  }
  if (words.length > 2) return { name: words[0]!, value: words.slice(1).join(' '), op, children: [] };
  return { name: words[0]!, op, children: [] };
}

function quote(v: string): string {
  return /^[^\s{};"'#[\]$]+$/.test(v) ? v : `"${v.replace(/(["\\])/g, '\\$1')}"`;
}

export function renderText(root: OldNode): string {
  let s = '';
  // Junos's one-line forms (docs/config-text-forms.md): a leaf-list of several values is
  // `name [ a b ];`, and the children of `family` go on its line (`family inet {`).
  const walk = (n: OldNode, parent: string, depth: number, prefix: string, lists: Map<string, OldNode[]>): void => {
    const pad = '    '.repeat(depth);
    const key = keyOf(n);
    const kids = key !== undefined ? n.children.slice(1) : n.children;
    let head = prefix + n.name;
    if (key !== undefined) head = isImplicitEntry(parent, n.name) ? quote(key) : `${head} ${quote(key)}`;
    if (kids.length === 0) {
      const list = n.value !== undefined && key === undefined ? lists.get(n.name) : undefined;
      if (list !== undefined) {
        if (list[0] === n) s += `${pad}${head} [ ${list.map((c) => quote(c.value!)).join(' ')} ];\n`;
        return;
      }
      s += n.value === undefined ? `${pad}${head};\n` : `${pad}${head} ${quote(n.value)};\n`;
      return;
    }
    const family = n.name === 'family' && n.value === undefined && key === undefined;
    if (!family) s += `${pad}${head} {\n`;
    const groups = new Map<string, OldNode[]>();
    for (const c of kids) if (c.value !== undefined && c.children.length === 0) groups.set(c.name, [...(groups.get(c.name) ?? []), c]);
    for (const [k, v] of groups) if (v.length < 2) groups.delete(k);
    for (const c of kids) walk(c, n.name, family ? depth : depth + 1, family ? `${head} ` : '', groups);
    if (!family) s += `${pad}}\n`;
  };
  const top = new Map<string, OldNode[]>();
  for (const c of root.children) if (c.value !== undefined && c.children.length === 0) top.set(c.name, [...(top.get(c.name) ?? []), c]);
  for (const [k, v] of top) if (v.length < 2) top.delete(k);
  for (const c of root.children) walk(c, root.name, 0, '', top);
  return s;
}

export function renderSet(root: OldNode): string {
  const lines: string[] = [];
  const walk = (n: OldNode, parent: string, prefix: string): void => {
    const key = keyOf(n);
    const kids = key !== undefined ? n.children.slice(1) : n.children;
    let here = `${prefix} ${n.name}`;
    if (key !== undefined) here = isImplicitEntry(parent, n.name) ? `${prefix} ${quote(key)}` : `${prefix} ${n.name} ${quote(key)}`;
    if (kids.length === 0) {
      lines.push(`set${here}${n.value !== undefined ? ` ${quote(n.value)}` : ''}`);
      return;
    }
    for (const c of kids) walk(c, n.name, here);
  };
  for (const c of root.children) walk(c, root.name, '');
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function renderXml(n: OldNode, attrs = '', depth = 0): string {
  const pad = '    '.repeat(depth);
  if (n.children.length === 0) {
    return n.value === undefined ? `${pad}<${n.name}${attrs}/>\n` : `${pad}<${n.name}${attrs}>${escapeText(n.value)}</${n.name}>\n`;
  }
  return `${pad}<${n.name}${attrs}>\n${n.children.map((c) => renderXml(c, '', depth + 1)).join('')}${pad}</${n.name}>\n`;
}

type Json = string | null | Json[] | { [k: string]: Json };

function jsonOf(n: OldNode): Json {
  if (n.children.length === 0) return n.value ?? [null];
  const out: { [k: string]: Json } = {};
  for (const c of n.children) {
    const v = jsonOf(c);
    if (keyOf(c) !== undefined) ((out[c.name] ??= []) as Json[]).push(v);
    else out[c.name] = v;
  }
  return out;
}

export function renderConfiguration(tree: OldNode, format: ConfigFormat, info: CommitInfo | undefined): string {
  const localtime = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  switch (format) {
    case 'xml': {
      const attrs = info ? commitAttributes(info) : '';
      // Nothing to show (a filter that matched nothing): no stamps (18.2R1 capture).
      if (tree.children.length === 0) return '<configuration>\n</configuration>\n';
      return `<configuration${attrs}>\n${tree.children.map((c) => renderXml(c, '', 1)).join('')}</configuration>\n`;
    }
    case 'text': {
      const head = info ? `## Last commit: ${localtime(info.at)} by ${info.user}\n` : '';
      return `<configuration-text>\n${escapeText(head + renderText(tree))}</configuration-text>\n`;
    }
    case 'set':
      return `<configuration-set>\n${escapeText(renderSet(tree))}</configuration-set>\n`;
    case 'json':
      return `${escapeText(JSON.stringify({ configuration: jsonOf(tree) }, null, 4))}\n`;
  }
}

export function diffText(before: OldNode, after: OldNode): string {
  const a = renderText(before).split('\n');
  const b = renderText(after).split('\n');
  const removed = a.filter((l) => l.trim() !== '' && !b.includes(l));
  const added = b.filter((l) => l.trim() !== '' && !a.includes(l));
  if (removed.length === 0 && added.length === 0) return '\n';
  return `[edit]\n${removed.map((l) => `-${l}`).join('\n')}${removed.length && added.length ? '\n' : ''}${added.map((l) => `+${l}`).join('\n')}\n`;
}
