import { expect } from 'chai';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { XmlElement } from '../src/xml/element.js';
import { parseXml, XmlParseError } from '../src/xml/parse.js';

/**
 * The NETCONF message parser is hand-written for speed (docs/design-notes.md);
 * fast-xml-parser, a well-kept library, is the oracle it must agree with.
 */
const oracle = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: true,
  cdataPropName: '#cdata',
});

type Node = Record<string, unknown>;

interface Plain {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Plain[];
}

function fromOracle(node: Node): Plain | undefined {
  const tag = Object.keys(node).find((k) => k !== ':@');
  if (!tag || tag.startsWith('#') || tag.startsWith('?')) return undefined;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((node[':@'] ?? {}) as Record<string, unknown>)) attrs[k] = String(v);
  let text = '';
  const children: Plain[] = [];
  for (const k of node[tag] as Node[]) {
    if ('#text' in k) text += String(k['#text']);
    else if ('#cdata' in k) text += (k['#cdata'] as Node[]).map((c) => String(c['#text'])).join('');
    else {
      const c = fromOracle(k);
      if (c) children.push(c);
    }
  }
  return { name: tag, attrs, text, children };
}

function fromOurs(el: XmlElement): Plain {
  return {
    name: el.prefix ? `${el.prefix}:${el.name}` : el.name,
    attrs: { ...el.attrs },
    text: el.text,
    children: el.children.map(fromOurs),
  };
}

const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';
const VALID = [
  `<?xml version="1.0" encoding="UTF-8"?><nc:rpc xmlns:nc="${NS}" message-id="urn:uuid:0d9f"><get-snapshot-information format="json"><media>internal</media></get-snapshot-information></nc:rpc>`,
  `<rpc xmlns="${NS}" message-id='1'><request-snapshot><partition/><media>usb</media></request-snapshot></rpc>`,
  `<rpc message-id="2" xmlns="${NS}"><request-snapshot slice="alternate" format="text"/></rpc>`,
  `<rpc message-id="3"><command format="text">show system snapshot | display xml</command></rpc>`,
  `<rpc message-id="4"><load-configuration format="text"><configuration-text><![CDATA[system { host-name "a&b"; }]]></configuration-text></load-configuration></rpc>`,
  `<rpc message-id="5"><edit-config><target><candidate/></target><config><configuration><system><host-name>r&amp;d &lt;lab&gt; &#233;&#x4E2D;</host-name></system></configuration></config></edit-config></rpc>`,
  `<rpc message-id="6">\n  <!-- a comment -->\n  <get>\n    <filter type="subtree"><configuration/></filter>\n  </get>\n</rpc>`,
  `<hello xmlns="${NS}"><capabilities><capability>urn:ietf:params:netconf:base:1.1</capability><capability>a?b=c&amp;d=e</capability></capabilities></hello>`,
  `<rpc message-id="7" a:x="1" xmlns:a="urn:a"><a:thing b = "2"  c='&quot;q&quot;'>text<b/>more</a:thing></rpc>`,
];

describe('xml parse agrees with fast-xml-parser', () => {
  for (const xml of VALID) {
    it(`on ${xml.slice(0, 70).replace(/\n/g, ' ')}…`, () => {
      expect(XMLValidator.validate(xml), 'the oracle finds it well-formed').to.equal(true);
      const theirs = (oracle.parse(xml) as Node[]).map(fromOracle).filter((p): p is Plain => p !== undefined);
      expect(theirs).to.have.length(1);
      expect(fromOurs(parseXml(xml))).to.deep.equal(theirs[0]);
    });
  }

  // (Two root elements are refused here and accepted by the oracle's validator; XML allows one.)
  const MALFORMED = ['<rpc><get></rpc>', '<rpc a="1" a="2"/>', '<rpc a=1/>', '<rpc>', '<rpc><x></y></rpc>'];
  for (const xml of MALFORMED) {
    it(`and both refuse ${xml}`, () => {
      expect(XMLValidator.validate(xml)).to.not.equal(true);
      expect(() => parseXml(xml)).to.throw(XmlParseError);
    });
  }
});
