// Diagnostic, not part of `npm test` (docs/testing-determinism.md): makes the wall clock (Date) run
// FAST_CLOCK_FACTOR times faster than real time (default 100) in the test processes. Timers,
// performance.now() and mocha's own timeouts are left alone. The emulator's virtual clock follows
// Date, so a test that compares two outputs holding a time (## Last changed, junos:changed-seconds,
// uptimes) read at different moments fails on every run instead of once in a few hundred.
//   npx mocha --require test/support/diagnostics/fast-wall-clock.cjs
// Load it with mocha's --require, not NODE_OPTIONS: mocha keeps the Date it found when it loaded,
// and with NODE_OPTIONS that would be this one, which would make every test look timed out.
'use strict';
const RealDate = Date;
const factor = Number(process.env.FAST_CLOCK_FACTOR || 100);
const t0 = RealDate.now();
const fastNow = () => Math.floor(t0 + (RealDate.now() - t0) * factor);
class FastDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(fastNow());
    else super(...args);
  }
  static now() {
    return fastNow();
  }
}
globalThis.Date = FastDate;
