/**
 * Fleet start at the size of issue 15: 10,000 devices (BENCH_FLEET_START_DEVICES)
 * in one process start in at most 5 s at no more than 30 KB RSS each, and
 * lock-step RPCs on one device of the fleet run as fast as on a one-device
 * server (within 10 %, the run-to-run noise on a shared 2-core machine).
 * Memory per device is the RSS above a one-device server started the same
 * way, divided by the other devices.
 */
import { BenchClient } from '../client.js';
import { now, TRIVIAL_RPC } from './common.js';
import type { Scenario, ScenarioContext, ScenarioResult } from './types.js';
import type { ServerHandle } from '../servers.js';

const START_TARGET_S = 5;
const KB_TARGET = 30;
const LOCKSTEP_SAME = 0.9;

async function lockstepRate(ctx: ScenarioContext, server: ServerHandle, port: number, ms: number): Promise<number> {
  const c = await BenchClient.connect(ctx.clientOptions(server, 'password', port));
  try {
    for (let i = 0; i < 200; i++) await c.rpc(TRIVIAL_RPC);
    const t0 = now();
    let n = 0;
    while (now() - t0 < ms) {
      await c.rpc(TRIVIAL_RPC);
      n++;
    }
    return (n * 1000) / (now() - t0);
  } finally {
    await c.closeSession();
  }
}

export const fleetStart: Scenario = {
  name: 'fleet-start',
  title: '10,000 devices start in 5 s at 30 KB each, lock-step unchanged',
  async run(ctx): Promise<ScenarioResult> {
    const n = Number(process.env['BENCH_FLEET_START_DEVICES'] ?? 10_000);
    const ms = Math.min(ctx.settings.seconds, 5) * 1000;
    const one = await ctx.freshServer('emulator', { devices: 1 });
    let base;
    let alone: number;
    try {
      base = await one.stats(true);
      alone = await lockstepRate(ctx, one, one.port, ms);
    } finally {
      await one.stop();
    }
    ctx.log(`fleet-start: starting ${n} devices`);
    const many = await ctx.freshServer('emulator', { devices: n });
    let stats;
    let first: number;
    let last: number;
    try {
      stats = await many.stats(true);
      first = await lockstepRate(ctx, many, many.ports[0], ms);
      last = await lockstepRate(ctx, many, many.ports[many.ports.length - 1], ms);
    } finally {
      await many.stop();
    }
    const seconds = many.startMs / 1000;
    const kb = (stats.memory.rss - base.memory.rss) / (n - 1) / 1024;
    const worst = Math.min(first, last);
    return {
      rows: [
        { metric: `fleet start, ${n} devices`, unit: 's', emulator: seconds, digits: 2, noRatio: true },
        { metric: `RSS per device (${n}-device fleet)`, unit: 'KB', emulator: kb, digits: 1, noRatio: true },
        { metric: 'lock-step, one-device server', unit: 'RPC/s', emulator: alone, digits: 0, noRatio: true },
        { metric: `lock-step, first / last device of ${n}`, unit: 'RPC/s', emulator: worst, digits: 0, noRatio: true },
      ],
      targets: [
        { target: `${n} devices start in at most ${START_TARGET_S} s`, measured: `${seconds.toFixed(2)} s`, verdict: seconds <= START_TARGET_S ? 'PASS' : 'MISS' },
        { target: `at most ${KB_TARGET} KB per device`, measured: `${kb.toFixed(1)} KB RSS each`, verdict: kb <= KB_TARGET ? 'PASS' : 'MISS' },
        {
          target: 'lock-step on one device of the fleet unchanged',
          measured: `${first.toFixed(0)} / ${last.toFixed(0)} RPC/s (first / last device) vs ${alone.toFixed(0)} alone`,
          verdict: worst >= LOCKSTEP_SAME * alone ? 'PASS' : 'MISS',
          note: `unchanged taken as at least ${LOCKSTEP_SAME}x`,
        },
      ],
      notes: [`fleet-start: one-device RSS ${(base.memory.rss / 2 ** 20).toFixed(1)} MB, ${n}-device RSS ${(stats.memory.rss / 2 ** 20).toFixed(1)} MB`],
      raw: { n, startMs: many.startMs, base: base.memory, fleet: stats.memory, lockstep: { alone, first, last } },
    };
  },
};
