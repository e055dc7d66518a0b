/**
 * Waiting for a condition instead of for a fixed time. A fixed sleep or a
 * short deadline assumes a fast, idle machine; CI runs the suite on two
 * shared cores, where a step that takes 5 ms here can take a second there.
 * The limit is only there to fail with a message before mocha's own 60 s
 * timeout: nothing a test asserts depends on how soon the condition holds.
 */
import { performance } from 'node:perf_hooks';

export const WAIT_LIMIT_MS = 45_000;

export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, o: { intervalMs?: number; limitMs?: number } = {}): Promise<void> {
  const interval = o.intervalMs ?? 10;
  // performance.now: the monotonic clock, which the virtual clock and a test's Date tricks leave alone.
  const until = performance.now() + (o.limitMs ?? WAIT_LIMIT_MS);
  while (!(await cond())) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
