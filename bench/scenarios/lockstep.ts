import { ratio } from '../stats.js';
import { now, TRIVIAL_RPC } from './common.js';
import { alternateRounds, type RpcPhase } from './rounds.js';
import type { Scenario } from './types.js';

/** The target: lock-step RPC rate at least 70% of the raw ssh2 echo ceiling. */
export const LOCKSTEP_TARGET_RATIO = 0.7;

/** Send, wait for the whole reply, send the next; each sample is one round trip. */
export const lockstepPhase: RpcPhase = async (c, ms, samples) => {
  const t0 = now();
  const end = t0 + ms;
  let t = t0;
  let rpcs = 0;
  while (t < end) {
    await c.rpc(TRIVIAL_RPC);
    const t1 = now();
    samples?.add(t1 - t);
    rpcs++;
    t = t1;
  }
  return { rpcs, elapsedMs: t - t0 };
};

/**
 * One session, one RPC at a time. The rate is 1 / round trip, so it shows
 * the per-RPC latency of the whole path (client, SSH both ways, server)
 * with no overlap between client and server work.
 */
export const lockstep: Scenario = {
  name: 'lockstep',
  title: 'Lock-step RPCs on one session',
  run: async (ctx) => {
    ctx.log('lock-step: ceiling and emulator, alternating rounds ...');
    const { emulator: e, ceiling: c } = await alternateRounds(ctx, 'lock-step', lockstepPhase);
    const r = ratio(e.perSec, c.perSec);
    return {
      rows: [
        { metric: 'lock-step RPC rate', unit: 'RPC/s', emulator: e.perSec, ceiling: c.perSec, digits: 0 },
        { metric: 'lock-step latency p50', unit: 'ms', emulator: e.latency.p50Ms, ceiling: c.latency.p50Ms, digits: 3 },
        { metric: 'lock-step latency p99', unit: 'ms', emulator: e.latency.p99Ms, ceiling: c.latency.p99Ms, digits: 3 },
        { metric: 'lock-step server CPU per RPC', unit: 'µs', emulator: e.serverCpuUsPerRpc, ceiling: c.serverCpuUsPerRpc, digits: 1 },
        { metric: 'lock-step client CPU per RPC', unit: 'µs', emulator: e.clientCpuUsPerRpc, ceiling: c.clientCpuUsPerRpc, digits: 1 },
      ],
      targets: [
        {
          target: `lock-step RPC rate >= ${LOCKSTEP_TARGET_RATIO * 100}% of ceiling`,
          measured: `${(r * 100).toFixed(1)}% (${e.perSec.toFixed(0)} / ${c.perSec.toFixed(0)} RPC/s)`,
          verdict: r >= LOCKSTEP_TARGET_RATIO ? 'PASS' : 'MISS',
        },
      ],
      notes: [`lock-step: ${e.rpcs} RPCs on the emulator, ${c.rpcs} on the ceiling, each ${TRIVIAL_RPC}`],
      raw: { emulator: e, ceiling: c },
    };
  },
};
