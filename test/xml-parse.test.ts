import { expect } from 'chai';
import { parseXml, rawRootAttributes, XmlParseError } from '../src/xml/parse.js';

describe('xml: hardened parse', () => {
  it('splits prefixes and keeps attributes as written', () => {
    const el = parseXml('<nc:rpc xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="7"><nc:get/></nc:rpc>');
    expect(el.name).to.equal('rpc');
    expect(el.prefix).to.equal('nc');
    expect(el.attrs['message-id']).to.equal('7');
    expect(el.children[0]!.name).to.equal('get');
  });

  it('decodes predefined entities and character references', () => {
    expect(parseXml('<a>&lt;b&gt; &amp; &#65;</a>').text).to.equal('<b> & A');
  });

  it('refuses DOCTYPE, so no entity can expand', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><a>&lol2;</a>';
    expect(() => parseXml(bomb)).to.throw(XmlParseError, /DOCTYPE/);
  });

  it('refuses nesting past the limit', () => {
    const deep = '<a>'.repeat(100) + '</a>'.repeat(100);
    expect(() => parseXml(deep, { maxDepth: 64 })).to.throw(XmlParseError, /nesting/);
    expect(parseXml(deep, { maxDepth: 128 }).name).to.equal('a');
  });

  it('refuses malformed XML', () => {
    expect(() => parseXml('<rpc><get></rpc>')).to.throw(XmlParseError);
    expect(() => parseXml('not xml')).to.throw(XmlParseError);
  });

  it('returns the root attributes raw, quoting included', () => {
    const raw = rawRootAttributes(`<?xml version="1.0"?><rpc message-id='1' xmlns="urn:x" a = "b"><get/></rpc>`);
    expect(raw.map((a) => a.raw)).to.deep.equal([`message-id='1'`, 'xmlns="urn:x"', 'a="b"']);
  });
});

describe('xml: well-formedness without the library validator', () => {
  const bad: Array<[string, string]> = [
    ['<a><b></a></b>', 'crossed tags'],
    ['<a>', 'unclosed root'],
    ['<a></a><b/>', 'two roots'],
    ['<a x=1/>', 'unquoted attribute'],
    ['<a x="1" x="2"/>', 'repeated attribute'],
    ['<a x="1"y="2"/>', 'no space between attributes'],
    ['<a>AT&T</a>', 'bare ampersand'],
    ['<a>&nbsp;</a>', 'undeclared entity'],
    ['text <a/>', 'text before the root'],
    ['<a/> text', 'text after the root'],
    ['</a>', 'end tag only'],
    ['<1a/>', 'bad name'],
    ['<a><!-- open</a>', 'unterminated comment'],
    ['<a x="<"/>', 'less-than in an attribute'],
  ];
  for (const [xml, what] of bad) {
    it(`refuses ${what}`, () => {
      expect(() => parseXml(xml)).to.throw(XmlParseError);
    });
  }

  it('accepts comments, CDATA, processing instructions and both quote styles', () => {
    const el = parseXml(`<?xml version="1.0"?><!-- c --><a x='1' y="2"><![CDATA[<raw>]]><b/><?pi x?></a>`);
    expect(el.attrs).to.deep.equal({ x: '1', y: '2' });
    expect(el.children.map((c) => c.name)).to.deep.equal(['b']);
  });
});
