/** Concurrency, time, persistence, and the show commands. */
import { expect } from 'chai';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handler as snap } from '../../rpc/request-snapshot.js';
import { handler as storage } from '../../rpc/get-system-storage.js';
import { handler as info } from '../../rpc/get-snapshot-information.js';
import { DeviceModel, StateStore, VirtualClock, runSnapshot } from '../../src/engine/index.js';
import { snapshotOptions } from '../../src/grammar/request-snapshot.js';
import { TEST_EPOCH, fakeContext, fakeDevice, op } from '../support/fake-context.js';
import { rpcErrors } from '../support/expect-rpc-error.js';
import { SAMPLE_1, outputText } from '../support/spec-samples.js';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('snapshot runs on the virtual clock', () => {
  it('a second snapshot on a busy RE is refused; other REs are free; the first completes on advance', async () => {
    const clock = new VirtualClock({ speed: 1, paused: true, start: TEST_EPOCH });
    const dev = fakeDevice('mx960', {}, clock);
    const first = Promise.resolve(snap.handle(op('request-snapshot'), fakeContext(dev, { format: 'text' })));
    await tick();
    const errs = await rpcErrors(snap.handle(op('request-snapshot'), fakeContext(dev)));
    expect(errs[0]!.message).to.equal('Another snapshot is already in progress on re0; try again when it completes.');
    // re1 is another RE: its snapshot may start.
    const other = Promise.resolve(snap.handle(op('request-snapshot'), fakeContext(dev, { routingEngine: 're1' })));
    await tick();
    expect(dev.model.routingEngine('re0')!.media[1]!.partitions![0]!.content!.version).to.equal('9.2R3.5');
    clock.advance(15 * 60_000);
    expect(outputText(await first)).to.equal(SAMPLE_1);
    await other;
    expect(dev.model.routingEngine('re0')!.media[1]!.partitions![0]!.content!.version).to.equal('9.3R4.4');
    // Free again.
    const again = Promise.resolve(snap.handle(op('request-snapshot'), fakeContext(dev, { format: 'text' })));
    clock.advance(15 * 60_000);
    expect(outputText(await again)).to.equal(SAMPLE_1);
  });

  it('not before its duration has passed in virtual time', async () => {
    const clock = new VirtualClock({ speed: 1, paused: true, start: TEST_EPOCH });
    const dev = fakeDevice('mx960', {}, clock);
    let done = false;
    const p = runSnapshot(dev.model, clock, 're0', snapshotOptions(new Map())).then(() => (done = true));
    clock.advance(60_000);
    await tick();
    expect(done).to.equal(false);
    clock.advance(70_000);
    await p;
    expect(done).to.equal(true);
  });

  it('busy target inside a multi-target snapshot gets a per-target error, the others run', async () => {
    const clock = new VirtualClock({ speed: 1, paused: true, start: TEST_EPOCH });
    const dev = fakeDevice('txmatrix', {}, clock);
    const first = Promise.resolve(snap.handle(op('request-snapshot', { lcc: '2' }), fakeContext(dev)));
    await tick();
    const second = Promise.resolve(snap.handle(op('request-snapshot', { 'all-lcc': true }), fakeContext(dev, { format: 'text' })));
    clock.advance(3_600_000);
    await first;
    const out = outputText(await second);
    expect(out).to.include('lcc2-re0:\n' + '-'.repeat(74) + '\nerror: Another snapshot is already in progress on lcc2-re0');
    expect(out).to.match(/^lcc0-re0:\n-{74}\nCopying '\/'/);
  });

  it('completes and persists when the client has gone away (nobody waits on the reply)', async () => {
    const clock = new VirtualClock({ speed: 1, paused: true, start: TEST_EPOCH });
    const dev = fakeDevice('mx960', {}, clock);
    const ctx = { ...fakeContext(dev), session: { ...fakeContext(dev).session, closed: true } };
    const pending = Promise.resolve(snap.handle(op('request-snapshot'), ctx));
    clock.advance(3_600_000);
    await pending;
    expect(dev.model.isBusy('re0')).to.equal(false);
    expect(dev.model.routingEngine('re0')!.media[1]!.partitions![0]!.content!.version).to.equal('9.3R4.4');
  });

  it('a clock shutdown interrupts the run, leaves the old state and frees the RE', async () => {
    const clock = new VirtualClock({ speed: 1, paused: true, start: TEST_EPOCH });
    const dev = fakeDevice('mx960', {}, clock);
    const p = Promise.resolve(snap.handle(op('request-snapshot'), fakeContext(dev)));
    await tick();
    clock.shutdown();
    const errs = await rpcErrors(p);
    expect(errs[0]!.message).to.equal('snapshot interrupted: the emulator is shutting down');
    expect(dev.model.isBusy('re0')).to.equal(false);
    expect(dev.model.routingEngine('re0')!.media[1]!.partitions![0]!.content!.version).to.equal('9.2R3.5');
  });

  // How fast it answers in real time is measured by `npm run bench` (scenario snapshot).
  it('media-speed-mbps makes a 15-minute snapshot, which the instant clock completes at once', async () => {
    const dev = fakeDevice('mx960', { mediaSpeedMbps: 0.8 });
    const before = dev.clock.now();
    await snap.handle(op('request-snapshot'), fakeContext(dev));
    expect(dev.clock.now() - before).to.be.at.least(15 * 60_000);
    expect(dev.clock.pending()).to.equal(0);
    const slow = fakeDevice('mx960', { mediaSpeedMbps: 0.8 }, new VirtualClock({ speed: 1, paused: true }));
    const running = snap.handle(op('request-snapshot'), fakeContext(slow));
    await tick();
    slow.clock.advance(14 * 60_000);
    await tick();
    expect(slow.model.isBusy('re0'), 'still copying after 14 virtual minutes').to.equal(true);
    slow.clock.advance(2 * 60_000);
    await running;
    expect(slow.model.isBusy('re0')).to.equal(false);
  });
});

