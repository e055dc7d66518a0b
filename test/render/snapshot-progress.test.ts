/**
 * The text a CLI session is handed while a snapshot runs: each line as its
 * step starts, in the layout of the finished reply, and all of it by the end.
 */
import { expect } from 'chai';
import { handler as requestSnapshot } from '../../rpc/request-snapshot.js';
import type { RpcContext } from '../../rpc/types.js';
import { VirtualClock } from '../../src/engine/index.js';
import type { DeviceRuntime } from '../../src/device/runtime.js';
import { fakeContext, fakeDevice, op, TEST_EPOCH } from '../support/fake-context.js';
import { SAMPLE_1, SAMPLE_2, SAMPLE_4, outputText } from '../support/spec-samples.js';

function streaming(dev: DeviceRuntime, chunks: string[]): RpcContext {
  const ctx = fakeContext(dev, { format: 'text' });
  return { ...ctx, session: { ...ctx.session, progress: (t: string) => chunks.push(t) } };
}

/** Lets every promise that can settle without the clock settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

describe('snapshot progress text (what the CLI prints as the work proceeds)', () => {
  const cases: Array<[string, () => ReturnType<typeof fakeDevice>, Record<string, true>, string]> = [
    ['sample 1', () => fakeDevice('mx960'), {}, SAMPLE_1],
    ['sample 2', () => fakeDevice('mx960', { bootMedia: 'disk' }), { partition: true }, SAMPLE_2],
    ['sample 4', () => fakeDevice('txmatrix'), { 'all-lcc': true }, SAMPLE_4],
  ];
  for (const [name, make, leaves, sample] of cases) {
    it(`${name}: the pieces add up to the reply's text`, async () => {
      const chunks: string[] = [];
      const reply = await requestSnapshot.handle(op('request-snapshot', leaves), streaming(make(), chunks));
      expect(chunks.join('')).to.equal(sample);
      expect(outputText(reply)).to.equal(sample);
    });
  }

  it('a multi-RE run with an unreachable LCC keeps the section order and its error line', async () => {
    const chunks: string[] = [];
    const dev = fakeDevice('txmatrix', { unreachableRe: ['lcc0-re0'] });
    const reply = await requestSnapshot.handle(op('request-snapshot', { 'all-lcc': true }), streaming(dev, chunks));
    const text = outputText(reply);
    expect(text).to.include('lcc0-re0:').and.include('error: ');
    expect(chunks.join('')).to.equal(text);
  });

  it('under a paused clock each line comes when its step starts', async () => {
    const clock = new VirtualClock({ paused: true, start: TEST_EPOCH });
    const dev = fakeDevice('mx960', {}, clock);
    const chunks: string[] = [];
    const done = requestSnapshot.handle(op('request-snapshot'), streaming(dev, chunks));
    await settle();
    expect(chunks.join('')).to.equal('umount: /altroot: not currently mounted\nCopying / to /altroot.. (this may take a few minutes)\n');
    // Finish the first copy: the next lines come, the archived line does not.
    while (chunks.join('').split('\n').length < 5) {
      clock.advance(1000);
      await settle();
    }
    expect(chunks.join('')).to.equal(SAMPLE_1.split('\n').slice(0, 4).join('\n') + '\n');
    clock.advance(3_600_000);
    await done;
    expect(chunks.join('')).to.equal(SAMPLE_1);
  });

  it('NETCONF sessions (no progress sink) run as before', async () => {
    const reply = await requestSnapshot.handle(op('request-snapshot'), fakeContext(fakeDevice('mx960'), { format: 'text' }));
    expect(outputText(reply)).to.equal(SAMPLE_1);
  });
});
