import { isXmlChar } from './chars.js';
import { XmlParseError } from './parse-error.js';

function predefined(name: string): string | undefined {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'apos':
      return "'";
    case 'quot':
      return '"';
    default:
      return undefined;
  }
}

/** The code point of `#65` or `#x41`, or -1 where it is not a character reference. */
function charRef(ref: string): number {
  const hex = ref.charCodeAt(1) === 0x78; /* x */
  const start = hex ? 2 : 1;
  if (ref.length === start) return -1;
  let cp = 0;
  for (let k = start; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (hex && c >= 0x61 && c <= 0x66) d = c - 0x57;
    else if (hex && c >= 0x41 && c <= 0x46) d = c - 0x37;
    else return -1;
    cp = cp * (hex ? 16 : 10) + d;
    // Past U+10FFFF it can only grow: stop before the number loses precision.
    if (cp > 0x10ffff) return 0x110000;
  }
  return cp;
}

/**
 * Decodes the references in character data or an attribute value: the five
 * predefined entities and character references, which must name an XML Char.
 * Any other entity is undeclared (no DTD is ever read), hence an error, as a
 * bare `&` is. Messages name the reference only when it is plain ASCII.
 */
export function decodeReferences(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) throw new XmlParseError('& without a reference (escape it as &amp;)');
    const ref = s.slice(amp + 1, semi);
    let value: string | undefined;
    if (ref.charCodeAt(0) === 0x23 /* # */) {
      const cp = charRef(ref);
      if (cp < 0) throw new XmlParseError(/^[#\w]{1,12}$/.test(ref) ? `bad character reference &${ref};` : 'bad character reference');
      if (!isXmlChar(cp)) throw new XmlParseError(`&${ref}; is not a character XML allows`);
      value = String.fromCodePoint(cp);
    } else {
      value = predefined(ref);
      if (value === undefined) {
        throw new XmlParseError(/^[A-Za-z_][\w.-]{0,30}$/.test(ref) ? `entity &${ref}; is not defined` : '& without a reference (escape it as &amp;)');
      }
    }
    out += s.slice(from, amp) + value;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}
