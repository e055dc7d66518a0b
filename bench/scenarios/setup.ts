import { cpuMicros, rate, Samples, summarize, type LatencySummary } from '../stats.js';
import { setupLoops, type SetupLoops } from './common.js';
import { KINDS, type Scenario, type ScenarioContext, type ServerKind } from './types.js';

/** The target: at least 50 session set-ups per second with key auth. */
export const SETUP_TARGET_PER_SEC = 50;

interface SetupMeasure {
  setups: number;
  errors: number;
  firstError?: string;
  perSec: number;
  latency: LatencySummary;
  serverCpuMsPerSetup: number;
  clientCpuMsPerSetup: number;
}

/** `workers` loops of connect + key auth + subsystem + hellos + close-session + socket close, for `ms`. */
async function phase(ctx: ScenarioContext, kind: ServerKind, workers: number, ms: number, samples: Samples | undefined): Promise<SetupLoops> {
  const server = await ctx.server(kind);
  return setupLoops(ctx.clientOptions(server, 'key'), workers, ms, samples ? { samples } : {});
}

/** Warm-up per kind, then BENCH_ROUNDS alternating rounds (ceiling, emulator, ceiling, ...), as the RPC scenarios do. */
async function measureBoth(ctx: ScenarioContext): Promise<Record<ServerKind, SetupMeasure>> {
  const { seconds, warmupSeconds, setupConcurrency: w, rounds } = ctx.settings;
  const acc = new Map<ServerKind, { samples: Samples; setups: number; errors: number; firstError?: string; elapsedMs: number; serverUs: number; clientUs: number }>();
  for (const kind of KINDS) {
    if (warmupSeconds > 0) await phase(ctx, kind, w, warmupSeconds * 1000, undefined);
    acc.set(kind, { samples: new Samples(4096), setups: 0, errors: 0, elapsedMs: 0, serverUs: 0, clientUs: 0 });
  }
  for (let r = 0; r < rounds; r++) {
    for (const kind of KINDS) {
      const a = acc.get(kind)!;
      const server = await ctx.server(kind);
      const s0 = await server.stats();
      const c0 = process.cpuUsage();
      const p = await phase(ctx, kind, w, (seconds * 1000) / rounds, a.samples);
      const c1 = process.cpuUsage();
      const s1 = await server.stats();
      a.setups += p.setups;
      a.errors += p.errors;
      a.firstError ??= p.firstError;
      a.elapsedMs += p.elapsedMs;
      a.serverUs += cpuMicros(s0.cpu, s1.cpu);
      a.clientUs += cpuMicros(c0, c1);
    }
  }
  const out: Partial<Record<ServerKind, SetupMeasure>> = {};
  for (const [kind, a] of acc) {
    const n = Math.max(1, a.setups);
    out[kind] = {
      setups: a.setups,
      errors: a.errors,
      firstError: a.firstError,
      perSec: rate(a.setups, a.elapsedMs),
      latency: summarize(a.samples),
      serverCpuMsPerSetup: a.serverUs / 1000 / n,
      clientCpuMsPerSetup: a.clientUs / 1000 / n,
    };
  }
  return out as Record<ServerKind, SetupMeasure>;
}

/**
 * Session set-ups per second with public-key auth: BENCH_SETUP_CONCURRENCY
 * (4) loops, each doing TCP connect, SSH key exchange, ed25519 public-key
 * auth, the `netconf` subsystem, server hello, client hello,
 * `<close-session/>` and its reply, and waiting for the socket to close.
 */
export const setup: Scenario = {
  name: 'setup',
  title: 'Session set-ups with ed25519 key auth',
  run: async (ctx) => {
    const w = ctx.settings.setupConcurrency;
    ctx.log(`set-ups x${w}: ceiling and emulator, alternating rounds ...`);
    const { emulator: e, ceiling: c } = await measureBoth(ctx);
    const notes = [`set-ups: ${w} at once; ${e.setups} on the emulator (${e.errors} failed), ${c.setups} on the ceiling (${c.errors} failed)`];
    if (e.firstError) notes.push(`set-ups: first emulator failure: ${e.firstError}`);
    if (c.firstError) notes.push(`set-ups: first ceiling failure: ${c.firstError}`);
    return {
      rows: [
        { metric: `session set-ups, key auth (${w} at once)`, unit: '/s', emulator: e.perSec, ceiling: c.perSec, digits: 1 },
        { metric: 'set-up time p50', unit: 'ms', emulator: e.latency.p50Ms, ceiling: c.latency.p50Ms, digits: 1 },
        { metric: 'set-up time p99', unit: 'ms', emulator: e.latency.p99Ms, ceiling: c.latency.p99Ms, digits: 1 },
        { metric: 'server CPU per set-up', unit: 'ms', emulator: e.serverCpuMsPerSetup, ceiling: c.serverCpuMsPerSetup, digits: 2 },
        { metric: 'client CPU per set-up', unit: 'ms', emulator: e.clientCpuMsPerSetup, ceiling: c.clientCpuMsPerSetup, digits: 2 },
      ],
      targets: [
        {
          target: `>= ${SETUP_TARGET_PER_SEC} session set-ups/s with key auth`,
          measured: `${e.perSec.toFixed(1)}/s`,
          verdict: e.errors === 0 && e.perSec >= SETUP_TARGET_PER_SEC ? 'PASS' : 'MISS',
          note: e.errors > 0 ? `${e.errors} set-ups failed` : undefined,
        },
      ],
      notes,
      raw: { emulator: e, ceiling: c, concurrency: w },
    };
  },
};
