/**
 * The curly-brace text format of `load-configuration format="text"`: read
 * into edits in one pass over the input. Rendering is in text-render.ts.
 */
import { RpcError } from '../xml/rpc-error.js';
import { implicitList, isKeyedList } from './schema.js';
import { pace, runNow, type Work } from './slices.js';
import type { Activity, EditNode, EditOp } from './tree.js';
import { configurationError } from '../errors/catalogue.js';

type Punct = '{' | '}' | ';' | '[' | ']';
type Token = { readonly t: 'word'; readonly v: string } | { readonly t: Punct };

const PUNCT: readonly Token[] = (['{', '}', ';', '[', ']'] as const).map((t) => ({ t }));
const punctOf = (c: number): Token | undefined =>
  c === 0x7b ? PUNCT[0] : c === 0x7d ? PUNCT[1] : c === 0x3b ? PUNCT[2] : c === 0x5b ? PUNCT[3] : c === 0x5d ? PUNCT[4] : undefined;

const OTHER_SPACE = /\s/;
/** JavaScript's `\s`, as the format has always read blanks, without a regex for ASCII. */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return OTHER_SPACE.test(text[i]!);
}

function* tokenize(text: string): Work<Token[]> {
  const out: Token[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    if (pace()) yield;
    const c = text.charCodeAt(i);
    const p = punctOf(c);
    if (isSpace(text, i)) i++;
    else if (c === 0x23) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? len : nl;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? len : end + 2;
    } else if (p) {
      out.push(p);
      i++;
    } else if (c === 0x22) {
      // A backslash takes the next character as it is.
      let v = '';
      let from = ++i;
      for (;;) {
        if (i >= len) throw loadError('unterminated quoted string', '"');
        const q = text.charCodeAt(i);
        if (q === 0x22) break;
        if (q === 0x5c && i + 1 < len) {
          v += text.slice(from, i);
          from = ++i;
        }
        i++;
      }
      v += text.slice(from, i);
      i++;
      out.push({ t: 'word', v });
    } else {
      const from = i;
      while (i < len && !isSpace(text, i) && !punctOf(text.charCodeAt(i))) i++;
      out.push({ t: 'word', v: text.slice(from, i) });
    }
  }
  return out;
}

export function loadError(message: string, badElement: string, path?: string): RpcError {
  return configurationError(message, badElement, path);
}

/** One `{ ... }` block being read: the statement that opened it, and what is inside so far. */
interface Block {
  readonly head: EditNode | undefined;
  readonly path: string;
  readonly out: EditNode[];
}

/** Parses curly-brace text into edits for a `<configuration>` root. `replace:` tags mark replacements. */
export function* parseTextWork(text: string): Work<EditNode[]> {
  const toks = yield* tokenize(text);
  let pos = 0;
  const blocks: Block[] = [{ head: undefined, path: '', out: [] }];
  for (;;) {
    if (pace()) yield;
    const b = blocks[blocks.length - 1]!;
    const parent = b.head?.name ?? 'configuration';
    const tok = toks[pos];
    if (!tok) {
      if (b.head) throw loadError('syntax error, expecting }', parent, b.path);
      return b.out;
    }
    if (tok.t === '}') {
      if (!b.head) throw loadError('syntax error', '}', b.path);
      pos++;
      blocks.pop();
      blocks[blocks.length - 1]!.out.push({ ...b.head, children: [...b.head.children, ...b.out] });
      continue;
    }
    const words: string[] = [];
    let op: EditOp = 'merge';
    while (toks[pos]?.t === 'word') words.push((toks[pos++] as { v: string }).v);
    // At most one of `replace:`/`delete:` and one `inactive:`, in either order.
    let activity: Activity | undefined;
    let tagged = false;
    for (;;) {
      if (!tagged && (words[0] === 'replace:' || words[0] === 'delete:')) {
        op = words[0] === 'replace:' ? 'replace' : 'delete';
        tagged = true;
      } else if (activity === undefined && words[0] === 'inactive:') activity = 'inactive';
      else break;
      words.shift();
    }
    const marked = activity !== undefined ? { activity } : {};
    const end = toks[pos];
    if (words.length === 0) throw loadError('syntax error', end ? end.t : 'end of input', b.path);
    if (end?.t === '[') {
      pos++;
      const values: string[] = [];
      while (toks[pos]?.t === 'word') values.push((toks[pos++] as { v: string }).v);
      if (toks[pos]?.t !== ']' || toks[pos + 1]?.t !== ';') throw loadError('syntax error, expecting ]', words[0]!, b.path);
      pos += 2;
      for (const v of values) b.out.push({ name: words[0]!, value: v, op, children: [], ...marked });
      continue;
    }
    const head: EditNode = { ...statementHead(parent, words, op), ...marked };
    if (end?.t === ';') {
      pos++;
      b.out.push(head);
    } else if (end?.t === '{') {
      pos++;
      blocks.push({ head, path: `${b.path}/${head.name}`, out: [] });
    } else {
      throw loadError('syntax error, expecting ; or {', words[words.length - 1]!, b.path);
    }
  }
}

export function parseText(text: string): EditNode[] {
  return runNow(parseTextWork(text));
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
