import { performance } from 'node:perf_hooks';
import { BenchClient, type BenchClientOptions } from '../client.js';
import type { Samples } from '../stats.js';
import type { ServerKind } from '../server-protocol.js';

export const now = (): number => performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The trivial RPC of the RPC scenarios: answered by the emulator from memory, with a short reply. */
export const TRIVIAL_RPC = '<get-config><source><running/></source></get-config>';

/** Throws unless `reply` is what `kind` should answer to TRIVIAL_RPC (the emulator: data, no error; the ceiling: the echo). */
export function checkTrivialReply(kind: ServerKind, reply: string): void {
  const ok = kind === 'emulator' ? reply.includes('<rpc-reply') && reply.includes('<data>') && !reply.includes('<rpc-error>') : reply.includes(TRIVIAL_RPC);
  if (!ok) throw new Error(`${kind}: unexpected reply to ${TRIVIAL_RPC}: ${reply.slice(0, 300)}`);
}

/**
 * Destroys `client` if the phase is not over by `ms`, so a stuck server
 * fails the scenario instead of hanging the run. Returns the cancel function.
 */
export function watchdog(client: BenchClient, ms: number, what: string): () => void {
  const t = setTimeout(() => client.destroy(new Error(`${what}: no progress within ${ms} ms`)), ms);
  return () => clearTimeout(t);
}

/** Polls until `cond` holds or `ms` pass; returns whether it held. */
export async function waitFor(cond: () => Promise<boolean>, ms: number, every = 100): Promise<boolean> {
  const end = now() + ms;
  for (;;) {
    if (await cond()) return true;
    if (now() >= end) return false;
    await sleep(every);
  }
}

/** Runs `fn` over `items` with at most `limit` at once; returns the settled results in order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const out: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      try {
        out[i] = { status: 'fulfilled', value: await fn(items[i]!, i) };
      } catch (reason) {
        out[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** What `setupLoops` did: set-ups done and failed, the first failure, and the time up to the last one's end. */
export interface SetupLoops {
  setups: number;
  errors: number;
  firstError: string | undefined;
  elapsedMs: number;
}

/**
 * `loops` loops of connect + auth + subsystem + hellos (+ `<close-session/>`
 * unless `closeSession` is false; then the client just ends), for `ms`.
 * Bounded: each pass completes or fails within the client's ready timeout.
 * Each set-up's time goes to `samples` when given.
 */
export async function setupLoops(opts: BenchClientOptions, loops: number, ms: number, o: { closeSession?: boolean; samples?: Samples } = {}): Promise<SetupLoops> {
  let setups = 0;
  let errors = 0;
  let firstError: string | undefined;
  const t0 = now();
  const end = t0 + ms;
  let last = t0;
  const loop = async (): Promise<void> => {
    while (now() < end) {
      const t = now();
      try {
        const c = await BenchClient.connect(opts);
        if (o.closeSession === false) await c.end();
        else await c.closeSession();
        const t1 = now();
        o.samples?.add(t1 - t);
        setups++;
        last = Math.max(last, t1);
      } catch (err) {
        errors++;
        firstError ??= errText(err);
        last = Math.max(last, now());
      }
    }
  };
  await Promise.all(Array.from({ length: loops }, loop));
  return { setups, errors, firstError, elapsedMs: last - t0 };
}
