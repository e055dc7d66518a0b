import { expect } from 'chai';
import { TEST_KEYS_DIR } from '../support/emulator.js';
import { DEFAULT_LIMITS, formatSummary, runFuzz, type FuzzSummary } from './runner.js';

/**
 * The seeded fuzz run of `npm test` (docs/fuzzing.md): tens of thousands of
 * messages in both framings against the emulator as a child process. Strict:
 * any finding fails it, with the stream seeds that replay it
 * (`npm run fuzz -- --replay <seed> --minimize`).
 *
 * FUZZ_SEED and FUZZ_TEST_MESSAGES change the run; the default seed is fixed
 * so that a failure here is a failure everywhere.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20260101);
const MESSAGES = Number(process.env['FUZZ_TEST_MESSAGES'] ?? 24_000);

describe('fuzz: seeded, bounded run', function () {
  this.timeout(600_000);
  let summary: FuzzSummary;

  before(async () => {
    summary = await runFuzz({
      seed: SEED,
      messages: MESSAGES,
      concurrency: 6,
      batchMessages: 4000,
      maxRpcs: 16,
      deadlineMs: 10_000,
      limits: DEFAULT_LIMITS,
      warmupFraction: 0.5,
      rssGrowthBytes: 128 * 1048576,
      keysDir: TEST_KEYS_DIR,
    });
    process.stdout.write(`${formatSummary(summary).replace(/^/gm, '      ')}\n`);
  });

  it('covers both framings, broken and well-formed messages, hellos and broken framing', () => {
    expect(summary.messages).to.be.at.least(MESSAGES);
    expect(summary.verdicts['well-formed'] ?? 0, 'well-formed rpcs').to.be.above(MESSAGES / 4);
    expect(summary.verdicts['broken'] ?? 0, 'broken messages').to.be.above(MESSAGES / 20);
    expect(summary.ends['framing-error'] ?? 0, 'streams with broken framing').to.be.above(0);
    expect(summary.ends['hello-refused'] ?? 0, 'broken hellos').to.be.above(0);
  });

  it('the server stays up, a fresh session works after each batch, no session is left behind, RSS stays bounded', () => {
    expect(summary.serverFailures).to.deep.equal([]);
  });

  it('every message gets one Junos-shaped reply, and every broken stream an rpc-error or a close, within the bound', () => {
    const found = summary.findings.map((f) => `${f.check}: ${f.count} stream(s), e.g. seeds ${f.examples.map((e) => e.streamSeed).join(', ')}`);
    expect(found).to.deep.equal([]);
  });
});