describe('state store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'junos-emu-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips the model after a snapshot, atomically, with no temp files left', async () => {
    const dev = fakeDevice('txmatrix', { corruptPartitionTable: ['lcc2-re0:ad1'] });
    await snap.handle(op('request-snapshot', { lcc: '0' }), fakeContext(dev));
    const store = new StateStore(dir);
    await Promise.all([store.save('r1', dev.model), store.save('r1', dev.model)]);
    expect(await readdir(dir)).to.deep.equal(['r1.json']);
    const loaded = (await store.load('r1'))!;
    expect(loaded.toJSON()).to.deep.equal(dev.model.toJSON());
    expect(loaded.routingEngine('lcc0-re0')!.media[1]!.partitions![0]!.content!.version).to.equal('11.4R13.5');
    expect(loaded.routingEngine('lcc2-re0')!.media[1]!.corrupt).to.equal(true);
    expect(JSON.parse(await readFile(join(dir, 'r1.json'), 'utf8'))).to.have.property('profile', 'txmatrix');
  });

  it('load of a missing device is undefined; bad files fail naming the file', async () => {
    const store = new StateStore(dir);
    expect(await store.load('nope')).to.equal(undefined);
    expect(() => DeviceModel.fromJSON({ format: 1, profile: 'm20', routingEngines: [{}] })).to.throw('unknown profile m20');
    expect(() => store.fileFor('../etc')).to.throw();
  });
});

describe('show system storage / show system snapshot', () => {
  it('storage lists the mounted file systems; /altroot appears only while mounted', async () => {
    const dev = fakeDevice('mx960');
    const ctx = fakeContext(dev, { format: 'text' });
    const out = outputText(await storage.handle(op('get-system-storage'), ctx));
    expect(out.split('\n')[0]).to.equal('Filesystem              Size       Used      Avail  Capacity  Mounted on');
    expect(out).to.include('/dev/ad0s1a             2.0G       740M       1.1G       40%  /\n');
    expect(out).to.not.include('/altroot');
    dev.model.setAlternateMounted('re0', '/altroot', true);
    const out2 = outputText(await storage.handle(op('get-system-storage'), ctx));
    expect(out2).to.include('/dev/ad1s1a             2.0G       740M       1.1G       40%  /altroot\n');
    const detail = outputText(await storage.handle(op('get-system-storage', { detail: true }), ctx));
    expect(detail).to.include('/dev/ad0s1a             2097152     757760    1171619       40%  /\n');
  });

  it('booted from disk, / is on ad1', async () => {
    const dev = fakeDevice('mx960', { bootMedia: 'disk' });
    const out = outputText(await storage.handle(op('get-system-storage'), fakeContext(dev, { format: 'text' })));
    expect(out).to.include('/dev/ad1s1a');
    expect(out).to.match(/\/dev\/ad1s1a .*  \/\n/);
  });

  it('multi-RE storage and snapshot information on the matrix', async () => {
    const dev = fakeDevice('txmatrix');
    const x = (await storage.handle(op('get-system-storage', { 'all-chassis': true }), fakeContext(dev))) as { body: string };
    expect(x.body.match(/<re-name>[^<]+<\/re-name>/g)).to.deep.equal([
      '<re-name>scc-re0</re-name>',
      '<re-name>lcc0-re0</re-name>',
      '<re-name>lcc2-re0</re-name>',
    ]);
    await snap.handle(op('request-snapshot', { lcc: '0' }), fakeContext(dev));
    const t = outputText(await info.handle(op('get-snapshot-information', { 'all-lcc': true }), fakeContext(dev, { format: 'text' })));
    const [lcc0, lcc2] = t.split('\nlcc2-re0:\n');
    expect(lcc0).to.include('hard-disk (/dev/ad1s1a) (backup)\nCreation date: Dec 15');
    expect(lcc0).to.not.include('10.4R16.7');
    expect(lcc2).to.include('  jbase  : 10.4R16.7');
    const notConnected = outputText(await info.handle(op('get-snapshot-information', { lcc: '3' }), fakeContext(dev, { format: 'text' })));
    expect(notConnected).to.include('error: lcc3 is not connected to the routing matrix');
  });

  it('snapshot information media filter and refusals', async () => {
    const dev = fakeDevice('mx960');
    const hd = outputText(await info.handle(op('get-snapshot-information', { media: 'hard-disk' }), fakeContext(dev, { format: 'text' })));
    expect(hd.startsWith('Information for snapshot on      hard-disk (/dev/ad1s1a) (backup)\nCreation date: Nov 10 12:00:00 2024\n')).to.equal(true);
    expect(hd).to.not.include('compact-flash');
    const errs = await rpcErrors(info.handle(op('get-snapshot-information', { media: 'usb' }), fakeContext(dev)));
    expect(errs[0]!.info).to.deep.equal([['bad-element', 'usb']]);
    const j = fakeDevice('j2350');
    expect((await rpcErrors(info.handle(op('get-snapshot-information', { media: 'usb' }), fakeContext(j))))[0]!.message).to.equal('media usb is not present.');
  });
});
