/**
 * A server under test, in its own process so that its memory and CPU are
 * measured apart from the benchmark's clients. Forked by servers.ts with an
 * IPC channel and --expose-gc; it starts either the emulator (from a YAML
 * config, the way the CLI does) or the raw ssh2 ceiling server.
 */
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { loadConfig } from '../src/options/load.js';
import { startEmulator } from '../src/compose.js';
import { createLogger } from '../src/log/logger.js';
import { loadHostKeys } from '../src/transport/host-keys.js';
import { startCeilingServer } from './ceiling-server.js';
import type { ChildMessage, ParentMessage, ServerSpec } from './server-protocol.js';

interface Running {
  ports: number[];
  sessions(): number;
  /** The SSH worker processes' memory, added to this process's: they serve its sessions. */
  workerMemory(gc: boolean): Promise<Array<{ rss: number; heapUsed: number; external: number; cpuUser: number; cpuSystem: number }>>;
  stop(): Promise<void>;
}

function send(m: ChildMessage): void {
  process.send?.(m);
}

async function start(spec: ServerSpec): Promise<Running> {
  if (spec.kind === 'emulator') {
    const config = loadConfig({ config: spec.configFile, keysDir: spec.keysDir, logLevel: 'silent', speed: 'instant' }, spec.keysDir);
    const emu = await startEmulator(config, { logger: createLogger('silent') });
    // Experiments: BENCH_OWNER_WEIGHT=Infinity sends every connection to a worker (the hop's cost).
    const weight = process.env['BENCH_OWNER_WEIGHT'];
    if (weight) emu.workers.ownerWeight = Number(weight);
    // BENCH_OWNER_FIRST=0 is the placement before it kept the first connections (by weight alone).
    const first = process.env['BENCH_OWNER_FIRST'];
    if (first) emu.workers.ownerFirst = Number(first);
    await emu.workers.warm();
    return {
      ports: emu.devices.flatMap((d) => d.ports().map((p) => p.port)),
      sessions: () => emu.devices.reduce((n, d) => n + d.sessions.size, 0),
      workerMemory: (gc) => emu.workers.memory(gc),
      stop: () => emu.stop(),
    };
  }
  const srv = await startCeilingServer({
    host: '127.0.0.1',
    port: 0,
    hostKeys: loadHostKeys({ dir: spec.keysDir }),
    username: spec.username,
    password: spec.password,
    authorizedKeys: spec.authorizedKeys,
    noDelay: spec.noDelay,
  });
  return { ports: [srv.port], sessions: () => srv.sessions(), workerMemory: () => Promise.resolve([]), stop: () => srv.stop() };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

let running: Running | undefined;

process.on('message', (raw: unknown) => {
  const m = raw as ParentMessage;
  switch (m.type) {
    case 'start': {
      const t0 = performance.now();
      start(m.spec).then(
        (r) => {
          running = r;
          send({ type: 'ready', ports: r.ports, startMs: performance.now() - t0 });
        },
        (err: unknown) => {
          send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
          process.exit(1);
        },
      );
      break;
    }
    case 'stats':
      if (m.gc) collectGarbage();
      void (running?.workerMemory(m.gc) ?? Promise.resolve([])).then((workers) => {
        const memory = process.memoryUsage();
        for (const w of workers) {
          memory.rss += w.rss;
          memory.heapUsed += w.heapUsed;
          memory.external += w.external;
        }
        const workerCpu = { user: 0, system: 0 };
        const workerMemory = { rss: 0, heapUsed: 0, external: 0 };
        for (const w of workers) {
          workerCpu.user += w.cpuUser;
          workerCpu.system += w.cpuSystem;
          workerMemory.rss += w.rss;
          workerMemory.heapUsed += w.heapUsed;
          workerMemory.external += w.external;
        }
        send({
          type: 'stats',
          id: m.id,
          memory,
          cpu: process.cpuUsage(),
          workerCpu,
          workerMemory,
          sessions: running?.sessions() ?? 0,
          heapSpaces: Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size])),
          workers: workers.length,
        });
      });
      break;
    case 'stop': {
      const r = running;
      running = undefined;
      // process.exit() (not a drained loop) so --cpu-prof still writes its profile.
      (r ? r.stop() : Promise.resolve()).finally(() => process.exit(0));
      break;
    }
  }
});

// The parent went away (crash, Ctrl-C): do not linger.
process.on('disconnect', () => process.exit(0));
