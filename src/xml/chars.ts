/**
 * XML 1.0 (fifth edition) character classes, by UTF-16 code unit with an
 * ASCII table first: names are scanned in every tag of every RPC.
 */

const NAME_START = 1;
const NAME_CHAR = 2;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
  const other = (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;
  ASCII[c] = letter ? NAME_START | NAME_CHAR : other ? NAME_CHAR : 0;
}

/** NameStartChar above ASCII, by code point. */
function isWideNameStart(cp: number): boolean {
  return (
    (cp >= 0xc0 && cp <= 0xd6) ||
    (cp >= 0xd8 && cp <= 0xf6) ||
    (cp >= 0xf8 && cp <= 0x2ff) ||
    (cp >= 0x370 && cp <= 0x37d) ||
    (cp >= 0x37f && cp <= 0x1fff) ||
    cp === 0x200c ||
    cp === 0x200d ||
    (cp >= 0x2070 && cp <= 0x218f) ||
    (cp >= 0x2c00 && cp <= 0x2fef) ||
    (cp >= 0x3001 && cp <= 0xd7ff) ||
    (cp >= 0xf900 && cp <= 0xfdcf) ||
    (cp >= 0xfdf0 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0xeffff)
  );
}

function isWideNameChar(cp: number): boolean {
  return isWideNameStart(cp) || cp === 0xb7 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x203f || cp === 0x2040;
}

/** The code point at i (a surrogate pair read whole), or -1 past the end. */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return Number.isNaN(c) ? -1 : c;
}

/**
 * The end of the XML Name that starts at i, or i itself where no name starts
 * there. Colons are name characters here; namespaces check them afterwards.
 */
export function scanName(s: string, i: number): number {
  const n = s.length;
  let j = i;
  let c = s.charCodeAt(j);
  if (c < 128) {
    if (!(ASCII[c]! & NAME_START)) return i;
    j++;
  } else {
    const cp = codePointAt(s, j);
    if (!isWideNameStart(cp)) return i;
    j += cp > 0xffff ? 2 : 1;
  }
  while (j < n) {
    c = s.charCodeAt(j);
    if (c < 128) {
      if (!(ASCII[c]! & NAME_CHAR)) break;
      j++;
      continue;
    }
    const cp = codePointAt(s, j);
    if (!isWideNameChar(cp)) break;
    j += cp > 0xffff ? 2 : 1;
  }
  return j;
}

/** Whether a name can start at i (one character looked at, a colon excluded: it is for QNames' local parts and prefixes). */
export function isNameStartAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c !== 0x3a && (ASCII[c]! & NAME_START) !== 0;
  return isWideNameStart(codePointAt(s, i));
}

/** XML white space (S): space, tab, line feed, carriage return. */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** XML Char: what a document may hold, raw or by reference. */
export function isXmlChar(cp: number): boolean {
  return cp >= 0x20 ? cp <= 0xd7ff || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff) : cp === 0x09 || cp === 0x0a || cp === 0x0d;
}

/** The first character XML 1.0 does not allow (lone surrogates included). */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Offset of the first character that is not an XML Char, or -1. */
export function firstNonXmlChar(s: string): number {
  const m = NOT_XML_CHAR.exec(s);
  return m ? m.index : -1;
}

/** `U+0001`: how error messages name a character, never quoting it raw. */
export function describeChar(s: string, i: number): string {
  return `U+${codePointAt(s, i).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A fresh copy of a short string cut from a message, for a memo: a slice
 * would keep the whole message it was cut from alive. Longer ones are not
 * worth remembering.
 */
export function memoCopy(s: string): string {
  return s.length <= 256 ? (JSON.parse(JSON.stringify(s)) as string) : '';
}
