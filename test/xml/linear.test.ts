/**
 * Parsing is linear in the message size (issue 8, item 6): a 352 KB message
 * of unterminated `<![CDATA[` openers stalled every session for 3.9 s, since
 * the CDATA pre-pass searched to the end of the message for each opener.
 * Asserted by the work the parser reports (every search it makes, counted by
 * the characters it examines), never by time.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseXml, searchedChars, XmlParseError } from '../../src/xml/parse.js';

/** Characters examined per character of input, for one parse (refused or not). */
function workPerChar(xml: string): number {
  const before = searchedChars();
  try {
    parseXml(xml, { maxDepth: 10_000 });
  } catch (e) {
    if (!(e instanceof XmlParseError)) throw e;
  }
  return (searchedChars() - before) / xml.length;
}

const N = 20_000;
const PATHOLOGICAL: Array<[string, string]> = [
  ['unterminated CDATA openers inside a comment', `<rpc><!--${'<![CDATA['.repeat(N)}--></rpc>`],
  ['unterminated CDATA openers in text', `<rpc>${'<![CDATA['.repeat(N)}</rpc>`],
  ['CDATA sections each closed at once', `<rpc>${'<![CDATA[x]]>'.repeat(N)}</rpc>`],
  ['comment openers never closed', `<rpc>${'<!--'.repeat(N)}</rpc>`],
  ['comments each holding a dash', `<rpc>${'<!-- - -->'.repeat(N)}</rpc>`],
  ['processing instructions never closed', `<rpc>${'<?pi '.repeat(N)}</rpc>`],
  ['a start tag with many attributes', `<rpc ${Array.from({ length: N }, (_, k) => `a${k}="v"`).join(' ')}/>`],
  ['an attribute value never closed', `<rpc a="${'x'.repeat(N)}`],
  ['many references and many ampersands', `<rpc>${'&amp;x&#65;'.repeat(N)}${'&'.repeat(N)}</rpc>`],
  ['text broken by many empty elements', `<rpc>${'ab]]<b/>'.repeat(N)}</rpc>`],
  ['many end tags', `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`],
  ['many namespace declarations and prefixed names', `<r ${Array.from({ length: 2000 }, (_, k) => `xmlns:p${k}="urn:p${k}"`).join(' ')}>${'<p1:x p2:y="1"/>'.repeat(N)}</r>`],
  ['a comment never closed after many CDATA sections', `<rpc>${'<![CDATA[]]>'.repeat(N)}<!-- `],
];

const here = dirname(fileURLToPath(import.meta.url));
const CAPTURED = (JSON.parse(readFileSync(join(here, '..', '..', '..', 'test', 'xml', 'client-messages.json'), 'utf8')) as Array<{ messages: string[] }>).flatMap((c) => c.messages);

describe('xml parse: work linear in the message size', () => {
  for (const [what, xml] of PATHOLOGICAL) {
    it(`examines each character a bounded number of times: ${what} (${Math.round(xml.length / 1000)} KB)`, () => {
      expect(workPerChar(xml)).to.be.below(8);
    });
  }

  it('and so does every message the captured clients send', () => {
    for (const m of CAPTURED) expect(workPerChar(m), m.slice(0, 120)).to.be.below(8);
  });
});
