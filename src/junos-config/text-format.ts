/**
 * The curly-brace text format of `load-configuration format="text"`: read
 * into edits in one pass over the input. Rendering is in text-render.ts.
 */
import { RpcError } from '../xml/rpc-error.js';
import { defaultSchema } from './schema/catalog.js';
import type { Schema } from './schema/model.js';
import { PartialLoadError } from './partial-load.js';
import { editPath, StatementError, walkStatement, type Level } from './statements.js';
import { pace, runNow, type Work } from './slices.js';
import type { Activity, EditNode, EditOp } from './tree.js';
import { allOf, configurationError } from '../errors/catalogue.js';

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

/** One `{ ... }` block being read: where its statements go. */
interface Block {
  readonly level: Level;
}

/**
 * Parses curly-brace text into edits for a `<configuration>` root, each
 * statement read against `schema` (statements.ts). `replace:` and `delete:`
 * tags mark replacements and deletions. Every refused statement is reported,
 * as Junos does, with a second error where recovery from a refused block
 * resumes (`error recovery ignores input until this point`, bad-element `}`).
 */
export function* parseTextWork(text: string, schema: Schema = defaultSchema()): Work<EditNode[]> {
  const toks = yield* tokenize(text);
  let pos = 0;
  const out: EditNode[] = [];
  const root: Level = { schema: schema.root, edit: undefined, path: [] };
  const blocks: Block[] = [{ level: root }];
  const errors: RpcError[] = [];
  for (;;) {
    if (pace()) yield;
    const b = blocks[blocks.length - 1]!;
    const path = editPath(b.level.path);
    const tok = toks[pos];
    if (!tok) {
      if (blocks.length > 1) errors.push(loadError('syntax error, expecting }', b.level.path.at(-1) ?? 'configuration', path));
      if (errors.length > 0) throw new PartialLoadError(errors, out);
      return out;
    }
    if (tok.t === '}') {
      pos++;
      if (blocks.length === 1) errors.push(loadError('syntax error', '}', path));
      else blocks.pop();
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
    let end = toks[pos];
    if (words.length === 0) {
      errors.push(loadError('syntax error', end ? end.t : 'end of input', path));
      pos++;
      continue;
    }
    if (end?.t === '[') {
      pos++;
      const values: string[] = [];
      while (toks[pos]?.t === 'word') values.push((toks[pos++] as { v: string }).v);
      if (toks[pos]?.t !== ']' || toks[pos + 1]?.t !== ';') {
        errors.push(loadError('syntax error, expecting ]', words[words.length - 1]!, path));
        if (errors.length > 0) throw allOf(errors);
      }
      pos++;
      words.push('[', ...values, ']');
      end = toks[pos];
    }
    if (end?.t !== ';' && end?.t !== '{') {
      errors.push(loadError('syntax error, expecting ; or {', words[words.length - 1]!, path));
      throw allOf(errors);
    }
    pos++;
    try {
      const walked = walkStatement(b.level, words, op === 'delete' ? 'delete' : 'set', op, activity);
      if (end.t === '{' && !walked.open) throw new StatementError(loadError('syntax error', words[words.length - 1]!, path));
      if (!b.level.edit) out.push(...walked.nodes);
      if (end.t === '{') blocks.push({ level: walked.open! });
    } catch (e) {
      if (!(e instanceof StatementError)) throw e;
      errors.push(e.rpcError);
      if (end.t === '{') pos = skipBlock(toks, pos, errors, path);
    }
  }
}

/** Skips a refused block to its closing brace, and says so as Junos does. */
function skipBlock(toks: readonly Token[], pos: number, errors: RpcError[], path: string): number {
  let depth = 1;
  while (pos < toks.length && depth > 0) {
    const t = toks[pos++]!.t;
    if (t === '{') depth++;
    else if (t === '}') depth--;
  }
  errors.push(loadError('error recovery ignores input until this point', '}', path));
  return pos;
}

export function parseText(text: string, schema?: Schema): EditNode[] {
  return runNow(parseTextWork(text, schema));
}
