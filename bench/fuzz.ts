/**
 * `npm run fuzz`: the fuzz driver of test/fuzz for as long as asked
 * (a million messages by default), with progress and a final summary.
 *
 *   npm run fuzz -- --messages 1000000 --seed 42 --concurrency 4
 *   npm run fuzz -- --replay 123456,789 --minimize
 *
 * Each option also reads an environment variable: FUZZ_MESSAGES, FUZZ_SEED,
 * FUZZ_CONCURRENCY, FUZZ_BATCH, FUZZ_DEADLINE_MS, FUZZ_RSS_GROWTH_MB.
 * Exits 1 when anything was found.
 */
import { parseArgs } from 'node:util';
import { minimizeFindings } from '../test/fuzz/minimize.js';
import { DEFAULT_LIMITS, formatSummary, runFuzz } from '../test/fuzz/runner.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string' },
    seed: { type: 'string' },
    concurrency: { type: 'string' },
    batch: { type: 'string' },
    'deadline-ms': { type: 'string' },
    'rss-growth-mb': { type: 'string' },
    replay: { type: 'string' },
    minimize: { type: 'boolean' },
    json: { type: 'string' },
  },
});

function num(flag: string | undefined, env: string, dflt: number): number {
  const v = flag ?? process.env[env];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${env}: expected a number, got ${v}`);
  return n;
}

const seed = num(values.seed, 'FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
const messages = num(values.messages, 'FUZZ_MESSAGES', 1_000_000);
const opts = {
  seed,
  messages,
  concurrency: num(values.concurrency, 'FUZZ_CONCURRENCY', 4),
  batchMessages: num(values.batch, 'FUZZ_BATCH', Math.max(2000, Math.min(50_000, Math.round(messages / 40)))),
  maxRpcs: 16,
  deadlineMs: num(values['deadline-ms'], 'FUZZ_DEADLINE_MS', 15_000),
  limits: DEFAULT_LIMITS,
  warmupFraction: 0.25,
  rssGrowthBytes: num(values['rss-growth-mb'], 'FUZZ_RSS_GROWTH_MB', 128) * 1048576,
  ...(values.replay ? { replay: values.replay.split(',').map(Number) } : {}),
  progress: (line: string) => process.stdout.write(`${line}\n`),
};

process.stdout.write(`fuzz: seed ${seed}, ${values.replay ? `replaying ${values.replay}` : `${messages} messages`}, concurrency ${opts.concurrency}\n`);
const summary = await runFuzz(opts);
process.stdout.write(`${formatSummary(summary)}\n`);
if (values.json) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(values.json, JSON.stringify(summary, null, 2));
}
if (values.minimize && summary.findings.length > 0) {
  process.stdout.write('minimizing one example of each finding...\n');
  for (const line of await minimizeFindings(summary, opts)) process.stdout.write(`${line}\n`);
}
process.exit(summary.findings.length > 0 || summary.serverFailures.length > 0 ? 1 : 0);
