/**
 * The cases where the parser and libxml2 disagreed (issue 8, item 7), found
 * by the differential test of test/xml/lxml-differential.test.ts and kept
 * here as plain expectations, so they run where lxml is not installed too.
 */
import { expect } from 'chai';
import { parseXml, XmlParseError } from '../../src/xml/parse.js';

const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';

describe('xml: well-formed input that was refused', () => {
  it('a comment or a processing instruction holding &', () => {
    const el = parseXml(`<rpc xmlns="${NS}" message-id="1"><!-- AT&T --><?pi a & b?><get/></rpc>`);
    expect(el.children.map((c) => c.name)).to.deep.equal(['get']);
  });

  it('<!DOCTYPE and <!ENTITY inside a comment, and <!DOCTYPE inside CDATA', () => {
    expect(parseXml(`<!-- <!DOCTYPE x [<!ENTITY a "b">]> --><rpc message-id="1"><get/></rpc>`).name).to.equal('rpc');
    const load = parseXml('<rpc message-id="1"><configuration-text><![CDATA[<!DOCTYPE x> &nbsp; <b>]]></configuration-text></rpc>');
    expect(load.children[0]!.text).to.equal('<!DOCTYPE x> &nbsp; <b>');
  });

  it('attributes named constructor, toString, __proto__, hasOwnProperty', () => {
    const el = parseXml('<rpc message-id="1" constructor="1" toString="2" __proto__="3" hasOwnProperty="4"><get/></rpc>');
    expect(Object.keys(el.attrs)).to.deep.equal(['message-id', 'constructor', 'toString', '__proto__', 'hasOwnProperty']);
    expect(el.attrs['__proto__']).to.equal('3');
    expect(el.attrs['toString']).to.equal('2');
  });

  it('an element without such an attribute finds none: attributes have no prototype', () => {
    const el = parseXml('<rpc message-id="1"><get/></rpc>');
    expect(el.attrs['toString']).to.equal(undefined);
    expect(el.children[0]!.attrs['constructor']).to.equal(undefined);
  });

  it('line ends and attribute white space are normalised as XML says; references are kept', () => {
    const el = parseXml('<a x="1\r\n2\t3" y="&#10;&#9;&#13;">p\r\nq\rr<![CDATA[s\r\nt]]></a>');
    expect(el.attrs).to.deep.include({ x: '1 2 3', y: '\n\t\r' });
    expect(el.text).to.equal('p\nq\nrs\nt');
  });

  it('white space before the XML declaration, as scrapli_netconf sends its hello', () => {
    const hello = '\n<?xml version="1.0" encoding="utf-8"?>\n    <hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"/>';
    expect(parseXml(hello).name).to.equal('hello');
  });
});

describe('xml: malformed input that was accepted', () => {
  const cases: Array<[string, string]> = [
    ['<a>&#1;</a>', 'a reference to U+0001'],
    ['<a x="&#1;"/>', 'a reference to U+0001 in an attribute'],
    ['<a>&#0;</a>', 'a reference to U+0000'],
    ['<a>&#xD800;</a>', 'a reference to a surrogate'],
    ['<a>&#xFFFE;</a>', 'a reference to U+FFFE'],
    ['<a>&#x110000;</a>', 'a reference past U+10FFFF'],
    ['<a>&#99999999999;</a>', 'a huge decimal reference'],
    ['<a>\x01</a>', 'a raw U+0001'],
    ['<a x="\x08"/>', 'a raw U+0008 in an attribute'],
    ['<a><!-- \x0B --></a>', 'a raw U+000B in a comment'],
    ['<a>\uFFFE</a>', 'a raw U+FFFE'],
    ['<a>\uD800</a>', 'a lone surrogate'],
    ['<a><!-- a -- b --></a>', '-- inside a comment'],
    ['<a><!-- a ---></a>', 'a comment ending --->'],
    ['<a>]]></a>', ']]> in text'],
    ['<a/>\u00A0', 'a no-break space after the root'],
    ['\u3000<a/>', 'an ideographic space before the root'],
    [' \uFEFF<a/>', 'a byte-order mark after white space'],
    ['<a\u00D7b/>', 'U+00D7 inside a name'],
    ['<\u{F0000}/>', 'a private-use supplementary name'],
    ['<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>', 'one namespaced attribute twice'],
    ['<p:a/>', 'an undeclared element prefix'],
    ['<a p:x="1"/>', 'an undeclared attribute prefix'],
    ['<a xmlns:p=""/>', 'a prefix bound to the empty namespace'],
    ['<a:b:c xmlns:a="u"/>', 'two colons in a name'],
    ['<:a/>', 'a name starting with a colon'],
    ['<a:/>', 'a name ending with a colon'],
    ['<a xmlns:xml="u"/>', 'the xml prefix rebound'],
    ['<a xmlns:xmlns="u"/>', 'the xmlns prefix declared'],
    ['<xmlns:a/>', 'an element in the xmlns prefix'],
    ['<a xmlns:p="a b"/>', 'a namespace name that is not a URI reference'],
    ['<a xml:id="1x"/>', 'an xml:id that is not a name'],
    ['<a><?xml version="1.0"?></a>', 'an XML declaration inside the root'],
    ['<?xml version="1.0"?><?xml version="1.0"?><a/>', 'two XML declarations'],
    ['<?xml?><a/>', 'an XML declaration without a version'],
    ['<?xml version="2.0"?><a/>', 'XML 2.0 declared'],
    ['<?xml version="1.0" foo="bar"?><a/>', 'an unknown pseudo-attribute in the declaration'],
    ['<?xml version="1.0" standalone="maybe"?><a/>', 'a bad standalone value'],
    ['<?xml version="1.0"encoding="utf-8"?><a/>', 'no space in the declaration'],
    ['<?XML version="1.0"?><a/>', 'an upper-case XML declaration'],
    ['<a><? pi?></a>', 'a PI without a target'],
    ['<a><?a:b?></a>', 'a colon in a PI target'],
  ];
  for (const [xml, what] of cases) {
    it(`refuses ${what}`, () => {
      expect(() => parseXml(xml)).to.throw(XmlParseError);
    });
  }

  it('never quotes a character it refuses, so the error reply stays well-formed', () => {
    expect(() => parseXml('<a>\x01</a>')).to.throw(XmlParseError, /U\+0001/).that.satisfies((e: Error) => !e.message.includes('\x01'));
  });

  it('still refuses a DOCTYPE in the prolog, as Junos does (entity bombs, external entities)', () => {
    expect(() => parseXml('<!DOCTYPE a><a/>')).to.throw(XmlParseError, /DOCTYPE/);
    expect(() => parseXml('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).to.throw(XmlParseError, /DOCTYPE/);
  });
});
