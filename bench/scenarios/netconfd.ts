/**
 * Issue 15's comparison: the emulator beside Debian's netconfd (yuma123)
 * behind OpenSSH, and beside the raw ssh2 echo, in the same run with the
 * same light client. Lock-step and pipelined on one session, 16 concurrent
 * lock-step sessions, each in alternating rounds; lock-step and pipelined
 * again while another process keeps one core busy; set-ups with and without
 * SSH workers. Skipped with a notice when netconfd or sshd is missing.
 */
import { BenchClient, type BenchClientOptions } from '../client.js';
import { netconfdMissing, startCpuLoad, startNetconfd, type NetconfdServer } from '../netconfd-server.js';
import type { ServerHandle } from '../servers.js';
import { rate } from '../stats.js';
import { errText, now, pool, setupLoops, TRIVIAL_RPC, watchdog } from './common.js';
import { lockstepPhase } from './lockstep.js';
import { pipelinePhase } from './pipelined.js';
import type { Row, Scenario, ScenarioContext, TargetResult } from './types.js';

type Lane = 'emulator' | 'netconfd' | 'ceiling';

interface Peer {
  lane: Lane;
  opts: BenchClientOptions;
}

type Phase = (c: BenchClient, ms: number) => Promise<{ rpcs: number; elapsedMs: number }>;

function checkReply(lane: Lane, reply: string): void {
  const ok = lane === 'ceiling' ? reply.includes(TRIVIAL_RPC) : reply.includes('<rpc-reply') && !reply.includes('<rpc-error>');
  if (!ok) throw new Error(`${lane}: unexpected reply to ${TRIVIAL_RPC}: ${reply.slice(0, 300)}`);
}

/**
 * `sessions` sessions per peer run `phase` at once; peers take turns in
 * BENCH_ROUNDS rounds after a warm-up. Returns each peer's aggregate RPC/s.
 */
async function measure(ctx: ScenarioContext, peers: readonly Peer[], sessions: number, phase: Phase, label: string): Promise<Record<Lane, number>> {
  const { seconds, warmupSeconds, rounds } = ctx.settings;
  const open = new Map<Lane, BenchClient[]>();
  const cancels: Array<() => void> = [];
  try {
    for (const p of peers) {
      const settled = await pool(Array.from({ length: sessions }), 8, async () => BenchClient.connect(p.opts));
      const clients = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      open.set(p.lane, clients);
      const failed = settled.find((r) => r.status === 'rejected');
      if (failed) throw new Error(`${label}: ${p.lane}: ${errText((failed as PromiseRejectedResult).reason)}`);
      for (const c of clients) {
        checkReply(p.lane, await c.rpc(TRIVIAL_RPC));
        cancels.push(watchdog(c, (seconds + 2 * warmupSeconds) * 1000 * 2 + 60_000, `${label} on ${p.lane}`));
      }
    }
    const run = async (lane: Lane, ms: number): Promise<{ rpcs: number; elapsedMs: number }> => {
      const t0 = now();
      const parts = await Promise.all(open.get(lane)!.map((c) => phase(c, ms)));
      return { rpcs: parts.reduce((n, p) => n + p.rpcs, 0), elapsedMs: Math.max(now() - t0, ...parts.map((p) => p.elapsedMs)) };
    };
    for (const p of peers) if (warmupSeconds > 0) await run(p.lane, warmupSeconds * 1000);
    const acc = new Map<Lane, { rpcs: number; ms: number }>(peers.map((p) => [p.lane, { rpcs: 0, ms: 0 }]));
    for (let r = 0; r < rounds; r++) {
      for (const p of peers) {
        const x = await run(p.lane, (seconds * 1000) / rounds);
        const a = acc.get(p.lane)!;
        a.rpcs += x.rpcs;
        a.ms += x.elapsedMs;
      }
    }
    const out: Partial<Record<Lane, number>> = {};
    for (const [lane, a] of acc) out[lane] = rate(a.rpcs, a.ms);
    return out as Record<Lane, number>;
  } finally {
    for (const c of cancels) c();
    for (const cs of open.values()) for (const c of cs) c.destroy();
  }
}

