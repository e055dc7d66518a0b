/**
 * Callbacks a test expects to be called, checked after each test (as Node's
 * own `common.mustCall`): an event handler that is never invoked makes the
 * test fail instead of passing with its assertions unexecuted.
 */
interface Expectation {
  name: string;
  times: number;
  calls: number;
}

let pending: Expectation[] = [];

export function mustCall<A extends unknown[], R>(fn: (...args: A) => R, times = 1, name = fn.name || 'callback'): (...args: A) => R {
  const e: Expectation = { name, times, calls: 0 };
  pending.push(e);
  return (...args: A) => {
    e.calls++;
    return fn(...args);
  };
}

/** Throws for any expectation not met, and forgets them all. */
export function checkMustCalls(): void {
  const unmet = pending.filter((e) => e.calls !== e.times);
  pending = [];
  if (unmet.length > 0) throw new Error(unmet.map((e) => `${e.name}: expected ${e.times} call(s), got ${e.calls}`).join('; '));
}

/** A mocha root hook: every test's mustCall expectations are checked after it. */
export const mochaHooks = {
  afterEach(): void {
    checkMustCalls();
  },
};
