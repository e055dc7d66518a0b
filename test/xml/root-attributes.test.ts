import { expect } from 'chai';
import { rawRootAttributes } from '../../src/xml/parse.js';

const raw = (xml: string): string[] => rawRootAttributes(xml).map((a) => a.raw);

describe('xml: the rpc attributes a reply echoes', () => {
  it('keeps the client quoting and order, the declaration and prolog skipped', () => {
    expect(raw(`<?xml version="1.0"?><rpc message-id='1' xmlns="urn:x" a = "b"><get/></rpc>`)).to.deep.equal([`message-id='1'`, 'xmlns="urn:x"', 'a="b"']);
  });

  it('reads past a value holding >', () => {
    expect(raw('<rpc message-id="1" a="x>y" b="2"><get/></rpc>')).to.deep.equal(['message-id="1"', 'a="x>y"', 'b="2"']);
  });

  it('is not fooled by a tag inside a comment before the root', () => {
    expect(raw('<!-- a > <x y="1"> --><rpc message-id="2"/>')).to.deep.equal(['message-id="2"']);
    expect(raw('<?pi a > <x y="1">?><rpc message-id="3"/>')).to.deep.equal(['message-id="3"']);
  });

  it('returns the message-id of a message that fails to parse', () => {
    expect(raw('<rpc message-id="7" <get/></rpc>')).to.deep.equal(['message-id="7"']);
    expect(raw('<rpc message-id="8"><get></rpc>')).to.deep.equal(['message-id="8"']);
  });

  it('drops what would make the reply malformed: bad references and characters, <, repeats, undeclared prefixes', () => {
    const xml = '<rpc message-id="1" a="&#1;" b="\x01" c="&nbsp;" d="AT&T" message-id="2" p:x="1" e:f:g="1" xmlns:q="a b" q:y="2" ok="&amp;"/>';
    expect(raw(xml)).to.deep.equal(['message-id="1"', 'ok="&amp;"']);
  });

  it('keeps a prefixed attribute whose prefix the tag declares, once per namespace', () => {
    const xml = '<rpc xmlns:a="urn:a" xmlns:b="urn:a" a:x="1" b:x="2" message-id="1"/>';
    expect(raw(xml)).to.deep.equal(['xmlns:a="urn:a"', 'xmlns:b="urn:a"', 'a:x="1"', 'message-id="1"']);
  });

  it('answers nothing where there is no root tag', () => {
    expect(raw('')).to.deep.equal([]);
    expect(raw('<!-- never closed <rpc message-id="1">')).to.deep.equal([]);
    expect(raw('text <rpc message-id="1"/>')).to.deep.equal([]);
  });
});