/** Set-ups per second: `concurrency` loops of connect, auth, subsystem, hellos (, close-session), after a short warm-up. */
async function setups(opts: BenchClientOptions, concurrency: number, ms: number, closeSession = true, warmMs = 300): Promise<{ perSec: number; errors: number }> {
  if (warmMs > 0) await setupLoops(opts, concurrency, warmMs, { closeSession });
  const r = await setupLoops(opts, concurrency, ms, { closeSession });
  return { perSec: rate(r.setups, r.elapsedMs), errors: r.errors };
}

function verdict(r: number, min: number): 'PASS' | 'MISS' {
  return Number.isFinite(r) && r >= min ? 'PASS' : 'MISS';
}

const x = (r: number): string => `${r.toFixed(2)}x`;

export const netconfdComparison: Scenario = {
  name: 'netconfd',
  title: 'Beside netconfd + OpenSSH (issue 15)',
  run: async (ctx) => {
    const missing = netconfdMissing();
    if (missing) {
      ctx.log(`netconfd comparison skipped: ${missing}`);
      return { rows: [], targets: [{ target: 'netconfd comparison (issue 15)', measured: `skipped: ${missing}`, verdict: 'n/a' }], notes: [`netconfd comparison skipped: ${missing}`] };
    }
    const s = ctx.settings;
    const emulator: ServerHandle = await ctx.server('emulator');
    const ceiling: ServerHandle = await ctx.server('ceiling');
    const nd: NetconfdServer = await startNetconfd(ctx.fixtures.clientPublicKey);
    const single: ServerHandle = await ctx.freshServer('emulator', { workers: 0 });
    try {
      const peers: Peer[] = [
        { lane: 'netconfd', opts: { host: '127.0.0.1', port: nd.port, username: nd.username, privateKey: ctx.fixtures.clientPrivateKey, noDelay: s.clientNoDelay, helloSettleMs: 50 } },
        { lane: 'ceiling', opts: ctx.clientOptions(ceiling, 'password') },
        { lane: 'emulator', opts: ctx.clientOptions(emulator, 'password') },
      ];
      const lock: Phase = (c, ms) => lockstepPhase(c, ms, undefined);
      const pipe: Phase = (c, ms) => pipelinePhase(c, s.pipeline, ms, undefined);
      ctx.log('netconfd: lock-step, one session ...');
      const l1 = await measure(ctx, peers, 1, lock, 'lock-step');
      ctx.log(`netconfd: pipelined x${s.pipeline}, one session ...`);
      const p1 = await measure(ctx, peers, 1, pipe, 'pipelined');
      ctx.log(`netconfd: ${s.netconfdSessions} concurrent lock-step sessions ...`);
      const c16 = await measure(ctx, peers, s.netconfdSessions, lock, 'concurrent');
      let loaded: { l: Record<Lane, number>; p: Record<Lane, number> } | undefined;
      if (s.cpuLoad) {
        ctx.log('netconfd: lock-step and pipelined with one core kept busy by another process ...');
        const load = startCpuLoad();
        try {
          loaded = { l: await measure(ctx, peers, 1, lock, 'lock-step (loaded)'), p: await measure(ctx, peers, 1, pipe, 'pipelined (loaded)') };
        } finally {
          await load.stop();
        }
      }
      ctx.log('netconfd: set-ups, key and password, with and without SSH workers ...');
      const ms = (s.seconds * 1000) / 2;
      const ndOpts = { ...peers[0]!.opts, helloSettleMs: 0 };
      const setupRows = {
        key: { workers: await setups(ctx.clientOptions(emulator, 'key'), s.setupConcurrency, ms), single: await setups(ctx.clientOptions(single, 'key'), s.setupConcurrency, ms), netconfd: await setups(ndOpts, s.setupConcurrency, ms, false), emulatorNoClose: await setups(ctx.clientOptions(emulator, 'key'), s.setupConcurrency, ms, false) },
        password: { workers: await setups(ctx.clientOptions(emulator, 'password'), s.setupConcurrency, ms), single: await setups(ctx.clientOptions(single, 'password'), s.setupConcurrency, ms) },
      };
      const rows: Row[] = [];
      const add = (metric: string, r: Record<Lane, number>): void => {
        rows.push({ metric: `${metric}, emulator / netconfd`, unit: 'RPC/s', emulator: r.emulator, ceiling: r.netconfd, digits: 0 });
      };
      add('lock-step, 1 session', l1);
      add(`pipelined (${s.pipeline}), 1 session`, p1);
      add(`${s.netconfdSessions} concurrent sessions, aggregate`, c16);
      if (loaded) {
        add('lock-step, one core busy', loaded.l);
        add(`pipelined (${s.pipeline}), one core busy`, loaded.p);
      }
      rows.push({ metric: 'lock-step, emulator / raw ssh2 echo', unit: 'RPC/s', emulator: l1.emulator, ceiling: l1.ceiling, digits: 0 });
      rows.push({ metric: 'pipelined, emulator / raw ssh2 echo', unit: 'RPC/s', emulator: p1.emulator, ceiling: p1.ceiling, digits: 0 });
      rows.push({ metric: `set-ups/s key, workers / --workers 0`, unit: '/s', emulator: setupRows.key.workers.perSec, ceiling: setupRows.key.single.perSec, digits: 1 });
      rows.push({ metric: `set-ups/s password, workers / --workers 0`, unit: '/s', emulator: setupRows.password.workers.perSec, ceiling: setupRows.password.single.perSec, digits: 1 });
      rows.push({ metric: `set-ups/s key (to the hellos), emulator / netconfd`, unit: '/s', emulator: setupRows.key.emulatorNoClose.perSec, ceiling: setupRows.key.netconfd.perSec, digits: 1 });
      const r = (a: Record<Lane, number>): number => a.emulator / a.netconfd;
      const targets: TargetResult[] = [
        { target: `${s.netconfdSessions} concurrent sessions >= 2x netconfd aggregate RPC/s`, measured: x(r(c16)), verdict: verdict(r(c16), 2) },
        { target: 'lock-step one session >= 1.5x netconfd', measured: x(r(l1)), verdict: verdict(r(l1), 1.5) },
        { target: 'pipelined one session >= 1.5x netconfd', measured: x(r(p1)), verdict: verdict(r(p1), 1.5) },
      ];
      if (loaded) {
        targets.push({ target: 'lock-step >= 1.5x netconfd, one core busy', measured: x(r(loaded.l)), verdict: verdict(r(loaded.l), 1.5) });
        targets.push({ target: 'pipelined >= 1.5x netconfd, one core busy', measured: x(r(loaded.p)), verdict: verdict(r(loaded.p), 1.5) });
      } else {
        targets.push({ target: 'lock-step and pipelined >= 1.5x netconfd, one core busy', measured: 'BENCH_CPU_LOAD=0', verdict: 'n/a' });
      }
      const echo = l1.emulator / l1.ceiling;
      targets.push({ target: 'lock-step >= 0.85x raw ssh2 echo', measured: x(echo), verdict: verdict(echo, 0.85) });
      const keyR = setupRows.key.workers.perSec / setupRows.key.single.perSec;
      const pwR = setupRows.password.workers.perSec / setupRows.password.single.perSec;
      const errs = setupRows.key.workers.errors + setupRows.password.workers.errors;
      targets.push({
        target: 'no regression of set-ups (key / password), workers against --workers 0',
        measured: `${x(keyR)} / ${x(pwR)}; key ${x(setupRows.key.emulatorNoClose.perSec / setupRows.key.netconfd.perSec)} netconfd`,
        // Two runs of the same code on a shared machine differ by ~10%; less than that is no regression.
        verdict: errs === 0 && keyR >= 0.9 && pwR >= 0.9 ? 'PASS' : 'MISS',
        note: errs > 0 ? `${errs} set-ups failed` : undefined,
      });
      return {
        rows,
        targets,
        notes: [
          `netconfd: yuma123 netconfd behind OpenSSH sshd (port ${nd.port}), key login as ${nd.username}; the emulator with its default SSH workers; the same client for all three`,
          'netconfd rows: the "ceiling" column is netconfd (or the raw ssh2 echo, or the emulator with --workers 0, as the metric says)',
        ],
        raw: { l1, p1, c16, loaded, setups: setupRows },
      };
    } finally {
      await nd.stop();
      await single.stop();
    }
  },
};
