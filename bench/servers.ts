import { fork, type ChildProcess } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../src/cli/node-flags.js';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage, ServerKind, ServerSpec, ServerStats } from './server-protocol.js';

let profiles = 0;

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'server-child.js');

export interface ServerHandle {
  readonly kind: ServerKind;
  readonly pid: number;
  /** Listening ports; the first is the (first) device's master RE. */
  readonly ports: readonly number[];
  readonly port: number;
  /** Wall time the child took from `start` to listening. */
  readonly startMs: number;
  /** Memory, CPU and session count of the server process; gc first for memory readings. */
  stats(gc?: boolean): Promise<ServerStats>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Write a V8 CPU profile of the child here when it stops. */
  cpuProfDir?: string;
  /** Extra node flags for the child, e.g. --max-semi-space-size=1 (BENCH_SERVER_NODE_ARGS). */
  nodeArgs?: readonly string[];
  /** How long start-up may take (the first run generates an RSA host key). */
  startTimeoutMs?: number;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise<T>((_, reject) => {
      t = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
    }),
  ]);
}

/** Forks bench/server-child.js for `spec` and resolves once it listens. */
export async function spawnServer(spec: ServerSpec, o: SpawnOptions = {}): Promise<ServerHandle> {
  // Both servers run with the flags the emulator ships with, so the ceiling stays a like-for-like baseline.
  const execArgv = ['--expose-gc', ...SERVER_NODE_FLAGS, ...(o.nodeArgs ?? [])];
  if (o.cpuProfDir) {
    mkdirSync(o.cpuProfDir, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`, `--cpu-prof-name=${spec.kind}-${Date.now()}-${++profiles}.cpuprofile`);
  }
  const child: ChildProcess = fork(CHILD, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const statsWaiters = new Map<number, (s: ServerStats) => void>();
  let nextId = 1;
  let exited = false;
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const post = (m: ParentMessage): void => {
    if (!exited && child.connected) child.send(m);
  };

  const ready = new Promise<{ ports: number[]; startMs: number }>((resolve, reject) => {
    child.on('message', (raw: unknown) => {
      const m = raw as ChildMessage;
      if (m.type === 'ready') resolve({ ports: m.ports, startMs: m.startMs });
      else if (m.type === 'error') reject(new Error(`${spec.kind} server: ${m.message}`));
      else if (m.type === 'stats') {
        const w = statsWaiters.get(m.id);
        statsWaiters.delete(m.id);
        w?.({ memory: m.memory, cpu: m.cpu, sessions: m.sessions, heapSpaces: m.heapSpaces, workers: m.workers, workerCpu: m.workerCpu, workerMemory: m.workerMemory });
      }
    });
    child.once('exit', (code) => reject(new Error(`${spec.kind} server exited with code ${code} before listening`)));
  });
  post({ type: 'start', spec });
  let info: { ports: number[]; startMs: number };
  try {
    info = await withTimeout(ready, o.startTimeoutMs ?? 120_000, `${spec.kind} server start`);
  } catch (err) {
    if (!exited) child.kill('SIGKILL');
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    kind: spec.kind,
    pid: child.pid ?? -1,
    ports: info.ports,
    port: info.ports[0]!,
    startMs: info.startMs,
    stats: (gc = false) => {
      if (exited) return Promise.reject(new Error(`${spec.kind} server has exited`));
      const id = nextId++;
      const p = new Promise<ServerStats>((resolve) => statsWaiters.set(id, resolve));
      post({ type: 'stats', id, gc });
      return withTimeout(p, 30_000, `${spec.kind} server stats`);
    },
    stop: () => {
      stopping ??= (async () => {
        post({ type: 'stop' });
        try {
          await withTimeout(exitPromise, 15_000, `${spec.kind} server stop`);
        } catch {
          if (!exited) child.kill('SIGKILL');
          await exitPromise;
        }
      })();
      return stopping;
    },
  };
}
