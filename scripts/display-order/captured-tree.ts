/**
 * Reads configuration captures (curly-brace `show configuration` text and
 * `| display xml` / `get-configuration` replies) into trees of statements in
 * the order the device printed them, named by their XML element names as the
 * schema has them. Reading is lenient: a statement the chosen schema does not
 * know is skipped with its block and counted, so one capture of another
 * release still gives evidence for the rest.
 */
import type { SchemaNode, Schema } from '../../src/junos-config/schema/model.js';
import { walkStatement, type Level } from '../../src/junos-config/statements.js';
import type { EditNode } from '../../src/junos-config/tree.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/element.js';

/** One statement as captured: its XML name, its list key (entries), where it was printed. */
export interface CapturedNode {
  readonly name: string;
  readonly schema: SchemaNode;
  /** The key values of a list entry, joined by a space. */
  readonly key: string | undefined;
  /** 1-based line in the capture file (text), or undefined (XML). */
  readonly line: number | undefined;
  readonly children: CapturedNode[];
}

export interface Capture {
  readonly file: string;
  readonly root: CapturedNode;
  /** Statements the schema did not know: `path word (line)`. */
  readonly skipped: string[];
}

type Tok = { readonly t: 'w'; readonly v: string; readonly line: number } | { readonly t: '{' | '}' | ';' | '[' | ']'; readonly line: number };

/** Lines a terminal session puts around the configuration: prompts, `{master:0}`, `[edit]` banners. */
const NOISE = [/^\s*show configuration\b/, /^\s*\S+@\S+[>#%]/, /^\s*\{(master|backup|primary|secondary|line|linecard)[^}]*\}\s*$/, /^\s*\[edit[^\]]*\]\s*$/];

function tokenize(text: string, firstLine: number): Tok[] {
  const out: Tok[] = [];
  // Annotations (`/* ... */`) become blanks, their line ends kept so that line numbers stay right.
  const lines = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).split('\n');
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const n = firstLine + li;
    if (NOISE.some((re) => re.test(line))) continue;
    let i = 0;
    while (i < line.length) {
      const c = line[i]!;
      if (/\s/.test(c)) i++;
      else if (c === '#') break;
      else if ('{};[]'.includes(c)) {
        out.push({ t: c as '{' | '}' | ';' | '[' | ']', line: n });
        i++;
      } else if (c === '"') {
        let v = '';
        i++;
        while (i < line.length && line[i] !== '"') {
          if (line[i] === '\\' && i + 1 < line.length) i++;
          v += line[i++];
        }
        i++;
        out.push({ t: 'w', v, line: n });
      } else {
        const from = i;
        while (i < line.length && !/\s/.test(line[i]!) && !'{};[]'.includes(line[i]!)) i++;
        out.push({ t: 'w', v: line.slice(from, i), line: n });
      }
    }
  }
  return out;
}

const TAGS = new Set(['inactive:', 'protect:', 'replace:', 'active:']);

/** The nodes walkStatement added from `from` on, and theirs: each gets the statement's line. */
function markLines(nodes: readonly EditNode[], line: number, lines: WeakMap<EditNode, number>): void {
  for (const n of nodes) {
    if (!lines.has(n)) lines.set(n, line);
    markLines(n.children, line, lines);
  }
}

/** Reads curly-brace text; `firstLine` is the file line of the text's first line. */
export function readText(file: string, text: string, schema: Schema, firstLine = 1): Capture {
  const toks = tokenize(text, firstLine);
  const rootEdit: EditNode = { name: 'configuration', op: 'merge', children: [] };
  const lines = new WeakMap<EditNode, number>();
  const skipped: string[] = [];
  const stack: Level[] = [{ schema: schema.root, edit: rootEdit, path: [] }];
  let pos = 0;
  while (pos < toks.length) {
    const tok = toks[pos]!;
    if (tok.t === '}') {
      pos++;
      if (stack.length > 1) stack.pop();
      continue;
    }
    const words: string[] = [];
    const line = tok.line;
    while (toks[pos]?.t === 'w') words.push((toks[pos++] as { v: string }).v);
    while (words.length > 0 && TAGS.has(words[0]!)) words.shift();
    let end = toks[pos];
    if (end?.t === '[') {
      words.push('[');
      pos++;
      while (toks[pos]?.t === 'w') words.push((toks[pos++] as { v: string }).v);
      words.push(']');
      pos++;
      end = toks[pos];
    }
    // A statement cut short (an unbalanced quote in an edited capture) ends at the next `}`, which still closes its block.
    if (!end || (end.t !== ';' && end.t !== '{') || words.length === 0) {
      if (end && end.t !== '}') pos++;
      continue;
    }
    pos++;
    const level = stack[stack.length - 1]!;
    const parent = level.edit!;
    const before = parent.children.length;
    try {
      const walked = walkStatement(level, words, 'set', 'merge');
      markLines(parent.children.slice(before), line, lines);
      if (end.t === '{') {
        if (!walked.open?.edit) throw new Error('no block here');
        stack.push(walked.open);
      }
    } catch {
      parent.children.length = before;
      skipped.push(`[${level.path.join(' ')}] ${words.join(' ')} (line ${line})`);
      if (end.t === '{') pos = skipBlock(toks, pos);
    }
  }
  return { file, root: fromEdit(rootEdit, schema.root, lines), skipped };
}

