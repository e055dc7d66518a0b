import { XMLParser, XMLValidator } from 'fast-xml-parser';
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

/**
 * Refuses what a NETCONF peer never needs and an attacker uses: a DOCTYPE
 * (entity bombs, external entities) and runaway nesting. Runs before the
 * parser so neither reaches it.
 */
function precheck(xml: string, limits: ParseLimits): void {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) throw new XmlParseError('DOCTYPE is not allowed');
  let depth = 0;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      const end = xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt + 4) : xml.startsWith('<![CDATA[', lt) ? xml.indexOf(']]>', lt + 9) : xml.indexOf('>', lt);
      if (end < 0) throw new XmlParseError('unterminated markup');
      i = end + 1;
      continue;
    }
    if (c === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) throw new XmlParseError('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new XmlParseError('unterminated tag');
    if (c === 0x2f /* / */) depth--;
    else if (xml.charCodeAt(gt - 1) !== 0x2f) {
      depth++;
      if (depth > limits.maxDepth) throw new XmlParseError(`nesting deeper than ${limits.maxDepth}`);
    }
    i = gt + 1;
  }
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
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) throw new XmlParseError(`${valid.err.msg} (line ${valid.err.line})`);
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
