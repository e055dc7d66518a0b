// Diagnostic, not part of `npm test` (docs/testing-determinism.md): appends to SLOW_RUNNABLES_FILE
// (default ./slow-runnables.txt) every test or hook that used more than a quarter of its mocha
// timeout, i.e. what a machine four times slower would fail on the timeout alone.
//   npx mocha --require test/support/diagnostics/slow-runnables.mjs
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Runnable } from 'mocha/lib/runnable.js';

const file = process.env.SLOW_RUNNABLES_FILE || 'slow-runnables.txt';
const run = Runnable.prototype.run;
Runnable.prototype.run = function (fn) {
  const started = performance.now();
  return run.call(this, (err) => {
    const ms = performance.now() - started;
    const limit = this.timeout();
    if (limit > 0 && ms > limit / 4) appendFileSync(file, `${Math.round(ms)} of ${limit} ms: ${this.type} ${this.fullTitle()} (${this.file})\n`);
    fn(err);
  });
};
