/**
 * The save queue: an acknowledgement waits for a write that began after its
 * change; concurrent requests share writes (one in flight, one pending); a
 * failed write is reported to its waiters and retried by the next flush.
 * And the state store: temp files cleared, failures of an injected fs layer surface.
 */
import { expect } from 'chai';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaveQueue } from '../../src/device/save-queue.js';
import { StateStore, type StateFs } from '../../src/engine/index.js';

/** A write the test completes by hand; `state` is what the write serialised when it started. */
class ManualWrites {
  readonly started: Array<{ state: number; finish: () => void; fail: (e: Error) => void }> = [];
  state = 0;
  write = (): Promise<void> =>
    new Promise((resolve, reject) => {
      this.started.push({ state: this.state, finish: resolve, fail: reject });
    });
}

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('durability: save queue', () => {
  it('answers at once when nothing changed', () => {
    const w = new ManualWrites();
    const q = new SaveQueue(w.write, () => undefined);
    expect(q.flush()).to.equal(undefined);
    expect(w.started).to.have.length(0);
  });

  it('an ack waits for a write that started after its change, not for the one already in flight', async () => {
    const w = new ManualWrites();
    const q = new SaveQueue(w.write, () => undefined);
    w.state = 1;
    q.markChanged();
    const first = q.flush()!;
    expect(w.started).to.have.length(1);
    // A second change while the first write is in flight.
    w.state = 2;
    q.markChanged();
    let secondDone = false;
    const second = q.flush()!.then(() => (secondDone = true));
    w.started[0]!.finish();
    await first;
    await settle();
    expect(secondDone, 'the in-flight write began before change 2').to.equal(false);
    expect(w.started).to.have.length(2);
    expect(w.started[1]!.state).to.equal(2);
    w.started[1]!.finish();
    await second;
    expect(q.flush()).to.equal(undefined);
  });

  it('coalesces: many changes during one write cost one more write, shared by all', async () => {
    const w = new ManualWrites();
    const q = new SaveQueue(w.write, () => undefined);
    q.markChanged();
    const waits = [q.flush()!];
    for (let i = 0; i < 50; i++) {
      w.state = i;
      q.markChanged();
      waits.push(q.flush()!);
    }
    await settle();
    expect(w.started).to.have.length(1);
    w.started[0]!.finish();
    await settle();
    expect(w.started).to.have.length(2);
    expect(w.started[1]!.state).to.equal(49);
    w.started[1]!.finish();
    await Promise.all(waits);
    expect(w.started).to.have.length(2);
  });

  it('a failed write rejects its waiters, leaves the state dirty, and the next flush writes again', async () => {
    const w = new ManualWrites();
    const q = new SaveQueue(w.write, () => undefined);
    q.markChanged();
    const p = q.flush()!;
    w.started[0]!.fail(new Error('EIO: disk gone'));
    let err: unknown;
    await p.catch((e: unknown) => (err = e));
    expect((err as Error).message).to.equal('EIO: disk gone');
    expect(q.dirty).to.equal(true);
    const retry = q.flush()!;
    expect(w.started).to.have.length(2);
    w.started[1]!.finish();
    await retry;
    expect(q.dirty).to.equal(false);
  });

  it('writes a change nobody waits for, and reports its failure to the background handler', async () => {
    const w = new ManualWrites();
    const failures: unknown[] = [];
    const q = new SaveQueue(w.write, (e) => failures.push(e));
    q.markChanged();
    await settle();
    expect(w.started).to.have.length(1);
    w.started[0]!.fail(new Error('ENOSPC'));
    await settle();
    expect(failures.map((e) => (e as Error).message)).to.deep.equal(['ENOSPC']);
  });
});

describe('durability: state store', () => {
  it('removes temp files a kill left behind, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-store-'));
    writeFileSync(join(dir, 'r1.state.json'), '{}\n');
    writeFileSync(join(dir, 'r1.state.json.123.4.tmp'), '{"torn');
    writeFileSync(join(dir, 'r1.json.9.1.tmp'), '');
    const store = new StateStore(dir);
    expect((await store.removeTemporaries()).sort()).to.deep.equal(['r1.json.9.1.tmp', 'r1.state.json.123.4.tmp']);
    expect(readdirSync(dir)).to.deep.equal(['r1.state.json']);
  });

  it('a failing fsync rejects the save and leaves neither a temp file nor a changed file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-store-'));
    const store = new StateStore(dir);
    await store.saveDocument('r1.state', { n: 1 });
    const failing: StateFs = {
      ...fsp,
      readdir: (p) => fsp.readdir(p),
      open: async (p, flags, mode) => {
        const fh = await fsp.open(p, flags, mode);
        if (!String(p).endsWith('.tmp')) return fh;
        return {
          writeFile: (d, e) => fh.writeFile(d, e),
          sync: () => Promise.reject(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })),
          close: () => fh.close(),
        };
      },
    };
    const broken = new StateStore(dir, failing);
    let err: unknown;
    await broken.saveDocument('r1.state', { n: 2 }).catch((e: unknown) => (err = e));
    expect((err as Error).message).to.match(/EIO/);
    expect(readdirSync(dir)).to.deep.equal(['r1.state.json']);
    expect(await store.loadDocument('r1', 'state')).to.deep.equal({ n: 1 });
  });
});
