import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BenchClient, type BenchClientOptions } from '../client.js';
import { Samples, summarize } from '../stats.js';
import type { OtherCommand, OtherReport } from './config-load-other.js';
import { now, watchdog } from './common.js';
import type { Row, Scenario, ScenarioContext } from './types.js';

/** Issue 9 item 4: other sessions wait less than this during a large load and compare. */
export const CONFIG_WAIT_TARGET_MS = 50;

/** Interfaces per configuration (and lines per text load); BENCH_CONFIG_INTERFACES overrides it. */
const DEFAULT_INTERFACES = 16_000;

/** What the other session sends, one after another: small, answered from memory, not configuration. */
const OTHER_RPC = '<get-software-information/>';

function interfaces(): number {
  const raw = process.env['BENCH_CONFIG_INTERFACES'];
  const n = raw === undefined || raw.trim() === '' ? DEFAULT_INTERFACES : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new Error(`BENCH_CONFIG_INTERFACES=${raw}: expected a whole number from 1 to 1000000`);
  return n;
}

const ifname = (i: number): string => `ge-${Math.floor(i / 4000)}/${Math.floor(i / 40) % 100}/${i % 40}`;

/** A text load of n interfaces, one per line (n + 2 lines); `tag` makes each load's descriptions its own. */
function textLoad(n: number, tag: string): string {
  const lines = ['interfaces {'];
  for (let i = 0; i < n; i++) lines.push(`    ${ifname(i)} { description "${tag} ${i}"; unit 0 { family inet { address 10.${(i >> 8) & 255}.${i & 255}.1/31; } } }`);
  lines.push('}');
  return `<load-configuration format="text"><configuration-text>${lines.join('\n')}</configuration-text></load-configuration>`;
}

interface Operation {
  /** From sending the request to the whole reply. */
  ms: number;
  replyBytes: number;
}

/** The other session, in its own process (config-load-other.ts). */
class Other {
  private readonly child: ChildProcess;
  private readonly waiting: Array<{ resolve: (r: OtherReport) => void; reject: (e: Error) => void }> = [];

  constructor() {
    this.child = fork(fileURLToPath(new URL('./config-load-other.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (r: OtherReport) => {
      const w = this.waiting.shift();
      if (!w) return;
      if (r.kind === 'error') w.reject(new Error(`other session: ${r.message}`));
      else w.resolve(r);
    });
    this.child.on('exit', () => {
      for (const w of this.waiting.splice(0)) w.reject(new Error('other session: process exited'));
    });
  }

  private ask(c: OtherCommand): Promise<OtherReport> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.send(c);
    });
  }

  async connect(options: BenchClientOptions): Promise<void> {
    await this.ask({ cmd: 'connect', options, rpc: OTHER_RPC });
  }

  start(): void {
    this.child.send({ cmd: 'start' } satisfies OtherCommand);
  }

  async stop(): Promise<number[]> {
    const r = await this.ask({ cmd: 'stop' });
    return r.kind === 'samples' ? r.ms : [];
  }

  async idle(ms: number): Promise<number[]> {
    const r = await this.ask({ cmd: 'idle', ms });
    return r.kind === 'samples' ? r.ms : [];
  }

  exit(): void {
    if (this.child.exitCode === null) this.child.send({ cmd: 'exit' } satisfies OtherCommand);
  }
}

/**
 * Runs `body` on `big` while the other session sends OTHER_RPC in lock-step;
 * the other session's round trips that overlap the operation go into each of
 * `waits`.
 */
async function underLoad(big: BenchClient, other: Other, body: string, ...waits: Samples[]): Promise<Operation> {
  other.start();
  const t0 = now();
  const reply = await big.rpc(body);
  const ms = now() - t0;
  for (const w of await other.stop()) for (const s of waits) s.add(w);
  if (reply.includes('<rpc-error>')) throw new Error(`${body.slice(0, 60)}: ${reply.slice(0, 300)}`);
  return { ms, replyBytes: Buffer.byteLength(reply) };
}

const fmtMs = (v: number): string => `${v.toFixed(1)} ms`;

/**
 * One session loads a 16,000-line configuration (16,000 interfaces), commits
 * it, loads a second one over it (every description changed), compares the
 * two and renders the result, round after round; another session on the same
 * device sends small RPCs one after another all the while. Reports how long
 * the other session's RPCs took during the load and the compare (the wait the
 * big work imposes on everyone else) and how long each operation took.
 */
