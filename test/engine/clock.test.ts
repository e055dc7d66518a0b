import { expect } from 'chai';
import { performance } from 'node:perf_hooks';
import { ClockShutdownError, VirtualClock } from '../../src/engine/index.js';

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('VirtualClock', () => {
  it('instant mode completes any duration at once and moves virtual time forward', async () => {
    const c = new VirtualClock({ speed: 'instant', start: 0 });
    // "At once" without timing it: the sleep settles before the event loop gets to run even an immediate.
    let loopTurned = false;
    setImmediate(() => (loopTurned = true));
    await c.sleep(15 * 60_000);
    expect(loopTurned).to.equal(false);
    expect(c.now()).to.be.at.least(15 * 60_000);
  });

  it('speed factor scales real time (1000x: 20 s virtual in about 20 ms)', async () => {
    const c = new VirtualClock({ speed: 1000 });
    const t0 = performance.now();
    await c.sleep(20_000);
    const real = performance.now() - t0;
    // A timer never fires early (give or take the millisecond it is rounded to), so the lower bound is exact;
    // the upper one need only tell 1000x from real pace (20 s), with room for a loaded machine.
    expect(real).to.be.at.least(18).and.lessThan(10_000);
  });

  it('a paused 15-minute sleep waits, then completes when advanced past it', async () => {
    const c = new VirtualClock({ speed: 1, paused: true, start: 1000 });
    let done = false;
    const p = c.sleep(15 * 60_000).then(() => {
      done = true;
    });
    await tick(20);
    expect(done).to.equal(false);
    expect(c.now()).to.equal(1000);
    c.advance(14 * 60_000);
    await tick();
    expect(done).to.equal(false);
    c.advance(60_000);
    await p;
    expect(done).to.equal(true);
    expect(c.now()).to.equal(1000 + 15 * 60_000);
  });

  it('respects a speed change while sleeping', async () => {
    const c = new VirtualClock({ speed: 1 });
    const t0 = performance.now();
    const p = c.sleep(60_000);
    await tick(5);
    c.setSpeed(1_000_000);
    await p;
    // At the old speed it would take a minute.
    expect(performance.now() - t0).to.be.lessThan(30_000);
  });

  it('switching to instant releases pending sleeps', async () => {
    const c = new VirtualClock({ speed: 1 });
    const before = c.now();
    const p = c.sleep(3_600_000);
    c.setSpeed('instant');
    await p;
    expect(c.pending()).to.equal(0);
    expect(c.now() - before).to.be.at.least(3_600_000);
  });

  it('resume continues from the paused virtual time', async () => {
    const c = new VirtualClock({ speed: 1000, paused: true, start: 0 });
    const p = c.sleep(1000);
    await tick(10);
    expect(c.pending()).to.equal(1);
    expect(c.now()).to.equal(0);
    c.resume();
    // From where it paused, not from the wall clock (which is decades past 0). The bound allows for a stall of
    // seconds at 1000x on a loaded machine (a 60 s bound fails after a 60 ms stall).
    expect(c.now()).to.be.lessThan(3_600_000);
    await p;
    expect(c.now()).to.be.at.least(1000).and.lessThan(3_600_000);
  });

  it('shutdown rejects pending and later sleeps', async () => {
    const c = new VirtualClock({ speed: 1 });
    const p = c.sleep(60_000);
    c.shutdown();
    let err: unknown;
    try {
      await p;
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(ClockShutdownError);
    let err2: unknown;
    try {
      await c.sleep(1);
    } catch (e) {
      err2 = e;
    }
    expect(err2).to.be.instanceOf(ClockShutdownError);
  });

  it('rejects invalid speeds and durations', () => {
    expect(() => new VirtualClock({ speed: 0 })).to.throw(RangeError);
    expect(() => new VirtualClock().advance(-1)).to.throw(RangeError);
  });
});