function skipBlock(toks: readonly Tok[], pos: number): number {
  let depth = 1;
  while (pos < toks.length && depth > 0) {
    const t = toks[pos++]!.t;
    if (t === '{') depth++;
    else if (t === '}') depth--;
  }
  return pos;
}

/** Containers printed in several statements (`family inet {..}`, `family inet6 {..}`) are one statement: merged. */
function fromEdit(e: EditNode, schema: SchemaNode, lines: WeakMap<EditNode, number>): CapturedNode {
  const keyOf = (n: EditNode, s: SchemaNode): string | undefined =>
    s.kind === 'list' ? n.children.filter((c) => s.keys.includes(c.name)).map((c) => c.value ?? '').join(' ') : undefined;
  const node: CapturedNode = { name: e.name, schema, key: keyOf(e, schema), line: lines.get(e), children: [] };
  const containers = new Map<string, CapturedNode>();
  for (const c of e.children) {
    const s = schema.child(c.name);
    if (!s) continue;
    const kid = fromEdit(c, s, lines);
    if (s.kind === 'container') {
      const had = containers.get(c.name);
      if (had) {
        had.children.push(...kid.children);
        continue;
      }
      containers.set(c.name, kid);
    }
    node.children.push(kid);
  }
  return node;
}

/** Reads the first `<configuration>` of an XML reply. */
export function readXml(file: string, text: string, schema: Schema): Capture | undefined {
  const start = text.search(/<(\w+:)?configuration[\s>]/);
  if (start < 0) return undefined;
  // Parse the configuration element alone: replies are often cut or lack the junos prefix's declaration.
  const close = text.search(/<\/(\w+:)?configuration>/);
  if (close < 0) return undefined;
  let el: XmlElement;
  const body = text.slice(start, text.indexOf('>', close) + 1).replace(/<(\/?)\w+:/g, '<$1').replace(/\s[\w-]+:[\w-]+="[^"]*"/g, '');
  try {
    el = parseXml(body);
  } catch (e) {
    return { file, root: { name: 'configuration', schema: schema.root, key: undefined, line: undefined, children: [] }, skipped: [`not XML: ${String(e)}`] };
  }
  const skipped: string[] = [];
  const conv = (x: XmlElement, s: SchemaNode, path: string): CapturedNode => {
    const key = s.kind === 'list' ? x.children.filter((c) => s.keys.includes(c.name)).map((c) => c.text.trim()).join(' ') : undefined;
    const node: CapturedNode = { name: x.name, schema: s, key, line: undefined, children: [] };
    for (const c of x.children) {
      const cs = s.child(c.name);
      if (!cs) {
        if (c.name !== 'undocumented') skipped.push(`[${path}] ${c.name}`);
        // `<undocumented>` wraps hidden statements in replies: they belong to the parent.
        else for (const u of c.children) if (s.child(u.name)) node.children.push(conv(u, s.child(u.name)!, `${path} ${u.name}`));
        continue;
      }
      node.children.push(conv(c, cs, `${path} ${c.name}`));
    }
    return node;
  };
  return { file, root: conv(el, schema.root, ''), skipped };
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A capture file of either form: XML with a `<configuration>` element, text
 * wrapped in `<configuration-output>`/`<configuration-text>` (PyEZ's and
 * NAPALM's fixtures), or plain text.
 */
export function readCapture(file: string, text: string, schema: Schema): Capture | undefined {
  const wrapped = /<(configuration-output|configuration-text)[^>]*>([\s\S]*?)<\/\1>/.exec(text);
  if (wrapped) {
    const inner = wrapped[2]!.replace(/&(lt|gt|amp|quot|apos);/g, (_, n: string) => ENTITIES[n]!);
    const firstLine = text.slice(0, wrapped.index + wrapped[0].indexOf('>') + 1).split('\n').length;
    return readText(file, inner, schema, firstLine);
  }
  if (/<(\w+:)?configuration[\s>]/.test(text)) return readXml(file, text, schema);
  return readText(file, text, schema);
}