export const configLoad: Scenario = {
  name: 'config-load',
  title: 'Other sessions during a 16,000-line load and compare',
  run: async (ctx: ScenarioContext) => {
    const n = interfaces();
    const server = await ctx.freshServer('emulator');
    const big = await BenchClient.connect(ctx.clientOptions(server, 'password'));
    const other = new Other();
    const cancel = watchdog(big, 600_000, 'config-load');
    try {
      await other.connect(ctx.clientOptions(server, 'password'));
      const base = new Samples();
      for (const ms of await other.idle(Math.min(2000, ctx.settings.seconds * 1000))) base.add(ms);
      const during = { load: new Samples(), commit: new Samples(), compare: new Samples(), render: new Samples() };
      const loadAndCompare = new Samples();
      const took = { load: new Samples(), commit: new Samples(), second: new Samples(), compare: new Samples(), render: new Samples() };
      let compareBytes = 0;
      for (let round = 1; round <= ctx.settings.rounds; round++) {
        ctx.log(`config-load: round ${round}/${ctx.settings.rounds}, ${n} interfaces`);
        took.load.add((await underLoad(big, other, textLoad(n, `port r${round}`), during.load, loadAndCompare)).ms);
        took.commit.add((await underLoad(big, other, '<commit-configuration/>', during.commit)).ms);
        took.second.add((await underLoad(big, other, textLoad(n, `changed r${round}`), during.load, loadAndCompare)).ms);
        const cmp = await underLoad(big, other, '<get-configuration compare="rollback" rollback="0" format="text"/>', during.compare, loadAndCompare);
        took.compare.add(cmp.ms);
        compareBytes = cmp.replyBytes;
        took.render.add((await underLoad(big, other, '<get-configuration format="text"/>', during.render)).ms);
        await big.rpc('<discard-changes/>');
      }
      const max = loadAndCompare.percentile(100);
      const p99 = loadAndCompare.percentile(99);
      const row = (metric: string, v: number, digits = 1): Row => ({ metric, unit: 'ms', emulator: v, digits, noRatio: true });
      const rows: Row[] = [
        row(`${n}-line load-configuration (text), median`, took.load.percentile(50)),
        row(`second ${n}-interface load over it, median`, took.second.percentile(50)),
        row(`commit of ${n} interfaces, median`, took.commit.percentile(50)),
        row(`compare of two ${n}-interface configurations, median`, took.compare.percentile(50)),
        row(`get-configuration text of ${n} interfaces, median`, took.render.percentile(50)),
        row('other session RPC, idle, p99', base.percentile(99), 2),
        row('other session RPC during loads, max', during.load.percentile(100), 2),
        row('other session RPC during loads, p99', during.load.percentile(99), 2),
        row('other session RPC during compares, max', during.compare.percentile(100), 2),
        row('other session RPC during compares, p99', during.compare.percentile(99), 2),
        row('other session RPC during commits, max', during.commit.percentile(100), 2),
        row('other session RPC during renders, max', during.render.percentile(100), 2),
      ];
      return {
        rows,
        targets: [
          {
            target: `other sessions wait < ${CONFIG_WAIT_TARGET_MS} ms during a ${n}-line load and a ${n}-interface compare`,
            measured: `max ${fmtMs(max)}, p99 ${fmtMs(p99)} over ${loadAndCompare.count} RPCs (load ${fmtMs(took.load.percentile(50))}, compare ${fmtMs(took.compare.percentile(50))})`,
            verdict: max < CONFIG_WAIT_TARGET_MS ? 'PASS' : 'MISS',
          },
        ],
        notes: [
          `config-load: ${ctx.settings.rounds} rounds of load, commit, second load, compare (${(compareBytes / 1e6).toFixed(1)} MB reply), render on one session; ` +
            `the other session, in a process of its own, sends ${OTHER_RPC} in lock-step (${base.count} idle round trips, p50 ${base.percentile(50).toFixed(2)} ms)`,
        ],
        raw: { interfaces: n, took: Object.fromEntries(Object.entries(took).map(([k, s]) => [k, summarize(s)])), during: Object.fromEntries(Object.entries(during).map(([k, s]) => [k, { ...summarize(s), maxMs: s.percentile(100) }])) },
      };
    } finally {
      cancel();
      big.destroy();
      other.exit();
      await server.stop();
    }
  },
};
