'use strict';
// Mocha's spec output plus the closing line CI reads: "N passed, N failed[, N skipped]".
const Mocha = require('mocha');
const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats || {};
      const skipped = s.pending || 0;
      process.stdout.write(`\n${s.passes || 0} passed, ${s.failures || 0} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    });
  }
}

module.exports = SummaryReporter;
