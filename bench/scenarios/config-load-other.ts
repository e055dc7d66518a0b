/**
 * The "other session" of the config-load scenario, in a process of its own:
 * the big session's client spends tens of milliseconds taking in a 2 MB
 * reply, and in one process that would count as the server making others
 * wait. Forked with an IPC channel; sends small RPCs in lock-step when told
 * and reports the round trips that overlapped the window.
 */
import { performance } from 'node:perf_hooks';
import { BenchClient, type BenchClientOptions } from '../client.js';

/** From the scenario to this process. */
export type OtherCommand = { cmd: 'connect'; options: BenchClientOptions; rpc: string } | { cmd: 'start' } | { cmd: 'stop' } | { cmd: 'idle'; ms: number } | { cmd: 'exit' };

/** From this process to the scenario: round trips in ms. */
export type OtherReport = { kind: 'ready' } | { kind: 'samples'; ms: number[] } | { kind: 'error'; message: string };

const send = (m: OtherReport): void => {
  process.send?.(m);
};

let client: BenchClient | undefined;
let rpc = '';
let running: Promise<number[]> | undefined;
let stopping = false;

async function loop(): Promise<number[]> {
  const out: number[] = [];
  while (!stopping) {
    const t = performance.now();
    const reply = await client!.rpc(rpc);
    if (reply.includes('<rpc-error>')) throw new Error(`${rpc}: ${reply.slice(0, 300)}`);
    out.push(performance.now() - t);
  }
  return out;
}

async function handle(m: OtherCommand): Promise<void> {
  switch (m.cmd) {
    case 'connect':
      client = await BenchClient.connect(m.options);
      rpc = m.rpc;
      send({ kind: 'ready' });
      break;
    case 'start':
      stopping = false;
      running = loop();
      break;
    case 'stop':
      stopping = true;
      send({ kind: 'samples', ms: await running! });
      break;
    case 'idle': {
      const out: number[] = [];
      const end = performance.now() + m.ms;
      while (performance.now() < end) {
        const t = performance.now();
        await client!.rpc(rpc);
        out.push(performance.now() - t);
      }
      send({ kind: 'samples', ms: out });
      break;
    }
    case 'exit':
      client?.destroy();
      process.exit(0);
  }
}

process.on('message', (m: OtherCommand) => {
  handle(m).catch((err: unknown) => send({ kind: 'error', message: err instanceof Error ? err.message : String(err) }));
});
