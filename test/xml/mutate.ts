/**
 * Seeded mutations of real client messages: small edits, biased towards the
 * characters and tokens that XML gives a meaning, so most mutants sit just
 * either side of well-formedness, where parsers disagree.
 */
import type { Prng } from '../support/prng.js';

const TOKENS = [
  '<', '>', '&', ';', '"', "'", '=', '/', ':', ' ', '\t', '\n', '\r', '\r\n', '!', '?', '-', '--', '#', '%', '[', ']',
  ']]>', ']]', '<![CDATA[', '<!--', '-->', '<?', '?>', '<!DOCTYPE a>', '</', '/>', '<x>', '</x>', '<x/>',
  '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#x41;', '&#1;', '&#0;', '&#xD800;', '&#x10FFFF;', '&#X41;',
  '&nbsp;', '&;', '&#;', 'xmlns', 'xmlns:', 'xmlns:nc', 'nc:', 'xml:', 'xml', 'a:b:', ' x="1"', " y='2'", ' x="1" x="2"',
  'constructor', '__proto__', 'toString', 'é', '×', '·', '\u0300', '\uFEFF', '\u00A0', '\u2028', '\u0085', '\x01',
  '\x7F', '\uFFFE', '\uFFFD', '\u{10000}', '\u{F0000}', 'version="1.0"', 'encoding="UTF-8"', 'standalone="yes"',
];

function edit(doc: string, rng: Prng): string {
  const at = rng.int(doc.length + 1);
  const len = 1 + rng.int(Math.min(8, Math.max(1, doc.length - at)));
  switch (rng.int(7)) {
    case 0: // delete a few characters
      return doc.slice(0, at) + doc.slice(at + len);
    case 1: // insert a token
    case 2:
      return doc.slice(0, at) + rng.pick(TOKENS) + doc.slice(at);
    case 3: // replace a few characters with a token
      return doc.slice(0, at) + rng.pick(TOKENS) + doc.slice(at + len);
    case 4: // duplicate a span
      return doc.slice(0, at + len) + doc.slice(at, at + len) + doc.slice(at + len);
    case 5: { // move a span elsewhere
      const span = doc.slice(at, at + len);
      const rest = doc.slice(0, at) + doc.slice(at + len);
      const to = rng.int(rest.length + 1);
      return rest.slice(0, to) + span + rest.slice(to);
    }
    default: { // copy a piece of markup (a tag, a name) elsewhere
      const lt = doc.indexOf('<', at);
      if (lt < 0) return doc + rng.pick(TOKENS);
      const gt = doc.indexOf('>', lt);
      const piece = doc.slice(lt, gt < 0 ? doc.length : Math.min(gt + 1, lt + 40));
      const to = rng.int(doc.length + 1);
      return doc.slice(0, to) + piece + doc.slice(to);
    }
  }
}

/** One to three edits of `doc`. */
export function mutate(doc: string, rng: Prng): string {
  let out = doc;
  const edits = 1 + rng.int(3);
  for (let k = 0; k < edits; k++) out = edit(out, rng);
  return out;
}
