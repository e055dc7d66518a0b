import { expect } from 'chai';
import { deframeInput, frame, OutputDecoder, OutputFramingError } from './deframe.js';
import { generateStream, expect as expectStream } from './stream.js';
import { DEFAULT_LIMITS } from './runner.js';
import { checkXml } from './xml-check.js';
import { checkReply, classify, classifyHello, describeRequest } from './xml-oracle.js';

/** The fuzz oracle must be able to say no: each part of it, on inputs whose answer is known. */
describe('fuzz oracle', () => {
  const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';
  const limits = DEFAULT_LIMITS;

  it('the strict XML check refuses what XMLValidator lets through', () => {
    for (const bad of ['<a>&foo;</a>', '<a>&#0;</a>', '<a>\u0001</a>', '<a b="<"/>', '<a/><b/>', '<a/>x', '<a>]]></a>', '<a><?xml version="1.0"?></a>', '<?xml encoding="UTF-8"?><a/>', '<a><!-- -- --></a>', '<a>&#xD800;</a>']) {
      expect(checkXml(bad).ok, bad).to.equal(false);
      expect(classify(Buffer.from(bad), limits).kind, bad).to.equal('broken');
    }
    for (const good of ['<?xml version="1.0" encoding="UTF-8"?><a/>', '<a b=">"><![CDATA[<&]]>&#233;&amp;</a>', '<a><!----><?pi x?></a>', `<nc:rpc xmlns:nc="${NS}" message-id="1"><get/></nc:rpc>`]) {
      expect(classify(Buffer.from(good), limits).kind, good).to.equal('well-formed');
    }
    expect(classify(Buffer.from('<x:a/>'), limits).kind, 'undeclared prefix').to.equal('ambiguous');
    expect(classify(Buffer.from('<!DOCTYPE a><a/>'), limits).kind, 'DOCTYPE').to.equal('broken');
    expect(classify(Buffer.from(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`), limits).kind, 'too deep').to.equal('broken');
  });

  it('a hello is refused, accepted with base:1.1, or accepted without', () => {
    const h = (caps: string): Buffer => Buffer.from(`<hello xmlns="${NS}"><capabilities>${caps}</capabilities></hello>`);
    expect(classifyHello(h('<capability>urn:ietf:params:netconf:base:1.1</capability>'), limits)).to.deep.equal({ kind: 'accepted', base11: true });
    expect(classifyHello(h('<capability>urn:ietf:params:netconf:base:1.0</capability>'), limits)).to.deep.equal({ kind: 'accepted', base11: false });
    expect(classifyHello(Buffer.from('<rpc/>'), limits).kind).to.equal('refused');
  });

  it('the input model splits base:1.0 and chunked streams, and finds framing errors', () => {
    const eom = deframeInput(Buffer.from('<a/>]]>]]>\n<b/>]]>]]>]]>]]><c'), { maxMessageBytes: 100, initial: 'eom', framingAfter: () => 'eom' });
    expect(eom.messages.map((m) => m.bytes.toString())).to.deep.equal(['<a/>', '<b/>', '']);
    expect(eom.end).to.deep.equal({ kind: 'partial', bytes: 2 });
    const ch = deframeInput(Buffer.concat([frame('<a/>', 'eom'), frame('<b/>', 'chunked'), Buffer.from('\n#2\nxy\n#0\n')]), { maxMessageBytes: 100, initial: 'eom', framingAfter: () => 'chunked' });
    expect(ch.messages.map((m) => m.bytes.toString())).to.deep.equal(['<a/>', '<b/>']);
    expect(ch.end.kind).to.equal('framing-error');
    const big = deframeInput(Buffer.from(`\n#101\n`), { maxMessageBytes: 100, initial: 'chunked', framingAfter: () => 'chunked' });
    expect(big.end.kind).to.equal('framing-error');
  });

  it('the output decoder refuses a bad chunk from the server', () => {
    const d = new OutputDecoder(() => 'chunked');
    expect(d.push(Buffer.from('<hello/>]]>]]>\n#3\nabc\n##\n'))).to.deep.equal(['<hello/>', 'abc']);
    expect(() => d.push(Buffer.from('\n#03\nabc\n##\n'))).to.throw(OutputFramingError);
  });

  it('a reply is checked for shape, message-id, and an rpc-error where the message was broken', () => {
    const req = describeRequest(Buffer.from(`<rpc xmlns="${NS}" message-id="7"><get/></rpc>`), limits);
    const ok = `<rpc-reply xmlns="${NS}" xmlns:junos="http://xml.juniper.net/junos/18.4R3.3/junos" message-id="7">\n<data/>\n</rpc-reply>`;
    expect(checkReply(ok, req, '')).to.equal(undefined);
    expect(checkReply(ok.replace(' message-id="7"', ''), req, '')?.check).to.equal("reply's message-id is not the request's");
    expect(checkReply(ok.replace('<data/>', '<data>\u0001</data>'), req, '')?.check).to.match(/not well-formed/);
    expect(checkReply(ok, req, 'nc')?.check).to.equal('reply root is not rpc-reply');
    const broken = describeRequest(Buffer.from(`<rpc xmlns="${NS}" message-id="7"><get></rpc>`), limits);
    expect(checkReply(ok, broken, '')?.check).to.match(/^broken message answered without an rpc-error/);
    const err = ok.replace('<data/>', '<rpc-error>\n<error-type>rpc</error-type>\n<error-tag>malformed-message</error-tag>\n<error-severity>error</error-severity>\n<error-message>XML parse error</error-message>\n</rpc-error>');
    expect(checkReply(err, broken, '')).to.equal(undefined);
    expect(checkReply(err, req, '')?.check).to.match(/^well-formed message refused as malformed/);
  });

  it('a stream is a pure function of its seed', () => {
    const a = generateStream(12345, { limits, maxRpcs: 16 });
    const b = generateStream(12345, { limits, maxRpcs: 16 });
    expect(Buffer.concat(a.writes).equals(Buffer.concat(b.writes))).to.equal(true);
    expect(a.writes.map((w) => w.length)).to.deep.equal(b.writes.map((w) => w.length));
    expect(expectStream(Buffer.concat(a.writes), a.device, limits).messageCount).to.be.above(1);
  });
});
