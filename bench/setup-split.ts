/**
 * `node dist/bench/setup-split.js`: session set-ups with and without SSH
 * workers, for the design note on workers. Two emulator children (the
 * default workers, or BENCH_WORKERS, and `workers: 0`) take BENCH_ROUNDS
 * alternating rounds of BENCH_SETUP_CONCURRENCY loops of connect + auth +
 * subsystem + hellos + `<close-session/>`, by key and by password; prints
 * set-ups/s and server CPU per set-up (owner and workers apart: CPU time is
 * far steadier than rates on a shared machine), and the load average.
 * BENCH_OWNER_WEIGHT applies to the first server only.
 */
import { loadavg } from 'node:os';
import type { BenchClientOptions } from './client.js';
import { BENCH_USER, DEFAULT_LAYOUT, Fixtures } from './fixtures.js';
import { setupLoops } from './scenarios/common.js';
import { spawnServer, type ServerHandle } from './servers.js';
import { cpuMicros } from './stats.js';
import { loadSettings } from './settings.js';

interface Acc {
  setups: number;
  errors: number;
  ms: number;
  ownerUs: number;
  workerUs: number;
  /** Server CPU µs per set-up of each round (owner + workers): its median is steadier than the mean under load. */
  perRound: number[];
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

async function loops(opts: BenchClientOptions, concurrency: number, ms: number): Promise<{ setups: number; errors: number; ms: number }> {
  const r = await setupLoops(opts, concurrency, ms);
  return { setups: r.setups, errors: r.errors, ms: r.elapsedMs };
}

async function main(): Promise<void> {
  const s = loadSettings();
  const fixtures = new Fixtures();
  const weight = process.env['BENCH_OWNER_WEIGHT'];
  const servers: Array<{ name: string; h: ServerHandle }> = [];
  try {
    servers.push({ name: `workers ${s.workers ?? 'default'}${weight ? `, owner weight ${weight}` : ''}`, h: await spawnServer(fixtures.spec('emulator', { ...DEFAULT_LAYOUT, ...(s.workers !== undefined ? { workers: s.workers } : {}) }), { cpuProfDir: s.cpuProfDir }) });
    delete process.env['BENCH_OWNER_WEIGHT'];
    servers.push({ name: 'workers 0', h: await spawnServer(fixtures.spec('emulator', { ...DEFAULT_LAYOUT, workers: 0 }), { cpuProfDir: s.cpuProfDir }) });
    const load0 = loadavg()[0]!;
    for (const auth of ['key', 'password'] as const) {
      const acc = servers.map((): Acc => ({ setups: 0, errors: 0, ms: 0, ownerUs: 0, workerUs: 0, perRound: [] }));
      const optsOf = (h: ServerHandle): BenchClientOptions => ({
        host: '127.0.0.1',
        port: h.port,
        username: BENCH_USER.name,
        ...(auth === 'key' ? { privateKey: fixtures.clientPrivateKey } : { password: BENCH_USER.password }),
      });
      for (const { h } of servers) await loops(optsOf(h), s.setupConcurrency, s.warmupSeconds * 1000);
      for (let r = 0; r < s.rounds; r++) {
        for (const [i, { h }] of servers.entries()) {
          const s0 = await h.stats();
          const p = await loops(optsOf(h), s.setupConcurrency, (s.seconds * 1000) / s.rounds);
          const s1 = await h.stats();
          const a = acc[i]!;
          a.setups += p.setups;
          a.errors += p.errors;
          a.ms += p.ms;
          a.ownerUs += cpuMicros(s0.cpu, s1.cpu);
          const wUs = s0.workerCpu && s1.workerCpu ? cpuMicros(s0.workerCpu, s1.workerCpu) : 0;
          a.workerUs += wUs;
          if (p.setups > 0) a.perRound.push((cpuMicros(s0.cpu, s1.cpu) + wUs) / p.setups);
        }
      }
      const rates = acc.map((a) => (a.setups * 1000) / a.ms);
      for (const [i, a] of acc.entries()) {
        const n = Math.max(1, a.setups);
        process.stdout.write(
          `${auth.padEnd(8)} ${servers[i]!.name.padEnd(34)} ${rates[i]!.toFixed(1).padStart(7)} set-ups/s (${a.errors} failed); ` +
            `server CPU per set-up: owner ${(a.ownerUs / n / 1000).toFixed(2)} ms, workers ${(a.workerUs / n / 1000).toFixed(2)} ms, sum ${((a.ownerUs + a.workerUs) / n / 1000).toFixed(2)} ms, median of rounds ${(median(a.perRound) / 1000).toFixed(2)} ms\n`,
        );
      }
      process.stdout.write(`${auth.padEnd(8)} ratio ${(rates[0]! / rates[1]!).toFixed(2)}x; CPU per set-up ${(median(acc[0]!.perRound) / median(acc[1]!.perRound)).toFixed(2)}x (medians)\n`);
    }
    process.stdout.write(`load average ${load0.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end\n`);
  } finally {
    await Promise.all(servers.map(({ h }) => h.stop()));
    fixtures.remove();
  }
}

void main().then(() => process.exit(0));
