import { BenchClient } from '../client.js';
import type { ServerStats } from '../server-protocol.js';
import type { ServerHandle } from '../servers.js';
import { rate } from '../stats.js';
import { checkTrivialReply, errText, now, pool, sleep, TRIVIAL_RPC, waitFor } from './common.js';
import { KINDS, type Scenario, type ScenarioContext, type ServerKind } from './types.js';

/** The targets: 1,000 sessions held at no more than 50 KB of server memory each (KB = 1,000 bytes: the strict reading). */
export const HELD_TARGET = 1000;
export const BYTES_PER_SESSION_TARGET = 50_000;
/** Issue 15: 5,000 concurrent sessions at under 30 KB each (SSH workers' memory included). */
export const HELD_TARGET_15 = 5000;
export const BYTES_PER_SESSION_TARGET_15 = 30_000;

interface MemoryDelta {
  rssPerSession: number;
  /** V8 heap in use plus memory outside it (Buffers): what the process itself holds live. */
  heapPerSession: number;
}

interface ConcurrentMeasure {
  requested: number;
  /** Sessions the server counted while all clients were connected. */
  held: number;
  /** Of those, sessions that answered an RPC afterwards. */
  answered: number;
  failedOpens: number;
  firstError?: string;
  openPerSec: number;
  /** (all sessions idle after their hellos − baseline) / sessions. */
  idle: MemoryDelta;
  /** The same after one RPC on every session. */
  used: MemoryDelta;
  /** (all idle − half idle) / (sessions − half): the cost of one more session, without fixed growth. */
  marginal: MemoryDelta;
  /** Growth of V8's young generation (reserved) from baseline to all idle: fixed, not per session. */
  newSpaceGrowth: number;
  baseline: { rss: number; heap: number };
  drained: boolean;
  /** The SSH workers' share of `used`, per session (RSS, heap+external). */
  workersUsed?: MemoryDelta;
}

const live = (s: ServerStats): number => s.memory.heapUsed + s.memory.external;

function delta(from: ServerStats, to: ServerStats, n: number): MemoryDelta {
  const d = Math.max(1, n);
  return { rssPerSession: (to.memory.rss - from.memory.rss) / d, heapPerSession: (live(to) - live(from)) / d };
}

async function measure(ctx: ScenarioContext, kind: ServerKind): Promise<ConcurrentMeasure> {
  const { sessions: n, openConcurrency } = ctx.settings;
  const server: ServerHandle = await ctx.freshServer(kind, {
    connectionLimit: n + openConcurrency + 64,
    maxUnauthenticated: Math.max(128, openConcurrency * 2),
  });
  const clients: BenchClient[] = [];
  const opts = ctx.clientOptions(server, 'password');
  let failedOpens = 0;
  let firstError: string | undefined;
  let openMs = 0;
  const openMore = async (count: number): Promise<void> => {
    const t0 = now();
    const opened = await pool(Array.from({ length: count }), openConcurrency, async () => {
      const c = await BenchClient.connect(opts);
      clients.push(c);
    });
    openMs += now() - t0;
    for (const r of opened) {
      if (r.status === 'rejected') {
        failedOpens++;
        firstError ??= errText(r.reason);
      }
    }
  };
  const settled = async (): Promise<ServerStats> => {
    await sleep(300);
    return server.stats(true);
  };
  try {
    // Warm up: load and JIT the session code, so the baseline holds it already.
    const warm = await pool(Array.from({ length: 8 }), 8, async () => {
      const c = await BenchClient.connect(opts);
      checkTrivialReply(kind, await c.rpc(TRIVIAL_RPC));
      await c.closeSession();
    });
    const warmFail = warm.find((r) => r.status === 'rejected');
    if (warmFail) throw new Error(`warm-up on ${kind}: ${errText(warmFail.reason)}`);
    await waitFor(async () => (await server.stats()).sessions === 0, 10_000);
    const base = await settled();

    const half = Math.floor(n / 2);
    await openMore(half);
    const halfStats = await settled();
    await openMore(n - half);
    const idleStats = await settled();
    const held = idleStats.sessions;

    const answers = await pool(clients, 64, async (c) => checkTrivialReply(kind, await c.rpc(TRIVIAL_RPC)));
    const answered = answers.filter((r) => r.status === 'fulfilled').length;
    const usedStats = await settled();

    await Promise.all(clients.map((c) => c.end()));
    const drained = await waitFor(async () => (await server.stats()).sessions === 0, 20_000);
    return {
      requested: n,
      held,
      answered,
      failedOpens,
      firstError,
      openPerSec: rate(n - failedOpens, openMs),
      idle: delta(base, idleStats, held),
      used: delta(base, usedStats, held),
      marginal: delta(halfStats, idleStats, held - halfStats.sessions),
      newSpaceGrowth: (idleStats.heapSpaces['new_space'] ?? 0) - (base.heapSpaces['new_space'] ?? 0),
      baseline: { rss: base.memory.rss, heap: live(base) },
      workersUsed:
        base.workerMemory && usedStats.workerMemory
          ? {
              rssPerSession: (usedStats.workerMemory.rss - base.workerMemory.rss) / Math.max(1, held),
              heapPerSession: (usedStats.workerMemory.heapUsed + usedStats.workerMemory.external - base.workerMemory.heapUsed - base.workerMemory.external) / Math.max(1, held),
            }
          : undefined,
      drained,
    };
  } finally {
    for (const c of clients) c.destroy();
    await server.stop();
  }
}

