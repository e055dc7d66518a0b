/**
 * The XML declaration, `<?xml version="1.0" encoding="UTF-8" standalone="no"?>`,
 * checked the way libxml2 checks it. The declared encoding is not acted on: a
 * NETCONF message is UTF-8 (RFC 6241), decoded before it gets here, so any
 * well-formed encoding name is read as if it said UTF-8.
 */
import { isSpace, memoCopy } from './chars.js';
import { XmlParseError } from './parse-error.js';

function fail(msg: string): never {
  throw new XmlParseError(`XML declaration: ${msg}`);
}

/**
 * Reads ` name = "value"` at i (white space first, as the caller requires);
 * returns undefined where the next pseudo-attribute is not `name`.
 */
function pseudoAttribute(xml: string, i: number, name: string): { value: string; end: number } | undefined {
  let j = i;
  while (isSpace(xml.charCodeAt(j))) j++;
  if (!xml.startsWith(name, j)) return undefined;
  j += name.length;
  while (isSpace(xml.charCodeAt(j))) j++;
  if (xml[j] !== '=') fail(`= expected after ${name}`);
  j++;
  while (isSpace(xml.charCodeAt(j))) j++;
  const q = xml[j];
  if (q !== '"' && q !== "'") fail(`the value of ${name} is not quoted`);
  const close = xml.indexOf(q, j + 1);
  if (close < 0) fail(`the value of ${name} is not closed`);
  return { value: xml.slice(j + 1, close), end: close + 1 };
}

/** The last declaration found well-formed: a client sends the same one with every message. */
let lastGood = '';

/** xml[i] starts `<?xml` and a blank; returns the offset after `?>`. */
export function skipXmlDeclaration(xml: string, i: number): number {
  if (lastGood !== '' && xml.startsWith(lastGood, i)) return i + lastGood.length;
  const end = checkXmlDeclaration(xml, i);
  lastGood = memoCopy(xml.slice(i, end));
  return end;
}

function checkXmlDeclaration(xml: string, i: number): number {
  let j = i + 5;
  const version = pseudoAttribute(xml, j, 'version');
  if (!version) fail('version expected');
  if (!/^[0-9]\.[0-9]*$/.test(version.value)) fail('bad version number');
  if (version.value[0] !== '1') fail(`unsupported version ${version.value}`);
  j = version.end;
  const spaced = (): boolean => isSpace(xml.charCodeAt(j));
  const atEnd = (): boolean => xml.startsWith('?>', j);
  if (!spaced() && !atEnd()) fail('white space needed before the next part');
  const encoding = pseudoAttribute(xml, j, 'encoding');
  if (encoding) {
    if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(encoding.value)) fail('bad encoding name');
    // libxml2 wants no blank here for UTF-8, and every name is read as UTF-8.
    j = encoding.end;
  }
  const standalone = pseudoAttribute(xml, j, 'standalone');
  if (standalone) {
    if (standalone.value !== 'yes' && standalone.value !== 'no') fail('standalone is yes or no');
    j = standalone.end;
  }
  while (isSpace(xml.charCodeAt(j))) j++;
  if (!atEnd()) fail('?> expected');
  return j + 2;
}
