/**
 * The client's `<rpc>` attributes as written, which Junos echoes on
 * `<rpc-reply>`. Read even from a message that fails to parse, so an error
 * reply still carries the message-id; only attributes that are well-formed on
 * their own are returned, so the echo never makes the reply malformed.
 */
import { firstNonXmlChar, isNameStartAt, isSpace, scanName } from './chars.js';
import { isQName, NamespaceScope } from './namespaces.js';
import { decodeReferences } from './references.js';

export interface RawAttribute {
  qname: string;
  /** `name="value"` with the client's quotes and value bytes. */
  raw: string;
}

/** What a value needs looked at: `<`, references, controls and white space, surrogates, non-characters. */
const NOT_PLAIN = /[<&\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** The attribute value's text as a parser reads it, or undefined where it is not well-formed. */
function readValue(raw: string): string | undefined {
  if (!NOT_PLAIN.test(raw)) return raw;
  if (raw.includes('<') || firstNonXmlChar(raw) >= 0) return undefined;
  try {
    return decodeReferences(raw.replace(/\r\n?|[\t\n]/g, ' '));
  } catch {
    return undefined;
  }
}

/** The prefix a well-formed declaration binds ('' for the default namespace), or undefined for a bad one. */
function declaration(qname: string, value: string): string | undefined {
  try {
    return NamespaceScope.declared(qname, value) ?? 'xml';
  } catch {
    return undefined;
  }
}

/** Offset of the root start tag's `<`, past the prolog; -1 where there is none. */
function rootStart(xml: string): number {
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (isSpace(xml.charCodeAt(i))) i++;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end + 3;
    } else {
      return xml.charCodeAt(i) === 0x3c && isNameStartAt(xml, i + 1) ? i : -1;
    }
  }
}

/** Whether `out` already holds qname (a set once there are many, so no tag costs quadratic time). */
function seen(out: readonly RawAttribute[], names: Set<string> | undefined, qname: string): boolean {
  if (names) return names.has(qname);
  for (const a of out) if (a.qname === qname) return true;
  return false;
}

export function rawRootAttributes(xml: string): RawAttribute[] {
  const lt = rootStart(xml);
  if (lt < 0) return [];
  let j = scanName(xml, lt + 1);
  const out: RawAttribute[] = [];
  let names: Set<string> | undefined;
  let uris: Map<string, string> | undefined;
  let prefixed = false;
  for (;;) {
    const before = j;
    while (isSpace(xml.charCodeAt(j))) j++;
    if (j === before) break;
    const aEnd = scanName(xml, j);
    if (aEnd === j) break;
    const qname = xml.slice(j, aEnd);
    j = aEnd;
    while (isSpace(xml.charCodeAt(j))) j++;
    if (xml.charCodeAt(j) !== 0x3d /* = */) break;
    j++;
    while (isSpace(xml.charCodeAt(j))) j++;
    const q = xml[j];
    if (q !== '"' && q !== "'") break;
    const end = xml.indexOf(q, j + 1);
    if (end < 0) break;
    const raw = xml.slice(j + 1, end);
    j = end + 1;
    const colon = qname.indexOf(':');
    const value = readValue(raw);
    if (value === undefined || !isQName(qname, colon) || seen(out, names, qname)) continue;
    if (qname === 'xmlns' || (colon === 5 && qname.startsWith('xmlns'))) {
      const prefix = declaration(qname, value);
      if (prefix === undefined) continue;
      (uris ??= new Map()).set(prefix, value);
    } else if (colon >= 0) {
      prefixed = true;
    }
    out.push({ qname, raw: `${qname}=${q}${raw}${q}` });
    if (out.length === 16) names = new Set(out.map((a) => a.qname));
    else names?.add(qname);
  }
  return prefixed ? declaredOnly(out, uris) : out;
}

/** Drops attributes whose prefix this tag does not declare (the root has no ancestors), and namespaced repeats. */
function declaredOnly(attrs: readonly RawAttribute[], uris: ReadonlyMap<string, string> | undefined): RawAttribute[] {
  const expanded = new Set<string>();
  return attrs.filter((a) => {
    const colon = a.qname.indexOf(':');
    if (colon < 0 || a.qname.startsWith('xmlns:')) return true;
    const prefix = a.qname.slice(0, colon);
    const uri = prefix === 'xml' ? 'xml' : uris?.get(prefix);
    const key = `${uri} ${a.qname.slice(colon + 1)}`;
    if (uri === undefined || expanded.has(key)) return false;
    expanded.add(key);
    return true;
  });
}
