/**
 * `npm run bench`: measures the emulator beside a raw ssh2 echo server (the
 * ceiling) in the same run and prints both, their ratio, and PASS/MISS for
 * the targets of issue 2. Always exits 0: a benchmark reports, it does not
 * gate. Sizes come from BENCH_* environment variables (see settings.ts).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchClientOptions } from './client.js';
import { BENCH_USER, DEFAULT_LAYOUT, Fixtures, type EmulatorLayout } from './fixtures.js';
import { resultTable, targetTable } from './report.js';
import { concurrent } from './scenarios/concurrent.js';
import { configLoad } from './scenarios/config-load.js';
import { errText, now } from './scenarios/common.js';
import { fleet } from './scenarios/fleet.js';
import { fleetStart } from './scenarios/fleet-start.js';
import { lockstep } from './scenarios/lockstep.js';
import { pipelined } from './scenarios/pipelined.js';
import { setup } from './scenarios/setup.js';
import { snapshot } from './scenarios/snapshot.js';
import { soak } from './scenarios/soak.js';
import { netconfdComparison } from './scenarios/netconfd.js';
import type { Row, Scenario, ScenarioContext, ScenarioResult, ServerKind, TargetResult } from './scenarios/types.js';
import { spawnServer, type ServerHandle } from './servers.js';
import { loadSettings } from './settings.js';

/** Every scenario, in run order. Add new ones (snapshot RPC, fleet start) here. */
export const SCENARIOS: readonly Scenario[] = [lockstep, pipelined, setup, concurrent, snapshot, fleet, soak, configLoad, fleetStart, netconfdComparison];

async function main(): Promise<void> {
  const settings = loadSettings();
  const started = now();
  const log = (line: string): void => {
    process.stderr.write(`[bench ${((now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}\n`);
  };
  const fixtures = new Fixtures();
  const shared = new Map<ServerKind, Promise<ServerHandle>>();
  const all: Promise<ServerHandle>[] = [];
  const spawn = (kind: ServerKind, given: EmulatorLayout): Promise<ServerHandle> => {
    const layout = given.workers === undefined && settings.workers !== undefined ? { ...given, workers: settings.workers } : given;
    const p = spawnServer(fixtures.spec(kind, layout, settings.ceilingNoDelay), { cpuProfDir: settings.cpuProfDir, nodeArgs: settings.serverNodeArgs });
    all.push(p);
    return p;
  };
  const ctx: ScenarioContext = {
    settings,
    fixtures,
    server: (kind) => {
      let p = shared.get(kind);
      if (!p) {
        p = spawn(kind, DEFAULT_LAYOUT);
        shared.set(kind, p);
      }
      return p;
    },
    freshServer: (kind, layout = {}) => spawn(kind, { ...DEFAULT_LAYOUT, ...layout }),
    clientOptions: (server, auth, port): BenchClientOptions => ({
      host: '127.0.0.1',
      port: port ?? server.port,
      username: BENCH_USER.name,
      noDelay: settings.clientNoDelay,
      ...(auth === 'password' ? { password: BENCH_USER.password } : { privateKey: fixtures.clientPrivateKey }),
    }),
    log,
  };

  const chosen = settings.scenarios.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => settings.scenarios.includes(s.name));
  const unknown = settings.scenarios.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length > 0) log(`unknown scenario(s) ignored: ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  log(`settings ${JSON.stringify(settings)}`);

  const rows: Row[] = [];
  const targets: TargetResult[] = [];
  const notes: string[] = [];
  const results: Record<string, ScenarioResult | { error: string }> = {};
  for (const s of chosen) {
    const t0 = now();
    try {
      const r = await s.run(ctx);
      results[s.name] = r;
      rows.push(...r.rows);
      targets.push(...r.targets);
      notes.push(...r.notes);
      log(`${s.name}: done in ${((now() - t0) / 1000).toFixed(1)} s`);
    } catch (err) {
      results[s.name] = { error: errText(err) };
      targets.push({ target: s.title, measured: `failed: ${errText(err)}`, verdict: 'MISS' });
      log(`${s.name}: FAILED: ${errText(err)}`);
    }
  }

  await Promise.all(all.map((p) => p.then((h) => h.stop(), () => undefined)));
  fixtures.remove();

  const cpu = cpus();
  const out = [
    '',
    `junos-emulator benchmark: node ${process.version}, ${cpu.length} x ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB,` +
      ` ${settings.seconds} s per phase, ${((now() - started) / 1000).toFixed(0)} s in all`,
    '',
    ...resultTable(rows),
    '',
    ...targetTable(targets),
    '',
    ...notes.map((n) => `- ${n}`),
  ];
  if (settings.cpuProfDir) out.push(`- server CPU profiles in ${settings.cpuProfDir} (summarize: node dist/bench/cpu-profile.js FILE)`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (settings.jsonOut) {
    writeFileSync(settings.jsonOut, JSON.stringify({ settings, node: process.version, cpus: cpu.length, rows, targets, notes, results }, null, 2));
    log(`results written to ${join(settings.jsonOut)}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    // Benchmarks report rather than gate; a broken run still says why on stderr.
    process.exit(0);
  },
);