const kb = (bytes: number): number => bytes / 1000;
const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

/**
 * Holds BENCH_SESSIONS (1,000) NETCONF sessions open at once on a fresh
 * server process and reads that process's memory (after a forced GC): at the
 * start, with half and with all the sessions idle after their hellos, and
 * after one RPC on each. Memory per session is the delta over the number of
 * sessions the server itself counted. The target is judged on the average
 * RSS delta (fixed growth such as V8's young generation included); the
 * marginal figure is printed beside it to tell the two apart.
 */
export const concurrent: Scenario = {
  name: 'concurrent',
  title: 'Concurrent sessions held, server memory per session',
  run: async (ctx) => {
    const m: Partial<Record<ServerKind, ConcurrentMeasure>> = {};
    for (const kind of KINDS) {
      ctx.log(`concurrent ${ctx.settings.sessions}: ${kind} ...`);
      m[kind] = await measure(ctx, kind);
    }
    const e = m.emulator!;
    const c = m.ceiling!;
    const heldOk = e.held >= HELD_TARGET && e.answered >= HELD_TARGET;
    const worst = Math.max(e.used.rssPerSession, e.idle.rssPerSession);
    const notes = [
      `concurrent: ${e.requested} requested; emulator held ${e.held}, ${e.answered} answered an RPC, ${e.failedOpens} failed to open` +
        `; ceiling held ${c.held} (${c.failedOpens} failed)`,
      `concurrent: baseline RSS ${mb(e.baseline.rss)} MB emulator, ${mb(c.baseline.rss)} MB ceiling;` +
        ` V8 young generation grew ${mb(e.newSpaceGrowth)} MB (emulator), ${mb(c.newSpaceGrowth)} MB (ceiling) while sessions opened`,
    ];
    if (e.workersUsed) {
      notes.push(`concurrent: of the emulator's memory per session after 1 RPC, its SSH workers hold ${kb(e.workersUsed.rssPerSession).toFixed(1)} KB RSS, ${kb(e.workersUsed.heapPerSession).toFixed(1)} KB heap+external`);
    }
    if (e.firstError) notes.push(`concurrent: first emulator open failure: ${e.firstError}`);
    if (c.firstError) notes.push(`concurrent: first ceiling open failure: ${c.firstError}`);
    if (!e.drained || !c.drained) notes.push('concurrent: a server still counted sessions 20 s after every client left');
    return {
      rows: [
        { metric: 'concurrent sessions held', unit: 'sessions', emulator: e.held, ceiling: c.held, digits: 0 },
        { metric: `opening them (${ctx.settings.openConcurrency} at once, password)`, unit: '/s', emulator: e.openPerSec, ceiling: c.openPerSec, digits: 1 },
        { metric: 'server RSS per session, idle', unit: 'KB', emulator: kb(e.idle.rssPerSession), ceiling: kb(c.idle.rssPerSession), digits: 1 },
        { metric: 'server RSS per session, after 1 RPC', unit: 'KB', emulator: kb(e.used.rssPerSession), ceiling: kb(c.used.rssPerSession), digits: 1 },
        { metric: 'server RSS per extra session (marginal)', unit: 'KB', emulator: kb(e.marginal.rssPerSession), ceiling: kb(c.marginal.rssPerSession), digits: 1 },
        { metric: 'server heap+external per session, idle', unit: 'KB', emulator: kb(e.idle.heapPerSession), ceiling: kb(c.idle.heapPerSession), digits: 1 },
        { metric: 'server heap+external per session, after 1 RPC', unit: 'KB', emulator: kb(e.used.heapPerSession), ceiling: kb(c.used.heapPerSession), digits: 1 },
      ],
      targets: [
        {
          target: `${HELD_TARGET} concurrent sessions held`,
          measured: `${e.held} held, ${e.answered} answered`,
          verdict: e.requested < HELD_TARGET ? 'n/a' : heldOk ? 'PASS' : 'MISS',
          note: e.requested < HELD_TARGET ? `BENCH_SESSIONS=${e.requested}` : undefined,
        },
        {
          target: `<= ${BYTES_PER_SESSION_TARGET / 1000} KB server memory per session (RSS)`,
          measured: `${kb(worst).toFixed(1)} KB RSS avg (marginal ${kb(e.marginal.rssPerSession).toFixed(1)} KB, heap+external ${kb(Math.max(e.used.heapPerSession, e.idle.heapPerSession)).toFixed(1)} KB)`,
          verdict: worst <= BYTES_PER_SESSION_TARGET ? 'PASS' : 'MISS',
        },
        {
          target: `${HELD_TARGET_15} concurrent sessions under ${BYTES_PER_SESSION_TARGET_15 / 1000} KB each (RSS, SSH workers included)`,
          measured: `${e.held} held, ${e.answered} answered, ${kb(worst).toFixed(1)} KB RSS avg`,
          verdict: e.requested < HELD_TARGET_15 ? 'n/a' : e.held >= HELD_TARGET_15 && e.answered >= HELD_TARGET_15 && worst < BYTES_PER_SESSION_TARGET_15 ? 'PASS' : 'MISS',
          note: e.requested < HELD_TARGET_15 ? `BENCH_SESSIONS=${e.requested}` : undefined,
        },
      ],
      notes,
      raw: { emulator: e, ceiling: c },
    };
  },
};
