import type { BenchClient } from '../client.js';
import type { Samples } from '../stats.js';
import { now, TRIVIAL_RPC } from './common.js';
import { alternateRounds } from './rounds.js';
import type { Scenario } from './types.js';

/**
 * Keeps `window` RPCs in flight for `ms`, then lets them drain. Latency is
 * from each send to its reply, queueing included.
 */
export async function pipelinePhase(c: BenchClient, window: number, ms: number, samples: Samples | undefined): Promise<{ rpcs: number; elapsedMs: number }> {
  const sentAt = new Float64Array(window);
  let head = 0; // oldest outstanding send
  let tail = 0; // next free slot
  let inflight = 0;
  let rpcs = 0;
  const t0 = now();
  const end = t0 + ms;
  let last = t0;
  const done = new Promise<void>((resolve, reject) => {
    c.onMessage = () => {
      const t = now();
      samples?.add(t - sentAt[head]!);
      head = (head + 1) % window;
      inflight--;
      rpcs++;
      last = t;
      if (t < end) {
        sentAt[tail] = t;
        tail = (tail + 1) % window;
        inflight++;
        c.sendRpc(TRIVIAL_RPC);
      } else if (inflight === 0) {
        resolve();
      }
      return true;
    };
    c.whenClosed().then(() => reject(new Error('connection closed during the pipelined phase')));
  });
  for (let i = 0; i < window; i++) {
    sentAt[tail] = now();
    tail = (tail + 1) % window;
    inflight++;
    c.sendRpc(TRIVIAL_RPC);
  }
  try {
    await done;
  } finally {
    c.onMessage = undefined;
  }
  return { rpcs, elapsedMs: last - t0 };
}

/**
 * One session with BENCH_PIPELINE (16) RPCs in flight: each reply releases
 * the next request. Shows throughput when neither side waits on a round
 * trip; on two cores the client and the server each have one.
 */
export const pipelined: Scenario = {
  name: 'pipelined',
  title: 'Pipelined RPCs on one session',
  run: async (ctx) => {
    const w = ctx.settings.pipeline;
    ctx.log(`pipelined x${w}: ceiling and emulator, alternating rounds ...`);
    const { emulator: e, ceiling: c } = await alternateRounds(ctx, 'pipelined', (cl, ms, s) => pipelinePhase(cl, w, ms, s));
    return {
      rows: [
        { metric: `pipelined (${w} in flight) RPC rate`, unit: 'RPC/s', emulator: e.perSec, ceiling: c.perSec, digits: 0 },
        { metric: `pipelined (${w}) latency p50`, unit: 'ms', emulator: e.latency.p50Ms, ceiling: c.latency.p50Ms, digits: 3 },
        { metric: `pipelined (${w}) latency p99`, unit: 'ms', emulator: e.latency.p99Ms, ceiling: c.latency.p99Ms, digits: 3 },
        { metric: 'pipelined server CPU per RPC', unit: 'µs', emulator: e.serverCpuUsPerRpc, ceiling: c.serverCpuUsPerRpc, digits: 1 },
        { metric: 'pipelined client CPU per RPC', unit: 'µs', emulator: e.clientCpuUsPerRpc, ceiling: c.clientCpuUsPerRpc, digits: 1 },
      ],
      targets: [],
      notes: [`pipelined: ${e.rpcs} RPCs on the emulator, ${c.rpcs} on the ceiling`],
      raw: { emulator: e, ceiling: c, window: w },
    };
  },
};
