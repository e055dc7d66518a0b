import { expect } from 'chai';
import { FramingError, NetconfDecoder } from '../../src/framing/decoder.js';
import { frameMessage } from '../../src/framing/encoder.js';

function decoder(max = 1 << 20) {
  const messages: string[] = [];
  const errors: FramingError[] = [];
  const d = new NetconfDecoder({ maxMessageBytes: max, onMessage: (m) => messages.push(m), onError: (e) => errors.push(e) });
  return { d, messages, errors };
}

describe('framing: base:1.0 end-of-message', () => {
  it('splits messages on ]]>]]>', () => {
    const { d, messages } = decoder();
    d.push(Buffer.from('<a/>]]>]]><b/>]]>]]>'));
    expect(messages).to.deep.equal(['<a/>', '<b/>']);
  });

  it('finds a delimiter split across reads, byte by byte', () => {
    const { d, messages } = decoder();
    for (const b of Buffer.from('<rpc>x</rpc>]]>]]>')) d.push(Buffer.from([b]));
    expect(messages).to.deep.equal(['<rpc>x</rpc>']);
  });

  it('keeps ]]> inside a message that is not the full delimiter', () => {
    const { d, messages } = decoder();
    d.push(Buffer.from('<a>]]></a>]]>]]>'));
    expect(messages).to.deep.equal(['<a>]]></a>']);
  });

  it('refuses a message over the limit before it ends', () => {
    const { d, errors, messages } = decoder(1024);
    d.push(Buffer.alloc(2048, 0x61));
    expect(messages).to.have.length(0);
    expect(errors).to.have.length(1);
    expect(errors[0]!.message).to.match(/exceeds 1024 bytes/);
  });

  it('frames a reply with a trailing delimiter', () => {
    expect(frameMessage('<ok/>', 'eom').toString()).to.equal('<ok/>\n]]>]]>\n');
  });
});

describe('framing: base:1.1 chunked (RFC 6242)', () => {
  it('decodes the RFC 6242 section 4.2 example', () => {
    const { d, messages } = decoder();
    d.mode = 'chunked';
    d.push(Buffer.from('\n#4\n<rpc\n#18\n message-id="102"\n\n#79\n     xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">\n  <close-session/>\n</rpc>\n##\n'));
    expect(messages).to.deep.equal([
      '<rpc message-id="102"\n     xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">\n  <close-session/>\n</rpc>',
    ]);
  });

  it('counts chunk sizes in UTF-8 bytes', () => {
    const framed = frameMessage('<a>é€</a>', 'chunked').toString('utf8');
    expect(framed).to.equal('\n#12\n<a>é€</a>\n##\n');
    const { d, messages } = decoder();
    d.mode = 'chunked';
    d.push(Buffer.from(framed, 'utf8'));
    expect(messages).to.deep.equal(['<a>é€</a>']);
  });

  it('reassembles a chunk header and body split at every byte', () => {
    const framed = Buffer.concat([frameMessage('<one/>', 'chunked'), frameMessage('<two>ü</two>', 'chunked')]);
    const { d, messages } = decoder();
    d.mode = 'chunked';
    for (const b of framed) d.push(Buffer.from([b]));
    expect(messages).to.deep.equal(['<one/>', '<two>ü</two>']);
  });

  it('decodes pipelined messages in one read', () => {
    const { d, messages } = decoder();
    d.mode = 'chunked';
    d.push(Buffer.concat([1, 2, 3].map((i) => frameMessage(`<m${i}/>`, 'chunked'))));
    expect(messages).to.deep.equal(['<m1/>', '<m2/>', '<m3/>']);
  });

  it('splits a large message into several chunks', () => {
    const big = `<a>${'x'.repeat(3 * 1024 * 1024)}</a>`;
    const framed = frameMessage(big, 'chunked');
    expect(framed.toString('latin1').match(/\n#\d+\n/g)!.length).to.equal(4);
    const { d, messages } = decoder(8 << 20);
    d.mode = 'chunked';
    d.push(framed);
    expect(messages[0]).to.equal(big);
  });

  it('accepts a client hello that arrives chunk-framed (ncclient #524)', () => {
    const { d, messages } = decoder();
    d.push(frameMessage('<hello/>', 'chunked'));
    expect(messages).to.deep.equal(['<hello/>']);
  });

  for (const [name, bytes] of [
    ['a missing LF before #', '#4\n<rpc'],
    ['a non-digit size', '\n#x\n'],
    ['a leading zero', '\n#04\n<rpc'],
    ['a size of more than ten digits', '\n#12345678901\n'],
    ['end-of-chunks with no chunk', '\n##\n'],
  ] as const) {
    it(`fails cleanly on ${name}`, () => {
      const { d, errors, messages } = decoder();
      d.mode = 'chunked';
      d.push(Buffer.from(bytes));
      expect(messages).to.have.length(0);
      expect(errors).to.have.length(1);
      d.push(frameMessage('<after/>', 'chunked'));
      expect(messages, 'a failed decoder stays failed').to.have.length(0);
    });
  }

  it('refuses a message whose chunks add up past the limit', () => {
    const { d, errors } = decoder(100);
    d.mode = 'chunked';
    d.push(Buffer.from(`\n#60\n${'a'.repeat(60)}\n#60\n`));
    expect(errors[0]!.message).to.match(/exceeds 100 bytes/);
  });
});
