import { BenchClient } from '../client.js';
import type { ServerHandle } from '../servers.js';
import { cpuMicros, rate, Samples, summarize, type LatencySummary } from '../stats.js';
import { checkTrivialReply, TRIVIAL_RPC, watchdog } from './common.js';
import { KINDS, type ScenarioContext, type ServerKind } from './types.js';

export interface RpcMeasure {
  rpcs: number;
  perSec: number;
  latency: LatencySummary;
  serverCpuUsPerRpc: number;
  clientCpuUsPerRpc: number;
}

/** One timed phase on an open session: adds latencies to `samples`, returns RPCs done and the time they took. */
export type RpcPhase = (c: BenchClient, ms: number, samples: Samples | undefined) => Promise<{ rpcs: number; elapsedMs: number }>;

interface Lane {
  kind: ServerKind;
  server: ServerHandle;
  client: BenchClient;
  cancel: () => void;
  samples: Samples;
  rpcs: number;
  elapsedMs: number;
  serverCpuUs: number;
  clientCpuUs: number;
}

/**
 * Runs `phase` on one session per server kind, alternating ceiling and
 * emulator in BENCH_ROUNDS rounds of BENCH_SECONDS / rounds each, so slow
 * drift on a shared machine (other processes, thermal) lands on both sides
 * alike. One warm-up phase per kind first.
 */
export async function alternateRounds(ctx: ScenarioContext, label: string, phase: RpcPhase): Promise<Record<ServerKind, RpcMeasure>> {
  const { seconds, warmupSeconds, rounds } = ctx.settings;
  const lanes: Lane[] = [];
  try {
    for (const kind of KINDS) {
      const server = await ctx.server(kind);
      const client = await BenchClient.connect(ctx.clientOptions(server, 'password'));
      const cancel = watchdog(client, (seconds + 2 * warmupSeconds) * 1000 + 60_000, `${label} on ${kind}`);
      lanes.push({ kind, server, client, cancel, samples: new Samples(), rpcs: 0, elapsedMs: 0, serverCpuUs: 0, clientCpuUs: 0 });
      checkTrivialReply(kind, await client.rpc(TRIVIAL_RPC));
    }
    for (const l of lanes) if (warmupSeconds > 0) await phase(l.client, warmupSeconds * 1000, undefined);
    const roundMs = (seconds * 1000) / rounds;
    for (let r = 0; r < rounds; r++) {
      for (const l of lanes) {
        const s0 = await l.server.stats();
        const c0 = process.cpuUsage();
        const p = await phase(l.client, roundMs, l.samples);
        const c1 = process.cpuUsage();
        const s1 = await l.server.stats();
        l.rpcs += p.rpcs;
        l.elapsedMs += p.elapsedMs;
        l.serverCpuUs += cpuMicros(s0.cpu, s1.cpu);
        l.clientCpuUs += cpuMicros(c0, c1);
      }
    }
    const out: Partial<Record<ServerKind, RpcMeasure>> = {};
    for (const l of lanes) {
      checkTrivialReply(l.kind, await l.client.rpc(TRIVIAL_RPC));
      await l.client.closeSession();
      const n = Math.max(1, l.rpcs);
      out[l.kind] = {
        rpcs: l.rpcs,
        perSec: rate(l.rpcs, l.elapsedMs),
        latency: summarize(l.samples),
        serverCpuUsPerRpc: l.serverCpuUs / n,
        clientCpuUsPerRpc: l.clientCpuUs / n,
      };
    }
    return out as Record<ServerKind, RpcMeasure>;
  } finally {
    for (const l of lanes) {
      l.cancel();
      l.client.destroy();
    }
  }
}
