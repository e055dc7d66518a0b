/**
 * Ways a client (careless or hostile) breaks a message, and ways it breaks
 * the framing around messages. Each is a pure function of the PRNG.
 */
import { PROTO_NAMES } from './corpus.js';
import type { Framing } from './deframe.js';
import type { Prng } from './prng.js';

/** What XML parsers trip over, inserted at random places. */
const SPECIALS = [
  '<', '>', '&', '"', "'", '=', '/', ']]>', ']]>]]>', ']]>]]', '\n##\n', '\n#5\n',
  '<![CDATA[x]]>', '<![CDATA[', ']]', '<!-- c -->', '<!--', '-->', '<!---->', '<!-- a -- b -->',
  '<?pi data?>', '<?xml version="1.0"?>', '<?xml-stylesheet href="x"?>', '<!DOCTYPE rpc>',
  '<!DOCTYPE r [<!ENTITY a "b">]>', '<!ENTITY x "y">',
  '&lt;', '&amp;', '&quot;', '&foo;', '&#0;', '&#1;', '&#x1F;', '&#xD800;', '&#x110000;', '&#65;', '&#x10FFFF;',
  '&#xFFFE;', '&#;', '&#x;', '&#99999999999;', '&amp', '&nbsp;',
  '\u0000', '\u0001', '\u001b', '\uFFFE', '\uFFFF', '\uD800', '\u00D7', '\u2028', '😀', 'é', '\r\n', '\t',
  '</rpc>', '<rpc>', '<rpc message-id="9">', '</nc:rpc>', '<nc:x/>', '<a:b:c/>', 'xmlns:nc=""', ' xmlns=""',
  ...PROTO_NAMES.map((n) => `<${n}/>`),
  ...PROTO_NAMES.map((n) => ` ${n}="1"`),
];

export type MessageMutator = (p: Prng, s: string) => string;

function at(p: Prng, s: string): number {
  // Favour places next to markup, where parsers make decisions.
  if (p.chance(0.5)) {
    const marks: number[] = [];
    for (let i = 0; i < s.length && marks.length < 400; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27 || c === 0x3d || c === 0x26) marks.push(i + p.int(0, 1));
    }
    if (marks.length > 0) return Math.min(s.length, p.pick(marks));
  }
  return p.int(0, s.length);
}

const ATTR = /\s([\w:.-]+)\s*=\s*("[^"<]*"|'[^'<]*')/g;
const TAG = /<\/?([\w.-]+:)?([\w.-]+)/g;

function attributes(s: string): Array<{ index: number; text: string; name: string }> {
  const out: Array<{ index: number; text: string; name: string }> = [];
  for (const m of s.matchAll(ATTR)) out.push({ index: m.index!, text: m[0], name: m[1]! });
  return out;
}

function tagNames(s: string): string[] {
  const names = new Set<string>();
  for (const m of s.matchAll(TAG)) names.add(m[2]!);
  return [...names];
}

function replaceTagName(s: string, from: string, to: string): string {
  return s.replace(new RegExp(`(</?(?:[\\w.-]+:)?)${from.replace(/[.]/g, '\\.')}(?=[\\s/>])`, 'g'), `$1${to}`);
}

function firstElementEnd(s: string, skip: number): number {
  // The `>` of the skip-th start tag (0: the root).
  let n = -1;
  for (const m of s.matchAll(/<([\w.:-]+)[^<>]*>/g)) {
    if (m[0].startsWith('<?') || m[0].startsWith('<!')) continue;
    n++;
    if (n === skip) return m.index! + m[0].length;
  }
  return -1;
}

