import { XMLParser } from 'fast-xml-parser';
import type { XmlElement } from './element.js';

export interface ParseLimits {
  /** Deepest element nesting accepted. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64 };

export class XmlParseError extends Error {}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // References are decoded here in one pass (decodeReferences), so `&amp;#65;`
  // stays `&#65;`; DOCTYPE is refused before parsing, so nothing else expands.
  processEntities: false,
  htmlEntities: false,
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function decodeReferences(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);/g, (_m, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;
const BAD_REFERENCE = /&(?!(?:lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);)/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * One pass over the message that refuses what a NETCONF peer never needs and
 * an attacker uses (a DOCTYPE: entity bombs, external entities; runaway
 * nesting) and checks well-formedness of the markup: tag names match, tags
 * close, attributes are quoted and not repeated, references are known. It
 * runs before the parser, which is lenient, so nothing malformed reaches it.
 */
function precheck(xml: string, limits: ParseLimits): void {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) throw new XmlParseError('DOCTYPE is not allowed');
  const outsideCdata = xml.includes('<![CDATA[') ? xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '') : xml;
  if (BAD_REFERENCE.test(outsideCdata)) throw new XmlParseError('unknown entity or bare & in text');
  const stack: string[] = [];
  let i = 0;
  const n = xml.length;
  let rootClosed = false;
  const fail = (msg: string): never => {
    throw new XmlParseError(`${msg} at offset ${i}`);
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (stack.length === 0 && xml.slice(i).trim() !== '') fail('text outside the root element');
      break;
    }
    if (stack.length === 0 && xml.slice(i, lt).trim() !== '') {
      i = lt;
      fail('text outside the root element');
    }
    i = lt;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        if (stack.length === 0) fail('CDATA outside the root element');
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) fail('unterminated CDATA section');
        i = end + 3;
      } else if (/^<!DOCTYPE/i.test(xml.slice(lt, lt + 9)) || /^<!ENTITY/i.test(xml.slice(lt, lt + 8))) {
        throw new XmlParseError('DOCTYPE is not allowed');
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
    if (j >= n || !NAME_START.test(xml[j]!)) fail('bad tag name');
    const nameStart = j;
    while (j < n && NAME_CHAR.test(xml[j]!)) j++;
    const name = xml.slice(nameStart, j);
    if (closing) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml[j] !== '>') fail(`bad end tag </${name}`);
      const open = stack.pop();
      if (open !== name) fail(open === undefined ? `end tag </${name}> without a start tag` : `</${name}> closes <${open}>`);
      if (stack.length === 0) rootClosed = true;
      i = j + 1;
      continue;
    }
    if (rootClosed && stack.length === 0) fail('more than one root element');
    const seen = new Set<string>();
    for (;;) {
      const before = j;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) fail(`unterminated tag <${name}`);
      if (xml[j] === '>' || (xml[j] === '/' && xml[j + 1] === '>')) break;
      if (j === before) fail(`missing space before attribute in <${name}`);
      const aStart = j;
      if (!NAME_START.test(xml[j]!)) fail(`bad attribute in <${name}`);
      while (j < n && NAME_CHAR.test(xml[j]!)) j++;
      const attr = xml.slice(aStart, j);
      if (seen.has(attr)) fail(`attribute ${attr} repeated in <${name}`);
      seen.add(attr);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml[j] !== '=') fail(`attribute ${attr} without a value in <${name}`);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml[j];
      if (q !== '"' && q !== "'") fail(`unquoted value of ${attr} in <${name}`);
      const end = xml.indexOf(q!, j + 1);
      if (end < 0) fail(`unterminated value of ${attr} in <${name}`);
      if (xml.slice(j + 1, end).includes('<')) fail(`'<' in the value of ${attr}`);
      j = end + 1;
    }
    if (xml[j] === '/') {
      if (stack.length === 0) rootClosed = true;
      i = j + 2;
      continue;
    }
    stack.push(name);
    if (stack.length > limits.maxDepth) throw new XmlParseError(`nesting deeper than ${limits.maxDepth}`);
    i = j + 1;
  }
  if (stack.length > 0) throw new XmlParseError(`<${stack[stack.length - 1]}> is not closed`);
  if (!rootClosed) throw new XmlParseError('no root element');
}

type Node = Record<string, unknown>;

function splitName(qname: string): { prefix: string; name: string } {
  const colon = qname.indexOf(':');
  return colon < 0 ? { prefix: '', name: qname } : { prefix: qname.slice(0, colon), name: qname.slice(colon + 1) };
}

function convert(node: Node): XmlElement | undefined {
  let tag: string | undefined;
  for (const k of Object.keys(node)) {
    if (k !== ':@') {
      tag = k;
      break;
    }
  }
  if (tag === undefined || tag === '#text' || tag === '#comment') return undefined;
  const attrsRaw = (node[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsRaw)) attrs[k] = v === true ? '' : decodeReferences(String(v));
  const kids = node[tag] as Node[];
  const children: XmlElement[] = [];
  let text = '';
  for (const k of kids) {
    if ('#text' in k) text += decodeReferences(String(k['#text']));
    else {
      const el = convert(k);
      if (el) children.push(el);
    }
  }
  const { prefix, name } = splitName(tag);
  return { name, prefix, attrs, children, text };
}

/** Parses one NETCONF message into its root element. */
export function parseXml(xml: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): XmlElement {
  precheck(xml, limits);
  const nodes = parser.parse(xml) as Node[];
  const roots = nodes.map(convert).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw new XmlParseError(roots.length === 0 ? 'no root element' : 'more than one root element');
  return roots[0]!;
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
