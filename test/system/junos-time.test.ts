import { expect } from 'chai';
import { cliTimestamp, ctimeDate, ctimeNoZone, localtime, snapshotDate, syslogTime } from '../../src/system/junos-time.js';

// A single-digit day and hour, so every padding rule shows.
const AT = Date.UTC(2026, 11, 1, 9, 5, 7);
const TWO_DIGIT_DAY = Date.UTC(2018, 7, 15, 10, 50, 42);

describe('junos time forms', () => {
  it('pads the day as each Junos form does', () => {
    expect(syslogTime(AT)).to.equal('Dec  1 09:05:07');
    expect(cliTimestamp(AT)).to.equal('Dec 01 09:05:07');
    expect(snapshotDate(AT)).to.equal('Dec 1 09:05:07 2026');
    expect(ctimeDate(AT)).to.equal('Tue Dec  1 09:05:07 UTC 2026');
    expect(ctimeNoZone(AT)).to.equal('Tue Dec  1 09:05:07 2026');
    expect(localtime(AT)).to.equal('2026-12-01 09:05:07 UTC');
  });

  it('prints a two-digit day unpadded', () => {
    expect(syslogTime(TWO_DIGIT_DAY)).to.equal('Aug 15 10:50:42');
    expect(snapshotDate(TWO_DIGIT_DAY)).to.equal('Aug 15 10:50:42 2018');
    expect(ctimeDate(TWO_DIGIT_DAY)).to.equal('Wed Aug 15 10:50:42 UTC 2018');
  });
});
