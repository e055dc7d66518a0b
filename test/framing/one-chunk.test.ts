/**
 * base:1.1 messages of one chunk, the common case both ways: the encoder
 * writes them into one buffer and the decoder reads a whole one straight
 * from the packet (issue 15, owner CPU per RPC). Both must give the bytes
 * and messages of the general path: the encoder's against RFC 6242's form
 * built by hand, the decoder's against the same stream fed one byte at a
 * time (which never holds a whole message in one push, so it always takes
 * the queue), for valid and damaged streams alike.
 */
import { expect } from 'chai';
import { EOM, FramingError, NetconfDecoder } from '../../src/framing/decoder.js';
import { frameMessage, MAX_OUT_CHUNK } from '../../src/framing/encoder.js';
import { Prng, propertySeed } from '../support/prng.js';

const SEED = propertySeed(1501);

/** RFC 6242 chunked framing, MAX_OUT_CHUNK bytes a chunk, as the encoder did before it had a one-chunk case. */
function byHand(xml: string): Buffer {
  const body = Buffer.from(xml, 'utf8');
  const parts: Buffer[] = [];
  for (let off = 0; off < body.length; off += MAX_OUT_CHUNK) {
    const part = body.subarray(off, Math.min(off + MAX_OUT_CHUNK, body.length));
    parts.push(Buffer.from(`\n#${part.length}\n`, 'latin1'), part);
  }
  parts.push(Buffer.from('\n##\n', 'latin1'));
  return Buffer.concat(parts);
}

interface Run {
  messages: string[];
  errors: string[];
}

/** A session's decoder after a base:1.0 hello (the fast path needs a first message): the hello is left out of the result. */
function decode(pieces: readonly Buffer[], max: number): Run {
  const run: Run = { messages: [], errors: [] };
  let hello = true;
  const d = new NetconfDecoder({
    maxMessageBytes: max,
    onMessage: (m) => {
      if (hello) {
        hello = false;
        d.mode = 'chunked';
      } else run.messages.push(m);
    },
    onError: (e: FramingError) => run.errors.push(e.message),
  });
  d.push(Buffer.from(`<hello/>${EOM}`));
  for (const p of pieces) d.push(p);
  return run;
}

const bytes = (b: Buffer): Buffer[] => Array.from(b, (x) => Buffer.from([x]));

const TEXT = ['<rpc-reply>', '</rpc-reply>', 'é', '中', '😀', '\n', '#', '##', '\n##\n', '\n#5\n', ' ', 'x'];
const GAPS = ['', '', '\n', '\r\n', ' ', '\t'];

function message(rng: Prng): string {
  let s = '<m>';
  for (let k = rng.int(30); k > 0; k--) s += rng.pick(TEXT);
  return s;
}

describe(`framing: base:1.1 messages of one chunk (seed ${SEED})`, () => {
  it('the encoder writes the bytes of the general form, an empty message and chunk boundaries included', () => {
    const rng = new Prng(SEED);
    const cases = ['<ok/>', '', 'é', '😀'.repeat(3), 'a'.repeat(MAX_OUT_CHUNK), 'a'.repeat(MAX_OUT_CHUNK + 1), `${'a'.repeat(MAX_OUT_CHUNK - 1)}é`];
    for (let r = 0; r < 200; r++) cases.push(message(rng));
    for (const xml of cases) expect(frameMessage(xml, 'chunked').equals(byHand(xml)), JSON.stringify(xml.slice(0, 40))).to.equal(true);
  });

  it('a whole packet with a bad header or end decodes, and fails, as a byte at a time', () => {
    const streams = [
      '\n#05\n<m/>x\n##\n',
      '\n#0\n\n##\n',
      '\n#12345678901\n<m/>\n##\n',
      '\n#41\n<m>' + 'x'.repeat(34) + '</m>\n##\n',
      '\n#4\n<m/>\n#1\nx\n##\n',
      '\n#4\n<m/>\n##x',
      '\n#4\n<m/>\n##\n\n\n#4\n<n/>\n##\n',
      '\n#4\n<m/>\n##\n \r\t\n#4\n<n/>\n##\n#4\n<o/>\n##\n',
      '\n#4 \n<m/>\n##\n',
      '#4\n<m/>\n##\n',
    ];
    for (const text of streams) {
      const stream = Buffer.from(text);
      const reference = decode(bytes(stream), 40);
      expect(decode([stream], 40), JSON.stringify(text)).to.deep.equal(reference);
    }
    expect(decode([Buffer.from(streams[0]!)], 40).errors).to.deep.equal(['bad chunk size']);
  });

  it('whole and randomly cut streams decode as the same stream fed a byte at a time, valid or damaged', () => {
    const rng = new Prng(SEED + 1);
    for (let r = 0; r < 400; r++) {
      const max = rng.next() < 0.2 ? 40 : 1 << 20;
      const parts: Buffer[] = [];
      for (let k = 1 + rng.int(6); k > 0; k--) {
        parts.push(Buffer.from(rng.pick(GAPS)));
        // Mostly one chunk, sometimes two, as other clients write them.
        const m = message(rng);
        if (rng.next() < 0.2 && m.length > 4) parts.push(byHand(m.slice(0, 3)).subarray(0, -4), byHand(m.slice(3)));
        else parts.push(frameMessage(m, 'chunked'));
      }
      const stream = Buffer.concat(parts);
      if (rng.next() < 0.3) for (let k = 1 + rng.int(3); k > 0; k--) stream[rng.int(stream.length)] = rng.pick([0x0a, 0x23, 0x30, 0x39, 0x20, 0x41]);
      const reference = decode(bytes(stream), max);
      const context = `seed ${SEED} run ${r}: ${JSON.stringify(stream.toString('latin1'))}`;
      expect(decode([stream], max), context).to.deep.equal(reference);
      const cut: Buffer[] = [];
      for (let off = 0; off < stream.length; ) {
        const n = 1 + rng.int(80);
        cut.push(stream.subarray(off, off + n));
        off += n;
      }
      expect(decode(cut, max), context).to.deep.equal(reference);
    }
  });
});
