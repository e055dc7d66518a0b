import { describeChar, firstNonXmlChar, isSpace, scanName } from './chars.js';
import { skipXmlDeclaration } from './declaration.js';
import type { XmlElement } from './element.js';
import { checkQName, NamespaceScope } from './namespaces.js';
import { XmlParseError } from './parse-error.js';
import { decodeReferences } from './references.js';

export { XmlParseError } from './parse-error.js';
export { rawRootAttributes } from './root-attributes.js';

export interface ParseLimits {
  /** Deepest element nesting accepted. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64 };

/**
 * Characters examined by searches since the process started: the only steps
 * of the parser that look past the token at hand. Tests hold it to a small
 * multiple of the message size, which is what keeps parsing linear.
 */
let searched = 0;
export function searchedChars(): number {
  return searched;
}

interface Building {
  name: string;
  prefix: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Shared by every element without children until its first (most elements have one child or none). */
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/**
 * Open elements and their qualified names, reused by every parse (a parse
 * runs to its end or throws without yielding, so no two share them; each
 * starts by emptying them). One RPC then allocates only its own elements.
 */
const openStack: Building[] = [];
const openNames: string[] = [];

/** Shared by every element without attributes; null prototype, so no client name finds an inherited member. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

function fail(msg: string, at: number): never {
  throw new XmlParseError(`${msg} at offset ${at}`);
}

/** xml.indexOf(needle, from), counted. */
function find(xml: string, needle: string, from: number): number {
  const at = xml.indexOf(needle, from);
  searched += (at < 0 ? xml.length : at + needle.length) - from;
  return at;
}

/** Character data between two pieces of markup: no `]]>`, references decoded. */
function characterData(xml: string, from: number, to: number): string {
  const raw = xml.slice(from, to);
  searched += 2 * raw.length;
  if (raw.includes(']]>')) fail(']]> in text (escape it as ]]&gt;)', from + raw.indexOf(']]>'));
  try {
    return decodeReferences(raw);
  } catch (err) {
    throw new XmlParseError(`${(err as Error).message} at offset ${from}`);
  }
}

/**
 * Attribute-value normalisation (XML 1.0, 3.3.3): each literal white-space
 * character becomes a space. References are decoded after, so `&#10;` stays a
 * line feed.
 */
function attributeValue(raw: string, at: number): string {
  if (raw.includes('<')) fail("'<' in an attribute value", at);
  searched += 3 * raw.length;
  const spaced = raw.includes('\n') || raw.includes('\t') ? raw.replace(/[\t\n]/g, ' ') : raw;
  try {
    return decodeReferences(spaced);
  } catch (err) {
    throw new XmlParseError(`${(err as Error).message} at offset ${at}`);
  }
}

/** `<!--` at lt: returns the offset after `-->`. */
function comment(xml: string, lt: number): number {
  const end = find(xml, '-->', lt + 4);
  if (end < 0) fail('unterminated comment', lt);
  // '-->' holds '--' too, so this search never passes `end`.
  const dashes = find(xml, '--', lt + 4);
  if (dashes < end) fail('-- inside a comment', dashes);
  return end + 3;
}

/** `<?` at lt: returns the offset after `?>`. */
function processingInstruction(xml: string, lt: number): number {
  const t = lt + 2;
  const tEnd = scanName(xml, t);
  if (tEnd === t) fail('processing instruction without a target', lt);
  if (tEnd - t === 3 && xml.slice(t, tEnd).toLowerCase() === 'xml') fail('XML declaration not at the start of the message', lt);
  if (xml.slice(t, tEnd).includes(':')) fail('colon in a processing-instruction target', lt);
  if (xml.startsWith('?>', tEnd)) return tEnd + 2;
  if (!isSpace(xml.charCodeAt(tEnd))) fail('processing-instruction target not followed by white space', tEnd);
  const end = find(xml, '?>', tEnd);
  if (end < 0) fail('unterminated processing instruction', lt);
  return end + 2;
}

/** libxml2 holds xml:id to its own recommendation: the value, spaces aside, is a name without colons. */
function checkXmlId(value: string, lt: number): void {
  const id = value.replace(/^ +| +$/g, '');
  if (id === '' || id.includes(':') || scanName(id, 0) !== id.length) fail('xml:id is not a name', lt);
}

/** Resolves the prefixes of one start tag's attributes; refuses undeclared ones and one namespaced attribute twice. */
function checkAttributePrefixes(attrs: Record<string, string>, scope: NamespaceScope, count: number, lt: number): void {
  const seen = count > 1 ? new Set<string>() : undefined;
  for (const q of Object.keys(attrs)) {
    const colon = q.indexOf(':');
    if (colon < 0 || q.startsWith('xmlns:')) continue;
    const prefix = q.slice(0, colon);
    if (q === 'xml:id') checkXmlId(attrs[q]!, lt);
    const uri = scope.uri(prefix);
    if (uri === undefined) fail(`namespace prefix ${prefix} of attribute ${q} is not declared`, lt);
    if (seen) {
      const expanded = `{${uri}}${q.slice(colon + 1)}`;
      if (seen.has(expanded)) fail(`attribute ${q.slice(colon + 1)} in namespace ${uri} repeated`, lt);
      seen.add(expanded);
    }
  }
}

/**
 * Parses one NETCONF message into its root element, in one pass: well-formed
 * and namespace-well-formed XML as libxml2 accepts it (test/xml holds the
 * differential test), minus what a NETCONF peer never needs and an attacker
 * uses: a DOCTYPE (entity bombs, external entities) and runaway nesting.
 *
 * Hand-written rather than a library parser plus its validator: this runs
 * for every RPC, and the two library passes were a third of the server's CPU
 * per RPC (docs/benchmarks.md). Every search either ends the token it looks
 * for or ends the parse, so the work is linear in the message size.
 */
export function parseXml(input: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): XmlElement {
  const bad = firstNonXmlChar(input);
  if (bad >= 0) fail(`character ${describeChar(input, bad)} is not allowed in XML`, bad);
  // Line ends are normalised before parsing (XML 1.0, 2.11).
  const xml = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  searched += 2 * input.length;
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  // White space before the declaration is framing, not content: scrapli_netconf
  // sends its hello so, and libxml2 alone would refuse it (docs/design-notes.md).
  let lead = i;
  while (lead < n && isSpace(xml.charCodeAt(lead))) lead++;
  if (xml.startsWith('<?xml', lead) && isSpace(xml.charCodeAt(lead + 5))) i = skipXmlDeclaration(xml, lead);

  const stack = openStack;
  const qnames = openNames;
  stack.length = 0;
  qnames.length = 0;
  const scope = new NamespaceScope();
  let root: XmlElement | undefined;

  while (i < n) {
    const lt = find(xml, '<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (stack.length > 0) stack[stack.length - 1]!.text += characterData(xml, i, textEnd);
      else for (let k = i; k < textEnd; k++) if (!isSpace(xml.charCodeAt(k))) fail(`text ${root ? 'after' : 'before'} the root element`, k);
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        i = comment(xml, lt);
      } else if (xml.startsWith('<![CDATA[', lt)) {
        if (stack.length === 0) fail('CDATA outside the root element', lt);
        const end = find(xml, ']]>', lt + 9);
        if (end < 0) fail('unterminated CDATA section', lt);
        stack[stack.length - 1]!.text += xml.slice(lt + 9, end);
        i = end + 3;
      } else if (xml.startsWith('<!DOCTYPE', lt)) {
        fail('DOCTYPE is not allowed', lt);
      } else {
        fail('unexpected markup <!', lt);
      }
      continue;
    }
    if (c === 0x3f /* ? */) {
      i = processingInstruction(xml, lt);
      continue;
    }
    if (c === 0x2f /* / */) {
      const nameStart = lt + 2;
      const nameEnd = scanName(xml, nameStart);
      let j = nameEnd;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (nameEnd === nameStart || xml.charCodeAt(j) !== 0x3e /* > */) fail('bad end tag', lt);
      const open = qnames.pop();
      if (open === undefined) fail(`end tag </${xml.slice(nameStart, nameEnd)}> without a start tag`, lt);
      if (nameEnd - nameStart !== open.length || !xml.startsWith(open, nameStart)) fail(`</${xml.slice(nameStart, nameEnd)}> closes <${open}>`, lt);
      scope.close(stack.length);
      const done = stack.pop()!;
      if (stack.length > 0) attach(stack[stack.length - 1]!, done);
      else root = done;
      i = j + 1;
      continue;
    }

    if (root !== undefined && stack.length === 0) fail('more than one root element', lt);
    let j = scanName(xml, lt + 1);
    if (j === lt + 1) fail('bad tag name', lt);
    const qname = xml.slice(lt + 1, j);
    const colon = qname.indexOf(':');
    if (colon >= 0) checkQName(qname, colon);
    let attrs: Record<string, string> | undefined;
    let declared: Array<[string, string]> | null = null;
    let prefixed = 0;
    for (;;) {
      const before = j;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) fail(`unterminated tag <${qname}`, lt);
      const d = xml.charCodeAt(j);
      if (d === 0x3e /* > */ || (d === 0x2f /* / */ && xml.charCodeAt(j + 1) === 0x3e)) break;
      if (j === before) fail(`missing space before an attribute in <${qname}`, j);
      const aEnd = scanName(xml, j);
      if (aEnd === j) fail(`bad attribute name in <${qname}`, j);
      const attr = xml.slice(j, aEnd);
      const aColon = attr.indexOf(':');
      if (aColon >= 0) checkQName(attr, aColon);
      if (attrs === undefined) attrs = Object.create(null) as Record<string, string>;
      else if (attrs[attr] !== undefined) fail(`attribute ${attr} repeated in <${qname}`, j);
      j = aEnd;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3d /* = */) fail(`attribute ${attr} without a value in <${qname}`, j);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml[j];
      if (q !== '"' && q !== "'") fail(`unquoted value of ${attr} in <${qname}`, j);
      const end = find(xml, q, j + 1);
      if (end < 0) fail(`unterminated value of ${attr} in <${qname}`, j);
      const value = attributeValue(xml.slice(j + 1, end), j);
      attrs[attr] = value;
      if (aColon === 5 && attr.startsWith('xmlns')) {
        const p = NamespaceScope.declared(attr, value);
        if (p) (declared ??= []).push([p, value]);
      } else if (aColon >= 0) {
        prefixed++;
      } else if (attr === 'xmlns') {
        NamespaceScope.declared(attr, value);
      }
      j = end + 1;
    }
    const depth = stack.length + 1;
    if (declared) scope.open(declared, depth);
    if (colon >= 0 && scope.uri(qname.slice(0, colon)) === undefined) fail(`namespace prefix ${qname.slice(0, colon)} is not declared`, lt);
    if (prefixed > 0) checkAttributePrefixes(attrs!, scope, prefixed, lt);
    const el: Building = {
      name: colon < 0 ? qname : qname.slice(colon + 1),
      prefix: colon < 0 ? '' : qname.slice(0, colon),
      attrs: attrs ?? NO_ATTRIBUTES,
      children: NO_CHILDREN,
      text: '',
    };
    if (xml.charCodeAt(j) === 0x2f /* / */) {
      scope.close(depth);
      if (stack.length > 0) attach(stack[stack.length - 1]!, el);
      else root = el;
      i = j + 2;
      continue;
    }
    stack.push(el);
    qnames.push(qname);
    if (stack.length > limits.maxDepth) throw new XmlParseError(`nesting deeper than ${limits.maxDepth}`);
    i = j + 1;
  }
  if (stack.length > 0) throw new XmlParseError(`<${qnames[qnames.length - 1]}> is not closed`);
  if (!root) throw new XmlParseError('no root element');
  return root;
}

function attach(parent: Building, el: XmlElement): void {
  if (parent.children === NO_CHILDREN) parent.children = [el];
  else parent.children.push(el);
}
