import { expect } from 'chai';
import { NetconfDecoder } from '../../src/framing/decoder.js';

/**
 * Small reproducers of what the fuzzer found (docs/fuzzing.md), each reduced
 * from a fuzz stream seed, so that the cause stays covered by a quick test.
 */
describe('fuzz findings, reduced', () => {
  function decode(writes: string[]): string[] {
    const out: string[] = [];
    const d = new NetconfDecoder({ maxMessageBytes: 1 << 20, onMessage: (m) => out.push(m), onError: (e) => out.push(`error: ${e.message}`) });
    for (const w of writes) d.push(Buffer.from(w));
    return out;
  }

  // Stream seed 848975574: a chunk-framed hello (ncclient #524) written in small pieces
  // was never delivered: once its first chunk was read, the rest looked like base:1.0.
  it('a chunk-framed hello whose end marker comes in a later write is delivered', () => {
    expect(decode(['\n#3\nabc', '\n##\n'])).to.deep.equal(['abc']);
    expect(decode(['\n', '#', '3', '\n', 'abc', '\n', '#', '#', '\n'])).to.deep.equal(['abc']);
    expect(decode(['\n#2\nab', '\n#1\nc\n##\n'])).to.deep.equal(['abc']);
  });
});
