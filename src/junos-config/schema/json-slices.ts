/**
 * `JSON.parse` of a large document as work in slices (src/junos-config/slices.ts).
 * A schema file is 0.7-1.5 MB of JSON; one `JSON.parse` of it holds the event
 * loop 10-40 ms. Here an array or object longer than `PIECE_CHARS` is split at
 * its top-level commas (a scan that knows strings and nesting, with a
 * checkpoint every few thousand characters) and each element is parsed on its
 * own, recursing into elements that are still long; short ones go to
 * `JSON.parse` whole. The result is the same value `JSON.parse` gives.
 */
import { pace, type Work } from '../slices.js';

/** Spans up to this long are parsed by one `JSON.parse` (well under a millisecond each). */
const PIECE_CHARS = 32 * 1024;
/** Characters scanned per unit of work counted by `pace`. */
const CHARS_PER_UNIT = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** First and one-past-last non-blank positions of `text[from, to)`. */
function trim(text: string, from: number, to: number): [number, number] {
  while (from < to && isBlank(text.charCodeAt(from))) from++;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  return [from, to];
}

/**
 * The top-level elements of the array or object `text[from, to)` (brackets
 * included): spans between its commas, and for an object the position of each
 * member's colon.
 */
function* members(text: string, from: number, to: number): Work<Array<{ start: number; end: number; colon: number }>> {
  const out: Array<{ start: number; end: number; colon: number }> = [];
  let depth = 0;
  let start = from + 1;
  let colon = -1;
  let counted = 0;
  for (let i = from + 1; i < to - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < to; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i++;
        else if (d === QUOTE) break;
      }
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) depth++;
    else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
    else if (depth === 0 && c === COLON && colon < 0) colon = i;
    else if (depth === 0 && c === COMMA) {
      out.push({ start, end: i, colon });
      start = i + 1;
      colon = -1;
    }
    if (i - counted >= CHARS_PER_UNIT) {
      counted = i;
      if (pace()) yield;
    }
  }
  const [s, e] = trim(text, start, to - 1);
  if (e > s) out.push({ start, end: to - 1, colon });
  else if (out.length > 0) throw new SyntaxError(`JSON: a trailing ',' at ${start - 1}`);
  return out;
}

function* parseSpan(text: string, from: number, to: number): Work<unknown> {
  [from, to] = trim(text, from, to);
  const open = text.charCodeAt(from);
  if (to - from <= PIECE_CHARS || (open !== OPEN_ARRAY && open !== OPEN_OBJECT)) {
    if (pace(Math.ceil((to - from) / CHARS_PER_UNIT))) yield;
    return JSON.parse(text.slice(from, to)) as unknown;
  }
  const parts = yield* members(text, from, to);
  if (open === OPEN_ARRAY) {
    const out: unknown[] = new Array<unknown>(parts.length);
    for (let i = 0; i < parts.length; i++) out[i] = yield* parseSpan(text, parts[i]!.start, parts[i]!.end);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const p of parts) {
    if (p.colon < 0) throw new SyntaxError(`JSON: an object member without ':' at ${p.start}`);
    const name = JSON.parse(text.slice(p.start, p.colon)) as unknown;
    if (typeof name !== 'string') throw new SyntaxError(`JSON: an object member name that is not a string at ${p.start}`);
    // Defined like JSON.parse does (a "__proto__" member is an own property, not the prototype).
    Object.defineProperty(out, name, { value: yield* parseSpan(text, p.colon + 1, p.end), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** `JSON.parse(text)` as work with checkpoints; throws a SyntaxError where JSON.parse would. */
export function* parseJsonWork(text: string): Work<unknown> {
  return yield* parseSpan(text, 0, text.length);
}
