/**
 * Soak (issue 9 item 14): a steady mix of RPCs and session churn against one
 * device with a state folder, sampling the server's memory once a second.
 * Reports RSS after warm-up and the slope of RSS and of the live heap over
 * the rest of the run; a leak shows as a slope that does not fall toward 0
 * as the run gets longer.
 *
 * BENCH_SOAK_SECONDS (default 25), BENCH_SOAK_WARMUP_SECONDS (default 5),
 * BENCH_SOAK_SESSIONS (default 4 looping sessions, plus one that keeps
 * opening and closing sessions), BENCH_SOAK_STATE_DIR=0 to run without a
 * state folder (nothing written to disk).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BenchClient, type BenchClientOptions } from '../client.js';
import { DEFAULT_LAYOUT } from '../fixtures.js';
import type { ServerStats } from '../server-protocol.js';
import { spawnServer } from '../servers.js';
import { checkTrivialReply, errText, now, sleep, TRIVIAL_RPC } from './common.js';
import type { Scenario } from './types.js';

function envNumber(name: string, dflt: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return dflt;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw new Error(`${name}=${raw}: expected a number from ${min} to ${max}`);
  return v;
}

interface Sample {
  /** Seconds since the start of the load. */
  t: number;
  rss: number;
  /** V8 heap in use plus memory outside it (Buffers). */
  live: number;
}

/** Least-squares slope of y over t (seconds), per minute. */
export function slopePerMinute(points: ReadonlyArray<{ t: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - mt) * (p.y - my);
    den += (p.t - mt) ** 2;
  }
  return den === 0 ? Number.NaN : (num / den) * 60;
}

/**
 * One round of a session's loop; snapshots and commits change saved state.
 * Only session 0 takes snapshots: two at once on one RE are refused, as on Junos.
 */
const MIX = (i: number, n: number): string[] => [
  TRIVIAL_RPC,
  TRIVIAL_RPC,
  TRIVIAL_RPC,
  '<get-software-information/>',
  ...(i === 0 ? ['<request-snapshot/>'] : []),
  '<get-snapshot-information/>',
  `<load-configuration action="set" format="text"><configuration-set>set system host-name soak-${i}-${n % 100}</configuration-set></load-configuration>`,
  '<commit-configuration/>',
  '<get-configuration database="committed" format="set"/>',
];

export const soak: Scenario = {
  name: 'soak',
  title: 'Soak: memory under a steady RPC mix and session churn',
  run: async (ctx) => {
    const seconds = envNumber('BENCH_SOAK_SECONDS', 25, 2, 24 * 3600);
    const warmup = envNumber('BENCH_SOAK_WARMUP_SECONDS', 5, 0, seconds - 1);
    const sessions = Math.round(envNumber('BENCH_SOAK_SESSIONS', 4, 1, 1000));
    const withState = envNumber('BENCH_SOAK_STATE_DIR', 1, 0, 1) === 1;
    const configFile = ctx.fixtures.emulatorConfig(DEFAULT_LAYOUT);
    if (withState) {
      const stateDir = join(ctx.fixtures.dir, 'soak-state');
      mkdirSync(stateDir, { recursive: true });
      appendFileSync(configFile, `state-dir: ${JSON.stringify(stateDir)}\n`);
    }
    const server = await spawnServer({ kind: 'emulator', configFile, keysDir: ctx.fixtures.keysDir }, { cpuProfDir: ctx.settings.cpuProfDir, nodeArgs: ctx.settings.serverNodeArgs });
    const opts: BenchClientOptions = ctx.clientOptions(server, 'password');
    ctx.log(`soak: ${seconds} s (${warmup} s warm-up), ${sessions} sessions + 1 churning, state folder ${withState ? 'on' : 'off'}`);
    const end = now() + seconds * 1000;
    let rpcs = 0;
    let opened = 0;
    let firstError: string | undefined;
    const loop = async (i: number): Promise<void> => {
      const c = await BenchClient.connect(opts);
      try {
        checkTrivialReply('emulator', await c.rpc(TRIVIAL_RPC));
        for (let n = 0; now() < end; n++) {
          for (const body of MIX(i, n)) {
            const reply = await c.rpc(body);
            if (reply.includes('<rpc-error>')) firstError ??= `${body.slice(0, 60)}: ${reply.slice(0, 300)}`;
            rpcs++;
          }
        }
      } finally {
        c.destroy();
      }
    };
    const churn = async (): Promise<void> => {
      while (now() < end) {
        const c = await BenchClient.connect(opts);
        opened++;
        try {
          await c.rpc(TRIVIAL_RPC);
          await c.rpc('<get-snapshot-information/>');
          rpcs += 2;
          await c.closeSession();
        } finally {
          c.destroy();
        }
      }
    };
    const samples: Sample[] = [];
    const t0 = now();
    const sampler = async (): Promise<void> => {
      while (now() < end) {
        const s: ServerStats = await server.stats(true);
        samples.push({ t: (now() - t0) / 1000, rss: s.memory.rss, live: s.memory.heapUsed + s.memory.external });
        await sleep(1000);
      }
    };
    try {
      await Promise.all([...Array.from({ length: sessions }, (_, i) => loop(i)), churn(), sampler()]);
    } catch (err) {
      firstError ??= errText(err);
    } finally {
      await server.stop();
    }
    const after = samples.filter((s) => s.t >= warmup);
    if (after.length < 2) throw new Error(`soak: only ${after.length} memory samples after warm-up (run longer: BENCH_SOAK_SECONDS)`);
    const rssAtWarmup = after[0]!.rss;
    const rssSlope = slopePerMinute(after.map((s) => ({ t: s.t, y: s.rss })));
    const liveSlope = slopePerMinute(after.map((s) => ({ t: s.t, y: s.live })));
    const rate = rpcs / seconds;
    const MB = 2 ** 20;
    return {
      rows: [
        { metric: 'soak RSS after warm-up', unit: 'MB', emulator: rssAtWarmup / MB, digits: 1, noRatio: true },
        { metric: 'soak RSS at the end', unit: 'MB', emulator: after[after.length - 1]!.rss / MB, digits: 1, noRatio: true },
        { metric: 'soak RSS slope after warm-up', unit: 'KB/min', emulator: rssSlope / 1024, digits: 0, noRatio: true },
        { metric: 'soak live heap slope after warm-up', unit: 'KB/min', emulator: liveSlope / 1024, digits: 0, noRatio: true },
        { metric: 'soak RPC rate (all sessions)', unit: 'RPC/s', emulator: rate, digits: 0, noRatio: true },
      ],
      targets: [
        firstError
          ? { target: 'soak: every RPC answered without an rpc-error', measured: firstError, verdict: 'MISS' }
          : { target: 'soak: every RPC answered without an rpc-error', measured: `${rpcs} RPCs`, verdict: 'PASS' },
        { target: 'soak: RSS slope after warm-up (reported, no target)', measured: `${(rssSlope / 1024).toFixed(0)} KB/min from ${(rssAtWarmup / 2 ** 20).toFixed(1)} MB`, verdict: 'n/a' },
      ],
      notes: [
        `soak: ${rpcs} RPCs in ${seconds} s over ${sessions} looping sessions and ${opened} short ones, state folder ${withState ? 'on' : 'off'};` +
          ` ${after.length} memory samples (after a gc) from ${warmup} s on. A short run's slope includes the request log filling up` +
          ` (one event per session end, 20,000 entries plus as many dropped ones until the ring compacts: a few MB over the first minutes of churn);` +
          ' BENCH_SOAK_SECONDS=600 for a real soak',
      ],
      raw: { samples },
    };
  },
};
