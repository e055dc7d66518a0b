/**
 * Fleet start: how long 1,000 devices take to listen, and what each idle
 * device costs in memory, measured against a one-device server started the
 * same way (same process kind, same flags). One session on the last device
 * proves the fleet answers. Size: BENCH_FLEET_DEVICES (default 1000).
 */
import { BenchClient } from '../client.js';
import { errText } from './common.js';
import type { Scenario, ScenarioContext, ScenarioResult } from './types.js';

const live = (m: NodeJS.MemoryUsage): number => m.heapUsed + m.external;
const mb = (b: number): string => (b / 2 ** 20).toFixed(1);

export const fleet: Scenario = {
  name: 'fleet',
  title: '1,000 devices start in seconds, with modest memory',
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    const n = Number(process.env['BENCH_FLEET_DEVICES'] ?? 1000);
    const one = await ctx.freshServer('emulator', { devices: 1 });
    const base = await one.stats(true);
    await one.stop();
    ctx.log(`fleet: starting ${n} devices`);
    const many = await ctx.freshServer('emulator', { devices: n });
    const stats = await many.stats(true);
    let answered = 'no';
    try {
      const c = await BenchClient.connect(ctx.clientOptions(many, 'password', many.ports[many.ports.length - 1]));
      await c.rpc('<get-system-storage/>');
      await c.closeSession();
      answered = 'yes';
    } catch (err) {
      answered = `no (${errText(err)})`;
    } finally {
      await many.stop();
    }
    const per = n > 1 ? (stats.memory.rss - base.memory.rss) / (n - 1) : 0;
    const perLive = n > 1 ? (live(stats.memory) - live(base.memory)) / (n - 1) : 0;
    const seconds = many.startMs / 1000;
    return {
      rows: [
        { metric: `fleet start, ${n} devices`, unit: 's', emulator: seconds, digits: 2, noRatio: true },
        { metric: 'RSS per idle device', unit: 'KB', emulator: per / 1024, digits: 1, noRatio: true },
        { metric: 'heap+external per idle device', unit: 'KB', emulator: perLive / 1024, digits: 1, noRatio: true },
        { metric: `RSS of the ${n}-device server`, unit: 'MB', emulator: stats.memory.rss / 2 ** 20, digits: 1, noRatio: true },
      ],
      targets: [
        {
          target: `${n} devices start in seconds`,
          measured: `${seconds.toFixed(2)} s; last device answers: ${answered}`,
          verdict: seconds < 10 && answered === 'yes' ? 'PASS' : 'MISS',
        },
        {
          target: 'modest memory per idle device',
          measured: `${(per / 1024).toFixed(1)} KB RSS each (${mb(stats.memory.rss)} MB in all)`,
          verdict: per < 256 * 1024 ? 'PASS' : 'MISS',
          note: 'modest taken as under 256 KB RSS per idle device',
        },
      ],
      notes: [`fleet: one-device baseline RSS ${mb(base.memory.rss)} MB; ${n}-device server ${mb(stats.memory.rss)} MB`],
      raw: { n, startMs: many.startMs, base: base.memory, fleet: stats.memory },
    };
  },
};