/** Adds an attribute to the n-th start tag (0: the root). */
function addAttribute(s: string, n: number, attr: string): string {
  const i = firstElementEnd(s, n);
  if (i < 0) return s;
  const j = s[i - 2] === '/' ? i - 2 : i - 1;
  return `${s.slice(0, j)} ${attr}${s.slice(j)}`;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export const MESSAGE_MUTATORS: ReadonlyArray<readonly [number, string, MessageMutator]> = [
  [6, 'truncate', (p, s) => s.slice(0, p.int(0, s.length))],
  [10, 'insert-special', (p, s) => {
    const i = at(p, s);
    return s.slice(0, i) + p.pick(SPECIALS) + s.slice(i);
  }],
  [4, 'delete-span', (p, s) => {
    const i = at(p, s);
    return s.slice(0, i) + s.slice(Math.min(s.length, i + p.int(1, 24)));
  }],
  [3, 'duplicate-span', (p, s) => {
    const i = p.int(0, s.length);
    const span = s.slice(i, i + p.int(1, 40));
    const j = at(p, s);
    return s.slice(0, j) + span + s.slice(j);
  }],
  [4, 'duplicate-attribute', (p, s) => {
    const a = attributes(s);
    if (a.length === 0) return s;
    const x = p.pick(a);
    return s.slice(0, x.index) + x.text + x.text + s.slice(x.index + x.text.length);
  }],
  [4, 'remove-attribute', (p, s) => {
    const a = attributes(s);
    if (a.length === 0) return s;
    const x = p.chance(0.5) ? (a.find((y) => y.name === 'message-id') ?? p.pick(a)) : p.pick(a);
    return s.slice(0, x.index) + s.slice(x.index + x.text.length);
  }],
  [6, 'prototype-names', (p, s) => {
    const name = p.pick(PROTO_NAMES);
    switch (p.int(0, 4)) {
      case 0: {
        const tags = tagNames(s);
        return tags.length ? replaceTagName(s, p.pick(tags), name) : s;
      }
      case 1: {
        const a = attributes(s);
        if (a.length === 0) return s;
        const x = p.pick(a);
        return s.slice(0, x.index) + x.text.replace(/^(\s)[\w:.-]+/, `$1${name}`) + s.slice(x.index + x.text.length);
      }
      case 2: {
        // as an attribute value: format="toString", message-id="__proto__"
        const a = attributes(s);
        const x = a.length && p.chance(0.7) ? p.pick(a) : undefined;
        if (x) return s.slice(0, x.index) + x.text.replace(/=\s*(["']).*\1$/, `="${name}"`) + s.slice(x.index + x.text.length);
        return addAttribute(s, 1, `format="${name}"`);
      }
      case 3: {
        // as a child leaf of the operation
        const i = firstElementEnd(s, 1);
        if (i < 0 || s[i - 2] === '/') return s;
        return `${s.slice(0, i)}<${name}>${p.pick(PROTO_NAMES)}</${name}>${s.slice(i)}`;
      }
      default:
        return addAttribute(s, p.int(0, 1), `${name}="${p.pick(PROTO_NAMES)}"`);
    }
  }],
  [3, 'huge-attribute', (p, s) => {
    const len = p.weighted([[6, p.int(1000, 20_000)], [3, p.int(20_000, 120_000)], [1, p.int(120_000, 200_000)]]);
    const unit = p.pick(['a', 'ab&amp;', '&#65;', ' ', 'é', '&quot;x']);
    return addAttribute(s, p.int(0, 2), `huge="${repeatTo(unit, len).replace(/&[^;]*$/, '')}"`);
  }],
  [2, 'huge-text', (p, s) => {
    const i = firstElementEnd(s, p.int(1, 2));
    if (i < 0 || s[i - 2] === '/') return s;
    const unit = p.pick(['x', 'a b ', '&lt;', ']]', '<![CDATA[]]]>', '<!---->', ']]]]>']);
    return s.slice(0, i) + repeatTo(unit, p.int(1000, 60_000)).replace(/&[^;]*$/, '') + s.slice(i);
  }],
  [3, 'deep-nesting', (p, s) => {
    const i = firstElementEnd(s, 1);
    if (i < 0 || s[i - 2] === '/') return s;
    const n = p.weighted([[4, p.int(20, 40)], [3, p.int(55, 75)], [2, p.int(100, 2000)], [1, p.int(5000, 20000)]]);
    const tag = p.pick(['a', 'x:y', 'configuration', '__proto__']);
    const close = p.chance(0.8);
    return s.slice(0, i) + `<${tag}>`.repeat(n) + (close ? `</${tag}>`.repeat(n) : '') + s.slice(i);
  }],
  [3, 'weird-message-id', (p, s) => {
    const v = p.pick(['', ' ', '&quot;', '&lt;&gt;', '&#1;', '&#x1F600;', '\u00e9\u4e2d', ']]>]]>', '\n#3\n', '\n##\n', ...PROTO_NAMES, 'a'.repeat(p.int(100, 5000)), '&amp;&amp;', "a'b"]);
    return s.replace(/message-id\s*=\s*(["'])[^"']*\1/, `message-id="${v}"`);
  }],
  [2, 'case-change', (p, s) => {
    const tags = tagNames(s);
    return tags.length ? replaceTagName(s, p.pick(tags), p.pick(tags).toUpperCase()) : s;
  }],
  [2, 'namespace', (p, s) => {
    switch (p.int(0, 3)) {
      case 0:
        return s.replace(/xmlns(:nc)?="[^"]*"/, (m, pre: string | undefined) => `xmlns${pre ?? ''}="${p.pick(['', 'urn:wrong', 'urn:ietf:params:xml:ns:netconf:base:1.1'])}"`);
      case 1:
        return s.replace(/\sxmlns(:nc)?="[^"]*"/, '');
      case 2:
        return s.replace(/<(\/?)(get-|request-|command|load-)/g, '<$1zz:$2');
      default:
        return s.replace(/<(\/?)nc:/g, '<$1NC:');
    }
  }],
  [2, 'markup-whitespace', (p, s) => {
    const variants: Array<[RegExp, string]> = [
      [/<rpc/, '<rpc   \n'],
      [/message-id=/, 'message-id \t= '],
      [/<\/(nc:)?rpc>/, '</$1rpc\n >'],
      [/<(?=[a-z])/, '< '],
      [/\/>/, '/ >'],
    ];
    const [re, by] = p.pick(variants);
    return s.replace(re, by);
  }],
  [2, 'quadratic-probes', (p, s) => {
    // Inputs that make a naive scanner revisit text: unterminated constructs, many small sections.
    const i = firstElementEnd(s, 1);
    if (i < 0 || s[i - 2] === '/') return s;
    const n = p.int(500, 6000);
    const probe = p.pick([
      '<![CDATA['.repeat(n),
      '<![CDATA[x]]>'.repeat(n),
      '<!--x-->'.repeat(n),
      ']]'.repeat(n * 3),
      '<'.repeat(n),
      '&'.repeat(n),
      '<a '.repeat(n),
      `<a b="${'x'.repeat(n)}`,
    ]);
    return s.slice(0, i) + probe + s.slice(i);
  }],
];

export function mutateMessage(p: Prng, xml: string, names: string[]): string {
  let s = xml;
  const n = p.weighted([[6, 1], [3, 2], [1, 3]]);
  for (let k = 0; k < n; k++) {
    const [, name, m] = p.weighted(MESSAGE_MUTATORS.map(([w, nm, f]) => [w, [w, nm, f] as const] as const));
    names.push(name);
    s = m(p, s);
  }
  return s;
}

/** Byte flips, applied to the encoded message (they may leave it not UTF-8). */
export function flipBytes(p: Prng, b: Buffer): Buffer {
  const out = Buffer.from(b);
  const n = p.int(1, 3);
  for (let k = 0; k < n && out.length > 0; k++) out[p.int(0, out.length - 1)] = p.chance(0.5) ? p.int(0, 255) : out[p.int(0, out.length - 1)]! ^ (1 << p.int(0, 7));
  return out;
}

/** One message framed, perhaps wrongly. `names` collects what was done. */
export function frameWith(p: Prng, body: Buffer, framing: Framing, corrupt: boolean, maxMessageBytes: number, names: string[]): Buffer {
  if (framing === 'eom') {
    const end = corrupt
      ? p.weighted<[string, string]>([
          [3, ['eom-missing', '']],
          [2, ['eom-partial', ']]>]]']],
          [2, ['eom-doubled', ']]>]]>]]>]]>']],
          [1, ['eom-crlf', ']]>]]>\r\n']],
          [1, ['eom-leading-lf', '\n]]>]]>\n']],
          [1, ['eom-no-newline', ']]>]]>']],
          [1, ['eom-spaces', ']]>]]>  \t\n\n']],
        ])
      : (['', ']]>]]>\n'] as [string, string]);
    if (end[0]) names.push(end[0]);
    return Buffer.concat([body, Buffer.from(end[1])]);
  }
  // chunked
  const pieces: Buffer[] = [];
  const chunks = !corrupt && p.chance(0.3) ? p.int(2, 5) : 1;
  let off = 0;
  for (let c = 0; c < chunks; c++) {
    const len = c === chunks - 1 ? body.length - off : Math.max(1, Math.floor((body.length - off) / (chunks - c)));
    if (len <= 0) break;
    pieces.push(Buffer.from(`\n#${len}\n`), body.subarray(off, off + len));
    off += len;
  }
  let out = Buffer.concat([...pieces, Buffer.from('\n##\n')]);
  if (!corrupt || body.length === 0) return body.length === 0 ? Buffer.from('\n##\n') : out;
  const kind = p.weighted<string>([
    [3, 'size-off-by'],
    [2, 'size-zero'],
    [1, 'size-leading-zero'],
    [2, 'size-not-digits'],
    [1, 'size-empty'],
    [1, 'size-11-digits'],
    [1, 'size-2^32'],
    [2, 'size-over-limit'],
    [3, 'end-missing'],
    [2, 'end-no-lf'],
    [1, 'end-triple-hash'],
    [1, 'end-no-leading-lf'],
    [1, 'end-crlf'],
    [1, 'header-no-lf'],
    [1, 'eom-in-chunked'],
    [1, 'space-between'],
    [1, 'end-alone'],
  ]);
  names.push(kind);
  const header = (size: string): Buffer => Buffer.concat([Buffer.from(`\n#${size}\n`), body, Buffer.from('\n##\n')]);
  switch (kind) {
    case 'size-off-by':
      return header(String(Math.max(1, body.length + p.pick([-3, -2, -1, 1, 2, 5, 40]))));
    case 'size-zero':
      return header('0');
    case 'size-leading-zero':
      return header(`0${body.length}`);
    case 'size-not-digits':
      return header(p.pick([`${body.length}a`, `+${body.length}`, ` ${body.length}`, `${body.length} `, '-1', `${body.length}\r`]));
    case 'size-empty':
      return header('');
    case 'size-11-digits':
      return header('12345678901');
    case 'size-2^32':
      return header('4294967296');
    case 'size-over-limit':
      return Buffer.from(`\n#${maxMessageBytes + p.int(1, 100000)}\n`);
    case 'end-missing':
      return Buffer.concat([Buffer.from(`\n#${body.length}\n`), body]);
    case 'end-no-lf':
      return Buffer.concat([Buffer.from(`\n#${body.length}\n`), body, Buffer.from('\n##')]);
    case 'end-triple-hash':
      return Buffer.concat([Buffer.from(`\n#${body.length}\n`), body, Buffer.from('\n###\n')]);
    case 'end-no-leading-lf':
      return Buffer.concat([Buffer.from(`\n#${body.length}\n`), body, Buffer.from('##\n')]);
    case 'end-crlf':
      return Buffer.concat([Buffer.from(`\r\n#${body.length}\r\n`), body, Buffer.from('\r\n##\r\n')]);
    case 'header-no-lf':
      return Buffer.concat([Buffer.from(`#${body.length}\n`), body, Buffer.from('\n##\n')]);
    case 'eom-in-chunked':
      return Buffer.concat([body, Buffer.from(']]>]]>')]);
    case 'space-between':
      out = Buffer.concat([Buffer.from(p.pick([' ', '\r', '\t', '\n\n', ' \n'])), out]);
      return out;
    default:
      return Buffer.from('\n##\n');
  }
}

/** Splits a stream into the writes a client makes: one, a few, or byte by byte around boundaries. */
export function splitWrites(p: Prng, data: Buffer, names: string[]): Buffer[] {
  const mode = p.weighted<string>([[3, 'one'], [4, 'random'], [2, 'bytes-at-boundaries'], [1, 'inside-markers']]);
  names.push(`writes-${mode}`);
  const cuts = new Set<number>();
  if (mode === 'random') {
    const n = p.int(1, 8);
    for (let i = 0; i < n; i++) cuts.add(p.int(1, Math.max(1, data.length - 1)));
  } else if (mode === 'bytes-at-boundaries' || mode === 'inside-markers') {
    const marks: number[] = [];
    const s = data.toString('latin1');
    for (const re of [/\]\]>\]\]>/g, /\n#+/g]) for (const m of s.matchAll(re)) marks.push(m.index!);
    for (const m of marks.slice(0, 40)) {
      if (mode === 'inside-markers') cuts.add(m + p.int(1, 5));
      else for (let k = -2; k < 8; k++) cuts.add(m + k);
    }
  }
  const sorted = [...cuts].filter((c) => c > 0 && c < data.length).sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const c of sorted) {
    out.push(data.subarray(prev, c));
    prev = c;
  }
  out.push(data.subarray(prev));
  return out.filter((b) => b.length > 0);
}
