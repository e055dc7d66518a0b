import type { XmlElement } from './element.js';

export interface ParseLimits {
  /** Deepest element nesting accepted. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64 };

export class XmlParseError extends Error {}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Decodes the five predefined entities and character references, nothing else. */
function decodeReferences(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);/g, (_m, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/** XML name characters, by code unit (a regex per character was a visible share of each RPC). */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0xb7;
}
const BAD_REFERENCE = /&(?!(?:lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);)/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

interface Building {
  name: string;
  prefix: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function splitName(qname: string): { prefix: string; name: string } {
  const colon = qname.indexOf(':');
  return colon < 0 ? { prefix: '', name: qname } : { prefix: qname.slice(0, colon), name: qname.slice(colon + 1) };
}

/**
 * Parses one NETCONF message into its root element, in one pass that also
 * refuses what a NETCONF peer never needs and an attacker uses (a DOCTYPE:
 * entity bombs, external entities; runaway nesting) and anything that is not
 * well-formed: mismatched or unclosed tags, unquoted or repeated attributes,
 * unknown references, text outside the root.
 *
 * Hand-written rather than a library parser plus its validator: this runs
 * for every RPC, and the two library passes were a third of the server's CPU
 * per RPC (docs/benchmarks.md).
 */
export function parseXml(xml: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): XmlElement {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) throw new XmlParseError('DOCTYPE is not allowed');
  const outsideCdata = xml.includes('<![CDATA[') ? xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '') : xml;
  if (BAD_REFERENCE.test(outsideCdata)) throw new XmlParseError('unknown entity or bare & in text');
  const stack: Building[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const n = xml.length;
  const fail = (msg: string): never => {
    throw new XmlParseError(`${msg} at offset ${i}`);
  };
  const attach = (el: XmlElement): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const top = stack[stack.length - 1];
      if (top) top.text += decodeReferences(xml.slice(i, textEnd));
      else if (xml.slice(i, textEnd).trim() !== '') fail('text outside the root element');
    }
    if (lt < 0) break;
    i = lt;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const top = stack[stack.length - 1];
        if (!top) fail('CDATA outside the root element');
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) fail('unterminated CDATA section');
        top!.text += xml.slice(lt + 9, end);
        i = end + 3;
      } else {
        fail('unexpected markup');
      }
      continue;
    }
    if (c === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) fail('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    const closing = c === 0x2f; /* / */
    let j = lt + (closing ? 2 : 1);
    if (j >= n || !isNameStart(xml.charCodeAt(j))) fail('bad tag name');
    const nameStart = j;
    while (j < n && isNameChar(xml.charCodeAt(j))) j++;
    const qname = xml.slice(nameStart, j);
    if (closing) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml[j] !== '>') fail(`bad end tag </${qname}`);
      const open = stack.pop();
      if (!open) fail(`end tag </${qname}> without a start tag`);
      const openQname = open!.prefix ? `${open!.prefix}:${open!.name}` : open!.name;
      if (openQname !== qname) fail(`</${qname}> closes <${openQname}>`);
      attach(open!);
      i = j + 1;
      continue;
    }
    if (root && stack.length === 0) fail('more than one root element');
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = j;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) fail(`unterminated tag <${qname}`);
      if (xml[j] === '>' || (xml[j] === '/' && xml[j + 1] === '>')) break;
      if (j === before) fail(`missing space before attribute in <${qname}`);
      const aStart = j;
      if (!isNameStart(xml.charCodeAt(j))) fail(`bad attribute in <${qname}`);
      while (j < n && isNameChar(xml.charCodeAt(j))) j++;
      const attr = xml.slice(aStart, j);
      if (attr in attrs) fail(`attribute ${attr} repeated in <${qname}`);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml[j] !== '=') fail(`attribute ${attr} without a value in <${qname}`);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml[j];
      if (q !== '"' && q !== "'") fail(`unquoted value of ${attr} in <${qname}`);
      const end = xml.indexOf(q!, j + 1);
      if (end < 0) fail(`unterminated value of ${attr} in <${qname}`);
      const value = xml.slice(j + 1, end);
      if (value.includes('<')) fail(`'<' in the value of ${attr}`);
      attrs[attr] = decodeReferences(value);
      j = end + 1;
    }
    const { prefix, name } = splitName(qname);
    const el: Building = { name, prefix, attrs, children: [], text: '' };
    if (xml[j] === '/') {
      attach(el);
      i = j + 2;
      continue;
    }
    stack.push(el);
    if (stack.length > limits.maxDepth) throw new XmlParseError(`nesting deeper than ${limits.maxDepth}`);
    i = j + 1;
  }
  if (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    throw new XmlParseError(`<${top.prefix ? `${top.prefix}:` : ''}${top.name}> is not closed`);
  }
  if (!root) throw new XmlParseError('no root element');
  return root;
}

/**
 * The raw attribute text of the root start tag, so a reply can echo the
 * client's attributes byte for byte, quoting style included.
 */
export function rawRootAttributes(xml: string): Array<{ qname: string; raw: string }> {
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return [];
    const c = xml[i + 1];
    if (c === '?' || c === '!') {
      i = xml.indexOf('>', i) + 1;
      if (i === 0) return [];
      continue;
    }
    break;
  }
  const gt = xml.indexOf('>', i);
  const tag = xml.slice(i, gt < 0 ? xml.length : gt);
  const out: Array<{ qname: string; raw: string }> = [];
  const re = /\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) out.push({ qname: m[1]!, raw: `${m[1]}=${m[2]}` });
  return out;
}
