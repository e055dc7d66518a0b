import { DeviceModel, planSnapshot, plannedDurationMs } from '../../src/engine/index.js';
import { snapshotOptions } from '../../src/grammar/request-snapshot.js';
import { BenchClient } from '../client.js';
import { Samples, summarize } from '../stats.js';
import { checkTrivialReply, now, TRIVIAL_RPC, watchdog } from './common.js';
import type { Scenario } from './types.js';

/** Issue 3's targets for snapshots under the instant clock. */
export const SNAPSHOT_LATENCY_TARGET_MS = 50;
export const SNAPSHOT_RATE_TARGET_RATIO = 0.5;
export const SNAPSHOT_RPC = '<request-snapshot/>';

/** Slow enough media that one mx960 snapshot (748 MB of / and 8 MB of /config) takes over 15 virtual minutes. */
const SLOW_MEDIA = { 'media-speed-mbps': 0.8 };

async function lockstep(c: BenchClient, body: string, ms: number, samples: Samples): Promise<{ rpcs: number; elapsedMs: number }> {
  const t0 = now();
  let t = t0;
  let rpcs = 0;
  while (t < t0 + ms) {
    const reply = await c.rpc(body);
    if (rpcs === 0 && (reply.includes('<rpc-error>') || !reply.includes('<rpc-reply'))) throw new Error(`${body}: ${reply.slice(0, 300)}`);
    const t1 = now();
    samples.add(t1 - t);
    rpcs++;
    t = t1;
  }
  return { rpcs, elapsedMs: t - t0 };
}

/**
 * `<request-snapshot/>` on an mx960 whose media make it a 15-minute
 * snapshot, under the instant clock: how soon the reply comes, and the rate
 * of snapshot RPCs on one session beside the trivial RPC on the same
 * session, in alternating rounds. No ceiling: the raw ssh2 server has no
 * snapshot; the trivial RPC is the baseline.
 */
export const snapshot: Scenario = {
  name: 'snapshot',
  title: 'Snapshot RPCs under the instant clock',
  run: async (ctx) => {
    const planned = plannedDurationMs(planSnapshot(DeviceModel.create('mx960', { mediaSpeedMbps: SLOW_MEDIA['media-speed-mbps'] }), 're0', snapshotOptions(new Map())).plans);
    ctx.log(`snapshot: one mx960 snapshot is ${(planned / 60_000).toFixed(1)} virtual minutes on these media`);
    const server = await ctx.freshServer('emulator', { settings: SLOW_MEDIA });
    const c = await BenchClient.connect(ctx.clientOptions(server, 'password'));
    const per = (ctx.settings.seconds * 1000) / ctx.settings.rounds / 2;
    const cancel = watchdog(c, ctx.settings.seconds * 1000 * 4 + 30_000, 'snapshot');
    try {
      checkTrivialReply('emulator', await c.rpc(TRIVIAL_RPC));
      const trivial = new Samples();
      const snaps = new Samples();
      let t = { rpcs: 0, ms: 0 };
      let s = { rpcs: 0, ms: 0 };
      for (let round = 0; round < ctx.settings.rounds; round++) {
        const a = await lockstep(c, TRIVIAL_RPC, per, trivial);
        const b = await lockstep(c, SNAPSHOT_RPC, per, snaps);
        t = { rpcs: t.rpcs + a.rpcs, ms: t.ms + a.elapsedMs };
        s = { rpcs: s.rpcs + b.rpcs, ms: s.ms + b.elapsedMs };
      }
      const trivialRate = (t.rpcs / t.ms) * 1000;
      const snapRate = (s.rpcs / s.ms) * 1000;
      const lat = summarize(snaps);
      const ratio = snapRate / trivialRate;
      return {
        rows: [
          { metric: `snapshot (${(planned / 60_000).toFixed(0)} virtual min) reply p50`, unit: 'ms', emulator: lat.p50Ms, digits: 3, noRatio: true },
          { metric: 'snapshot reply p99', unit: 'ms', emulator: lat.p99Ms, digits: 3, noRatio: true },
          { metric: 'snapshot RPC rate, one session', unit: 'RPC/s', emulator: snapRate, digits: 0, noRatio: true },
          { metric: 'trivial RPC rate, same session', unit: 'RPC/s', emulator: trivialRate, digits: 0, noRatio: true },
        ],
        targets: [
          {
            target: `a ${(planned / 60_000).toFixed(0)}-minute snapshot answered in <= ${SNAPSHOT_LATENCY_TARGET_MS} ms (instant clock)`,
            measured: `p50 ${lat.p50Ms.toFixed(2)} ms, p99 ${lat.p99Ms.toFixed(2)} ms`,
            verdict: planned >= 15 * 60_000 && lat.p99Ms <= SNAPSHOT_LATENCY_TARGET_MS ? 'PASS' : 'MISS',
          },
          {
            target: `snapshot RPC rate >= ${SNAPSHOT_RATE_TARGET_RATIO * 100}% of the trivial RPC's`,
            measured: `${(ratio * 100).toFixed(1)}% (${snapRate.toFixed(0)} / ${trivialRate.toFixed(0)} RPC/s)`,
            verdict: ratio >= SNAPSHOT_RATE_TARGET_RATIO ? 'PASS' : 'MISS',
          },
        ],
        notes: [`snapshot: ${s.rpcs} snapshots and ${t.rpcs} trivial RPCs (${TRIVIAL_RPC}) on one session, ${ctx.settings.rounds} alternating rounds`],
      };
    } finally {
      cancel();
      c.destroy();
      await server.stop();
    }
  },
};
