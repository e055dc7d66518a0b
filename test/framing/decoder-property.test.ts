/**
 * Property tests of the framing decoder (issue 10): valid streams of both
 * framings cut at random points decode to the same messages as whole; random
 * bytes never make it throw, report anything but its own FramingError, or
 * hold more than the message limit. Seeded: PROPERTY_SEED replays a failure.
 */
import { expect } from 'chai';
import { EOM, FramingError, NetconfDecoder, type FramingMode } from '../../src/framing/decoder.js';
import { Prng, propertySeed } from '../support/prng.js';

const SEED = propertySeed(8101);
const RUNS = 300;

/** The decoder's own messages: anything else reaching onError is a bug wrapped as a FramingError. */
const FRAMING_MESSAGES = /^(bad chunk header: expected LF #|bad end-of-chunks marker|end-of-chunks with no chunk|bad chunk size|chunk size too large|empty chunk size|message exceeds \d+ bytes)$/;

const PIECES = ['<', '>', '/', 'a', 'rpc', ' ', '\n', '\r\n', '#', '##', '\n#', ']', ']]', ']]>', ']]>]]', '1', '9', 'é', '中', '😀', '&amp;', '"'];

function payload(rng: Prng, eom: boolean): string {
  for (;;) {
    let s = '<';
    const n = rng.int(40);
    for (let k = 0; k < n; k++) s += rng.pick(PIECES);
    // base:1.0 cannot carry a message whose end runs into the delimiter; RFC 6242 says so.
    if (!eom || (s + EOM).indexOf(EOM) === s.length) return s;
  }
}

/** Frames messages; chunked ones are cut into random chunks, at any byte (inside a UTF-8 character too). */
function frame(messages: readonly string[], mode: FramingMode, rng: Prng): Buffer {
  const parts: Buffer[] = [];
  for (const m of messages) {
    const body = Buffer.from(m, 'utf8');
    if (mode === 'eom') {
      parts.push(body, Buffer.from(EOM), Buffer.from(rng.pick(['', '\n', '\r\n', '  \n'])));
      continue;
    }
    let off = 0;
    while (off < body.length) {
      const size = 1 + rng.int(Math.min(body.length - off, 12));
      parts.push(Buffer.from(`\n#${size}\n`), body.subarray(off, off + size));
      off += size;
    }
    parts.push(Buffer.from('\n##\n'));
  }
  return Buffer.concat(parts);
}

function cuts(stream: Buffer, rng: Prng): Buffer[] {
  const out: Buffer[] = [];
  for (let off = 0; off < stream.length; ) {
    const n = rng.next() < 0.3 ? 1 : 1 + rng.int(64);
    out.push(stream.subarray(off, off + n));
    off += n;
  }
  return out;
}

interface Run {
  messages: string[];
  errors: FramingError[];
  /** Most bytes the decoder held between two pushes (queue and assembled chunks). */
  held: number;
}

/** Feeds the pieces; `switchAfterFirst` switches to chunked framing on the first message, as a base:1.1 session does. */
function decode(pieces: readonly Buffer[], mode: FramingMode, max = 1 << 20, switchAfterFirst = false): Run {
  const run: Run = { messages: [], errors: [], held: 0 };
  const d = new NetconfDecoder({
    maxMessageBytes: max,
    onMessage: (m) => {
      run.messages.push(m);
      if (switchAfterFirst) d.mode = 'chunked';
    },
    onError: (e) => run.errors.push(e),
  });
  d.mode = mode;
  // What the decoder holds is private; the test reads it to hold it to the limit.
  const inside = d as unknown as { q: { length: number }; partsBytes: number };
  for (const p of pieces) {
    d.push(p);
    if (run.errors.length === 0) run.held = Math.max(run.held, inside.q.length + inside.partsBytes);
  }
  return run;
}

describe(`framing decoder properties (seed ${SEED})`, () => {
  for (const mode of ['eom', 'chunked'] as const) {
    it(`${mode}: random cuts of a valid stream give the messages it carries, and no error`, () => {
      const rng = new Prng(SEED);
      for (let r = 0; r < RUNS; r++) {
        const messages = Array.from({ length: 1 + rng.int(5) }, () => payload(rng, mode === 'eom'));
        const stream = frame(messages, mode, rng);
        const whole = decode([stream], mode);
        const cut = decode(cuts(stream, rng), mode);
        const context = `seed ${SEED} run ${r}: ${JSON.stringify(stream.toString('latin1'))}`;
        expect(whole.errors, context).to.deep.equal([]);
        expect(whole.messages, context).to.deep.equal(messages);
        expect(cut.messages, context).to.deep.equal(messages);
        expect(cut.errors, context).to.deep.equal([]);
      }
    });
  }

  it('a base:1.0 hello then base:1.1 chunks, cut anywhere, switching framing on the hello', () => {
    const rng = new Prng(SEED + 1);
    for (let r = 0; r < RUNS; r++) {
      const hello = payload(rng, true);
      const rest = Array.from({ length: 1 + rng.int(4) }, () => payload(rng, false));
      const stream = Buffer.concat([Buffer.from(hello), Buffer.from(EOM), frame(rest, 'chunked', rng)]);
      const cut = decode(cuts(stream, rng), 'eom', 1 << 20, true);
      expect(cut.errors, `run ${r}`).to.deep.equal([]);
      expect(cut.messages, `run ${r}`).to.deep.equal([hello, ...rest]);
    }
  });

  for (const mode of ['eom', 'chunked'] as const) {
    it(`${mode}: random bytes and damaged streams never throw, report only framing errors, and never hold more than the limit`, () => {
      const rng = new Prng(SEED + (mode === 'eom' ? 2 : 3));
      const max = 256;
      for (let r = 0; r < RUNS; r++) {
        let stream: Buffer;
        if (rng.next() < 0.5) {
          stream = Buffer.from(Array.from({ length: rng.int(2000) }, () => (rng.next() < 0.3 ? rng.pick([0x0a, 0x23, 0x5d, 0x3e, 0x30, 0x39]) : rng.int(256))));
        } else {
          stream = Buffer.from(frame(Array.from({ length: 1 + rng.int(6) }, () => payload(rng, mode === 'eom')), mode, rng));
          for (let k = 1 + rng.int(4); k > 0; k--) stream[rng.int(stream.length)] = rng.int(256);
        }
        let run: Run | undefined;
        expect(() => (run = decode(cuts(stream, rng), mode, max)), `run ${r}`).not.to.throw();
        expect(run!.errors.length, `run ${r}: one error at most, then silence`).to.be.at.most(1);
        for (const e of run!.errors) {
          expect(e, `run ${r}`).to.be.instanceOf(FramingError);
          expect(e.message, `run ${r}`).to.match(FRAMING_MESSAGES);
        }
        for (const m of run!.messages) expect(Buffer.byteLength(m), `run ${r}`).to.be.at.most(max);
        // The limit, plus a delimiter or a chunk header still being read.
        expect(run!.held, `run ${r}`).to.be.at.most(max + 16);
      }
    });
  }

  for (const mode of ['eom', 'chunked'] as const) {
    it(`${mode}: a message of exactly the limit passes and one byte more is refused, wherever the stream is cut`, () => {
      const rng = new Prng(SEED + 4);
      const max = 300;
      for (let r = 0; r < 50; r++) {
        const fits = `<${'x'.repeat(max - 2)}>`;
        const over = `<${'x'.repeat(max - 1)}>`;
        const ok = decode(cuts(frame([fits], mode, rng), rng), mode, max);
        expect(ok.messages).to.deep.equal([fits]);
        expect(ok.errors).to.deep.equal([]);
        const refused = decode(cuts(frame([over, fits], mode, rng), rng), mode, max);
        expect(refused.messages).to.deep.equal([]);
        expect(refused.errors.map((e) => e.message)).to.deep.equal([`message exceeds ${max} bytes`]);
        expect(refused.held).to.be.at.most(max + 16);
      }
    });
  }
});
