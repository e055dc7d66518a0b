/**
 * `node dist/bench/cpu-split.js`: where a server's CPU goes per RPC with N
 * SSH workers, for the design note on workers. N sessions in lock-step on an
 * emulator child for BENCH_SECONDS; prints RPC/s and CPU µs per RPC of the
 * owner and of the workers together. CPU time is much less sensitive to
 * other processes on a shared machine than rates are. Sizes:
 * CPU_SPLIT_WORKERS (comma list, "0,1"), CPU_SPLIT_SESSIONS (16), and
 * BENCH_OWNER_WEIGHT as the bench's server child reads it.
 */
import { BenchClient } from './client.js';
import { BENCH_USER, DEFAULT_LAYOUT, Fixtures } from './fixtures.js';
import { lockstepPhase } from './scenarios/lockstep.js';
import { spawnServer } from './servers.js';
import { cpuMicros } from './stats.js';
import { loadSettings } from './settings.js';

async function main(): Promise<void> {
  const settings = loadSettings();
  const fixtures = new Fixtures();
  const sessions = Number(process.env['CPU_SPLIT_SESSIONS'] ?? 16);
  const counts = (process.env['CPU_SPLIT_WORKERS'] ?? '0,1').split(',').map(Number);
  try {
    for (const workers of counts) {
      const server = await spawnServer(fixtures.spec('emulator', { ...DEFAULT_LAYOUT, workers }));
      try {
        const opts = { host: '127.0.0.1', port: server.port, username: BENCH_USER.name, password: BENCH_USER.password };
        const clients = await Promise.all(Array.from({ length: sessions }, () => BenchClient.connect(opts)));
        await Promise.all(clients.map((c) => lockstepPhase(c, settings.warmupSeconds * 1000, undefined)));
        const s0 = await server.stats();
        const parts = await Promise.all(clients.map((c) => lockstepPhase(c, settings.seconds * 1000, undefined)));
        const s1 = await server.stats();
        const rpcs = parts.reduce((n, p) => n + p.rpcs, 0);
        const ms = Math.max(...parts.map((p) => p.elapsedMs));
        const owner = cpuMicros(s0.cpu, s1.cpu) / rpcs;
        const wk = s0.workerCpu && s1.workerCpu ? cpuMicros(s0.workerCpu, s1.workerCpu) / rpcs : 0;
        const line = `workers ${workers}, ${sessions} sessions: ${((rpcs * 1000) / ms).toFixed(0)} RPC/s; CPU per RPC: owner ${owner.toFixed(1)} µs, workers ${wk.toFixed(1)} µs, sum ${(owner + wk).toFixed(1)} µs`;
        process.stdout.write(`${line}\n`);
        for (const c of clients) c.destroy();
      } finally {
        await server.stop();
      }
    }
  } finally {
    fixtures.remove();
  }
}

void main().then(() => process.exit(0));
