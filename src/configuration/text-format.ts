/**
 * The curly-brace text format: parsing `load-configuration format="text"`
 * input and rendering `show configuration`.
 */
import { RpcError } from '../xml/rpc-error.js';
import { isImplicitEntry, implicitList, isKeyedList } from './schema.js';
import type { ConfigNode, EditNode, EditOp } from './tree.js';
import { keyOf } from './tree.js';

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

export function loadError(message: string, badElement: string, path?: string): RpcError {
  return new RpcError({
    type: 'protocol',
    tag: 'operation-failed',
    severity: 'error',
    ...(path ? { path } : {}),
    message,
    info: [['bad-element', badElement]],
  });
}

/** Parses curly-brace text into edits for a `<configuration>` root. `replace:` tags mark replacements. */
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
    // `user lab {` is a list entry; `host-name r1;` a leaf. Containers never take a word.
    if (isKeyedList(parent, words[0]!)) return { name: words[0]!, op, children: [{ name: 'name', value: words[1]!, op: 'merge', children: [] }] };
    return { name: words[0]!, value: words[1]!, op, children: [] };
  }
  if (words.length > 2) return { name: words[0]!, value: words.slice(1).join(' '), op, children: [] };
  return { name: words[0]!, op, children: [] };
}

/** Junos quotes values with blanks or syntax characters, and password hashes (`$`). */
function quote(v: string): string {
  return /^[^\s{};"'#[\]$]+$/.test(v) ? v : `"${v.replace(/(["\\])/g, '\\$1')}"`;
}

/** Renders a configuration (its children) as Junos text, four-space indent. */
export function renderText(root: ConfigNode): string {
  let s = '';
  const walk = (n: ConfigNode, parent: string, depth: number): void => {
    const pad = '    '.repeat(depth);
    const key = keyOf(n);
    const kids = key !== undefined ? n.children.slice(1) : n.children;
    let head = n.name;
    if (key !== undefined) head = isImplicitEntry(parent, n.name) ? quote(key) : `${n.name} ${quote(key)}`;
    if (kids.length === 0) {
      s += n.value === undefined ? `${pad}${head};\n` : `${pad}${head} ${quote(n.value)};\n`;
      return;
    }
    s += `${pad}${head} {\n`;
    for (const c of kids) walk(c, n.name, depth + 1);
    s += `${pad}}\n`;
  };
  for (const c of root.children) walk(c, root.name, 0);
  return s;
}

/** Renders `set` lines, one per leaf or empty statement. */
export function renderSet(root: ConfigNode): string {
  const lines: string[] = [];
  const walk = (n: ConfigNode, parent: string, prefix: string): void => {
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
