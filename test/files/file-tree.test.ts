/**
 * The file tree behind the storage model: writes fill the file system they
 * land on and removes free it, as `show system storage` reports; a snapshot
 * copies the configuration files; contents over the inline limit live in
 * content-addressed blobs beside the state file and come back after a restart.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createDeviceState } from '../../src/device/device-state.js';
import { DeviceModel, VirtualClock, runSnapshot } from '../../src/engine/index.js';
import { fileSystems } from '../../src/engine/storage.js';
import { MemoryBlobStore } from '../../src/files/blob-store.js';
import { DeviceFiles, FileError } from '../../src/files/device-files.js';
import { DEFAULT_LIMITS } from '../../src/options/defaults.js';
import type { DeviceSpec } from '../../src/options/types.js';
import { parseRpcOptions } from '../../src/grammar/parse-rpc.js';
import { requestSnapshotGrammar, snapshotOptions } from '../../src/grammar/request-snapshot.js';


const MB = 1024 * 1024;

function files(model: DeviceModel, maxFileBytes = 64 * MB): DeviceFiles {
  return new DeviceFiles(model, new MemoryBlobStore(), () => ({ maxFileBytes }), () => Date.UTC(2026, 0, 1));
}

const usedKbOn = (model: DeviceModel, mount: string): number => fileSystems(model, model.routingEngine('re0')!).find((f) => f.mountedOn === mount)!.usedKb;
const availKbOn = (model: DeviceModel, mount: string): number => fileSystems(model, model.routingEngine('re0')!).find((f) => f.mountedOn === mount)!.availKb;

function spec(name: string): DeviceSpec {
  return { name, port: 0, profile: 'mx960', hostname: name, users: [], rfcCompliant: false, version11: false, settings: {}, limits: { ...DEFAULT_LIMITS } } as unknown as DeviceSpec;
}

describe('file tree', () => {
  it('a fresh device has the initial files each platform has', () => {
    for (const profile of ['mx960', 'mx80', 'srx300', 'ex4300-vc', 'mx960-21.4'] as const) {
      const m = DeviceModel.create(profile, {}, { now: Date.UTC(2026, 0, 1) });
      const f = files(m);
      const re = m.routingEngines()[0]!.name;
      expect(f.stat(re, '/var/tmp')?.kind, profile).to.equal('dir');
      expect(f.stat(re, '/var/log/messages')?.kind, profile).to.equal('file');
      expect(f.stat(re, '/config/juniper.conf.gz')?.kind, profile).to.equal('file');
      expect(f.list(re, '/var').map((s) => s.name), profile).to.include.members(['tmp', 'log', 'home']);
    }
  });

  it('writing into /var/tmp fills /var, deleting frees it', async () => {
    const m = DeviceModel.create('mx960');
    const f = files(m);
    const before = usedKbOn(m, '/var');
    await f.write('re0', '/var/tmp/big.bin', Buffer.alloc(10 * MB, 7), 'admin');
    expect(usedKbOn(m, '/var') - before).to.equal(10 * 1024);
    expect(usedKbOn(m, '/config')).to.be.greaterThan(0);
    f.remove('re0', '/var/tmp/big.bin', 'admin');
    expect(usedKbOn(m, '/var')).to.equal(before);
  });

  it('a write larger than the free space fails with ENOSPC and changes nothing', async () => {
    const m = DeviceModel.create('mx960');
    const f = files(m, 4096 * MB);
    const avail = availKbOn(m, '/config');
    const err = await f.write('re0', '/config/huge', Buffer.alloc(avail * 1024 + 1024), 'root').then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(FileError);
    expect((err as FileError).code).to.equal('ENOSPC');
    expect(f.stat('re0', '/config/huge')).to.equal(undefined);
  });

  it('refuses a file over max-file-bytes, and writes where Unix permissions forbid them', async () => {
    const m = DeviceModel.create('mx960');
    const f = files(m, MB);
    const big = await f.write('re0', '/var/tmp/x', Buffer.alloc(MB + 1), 'admin').then(() => undefined, (e: FileError) => e.code);
    expect(big).to.equal('EFBIG');
    const denied = await f.write('re0', '/config/x', Buffer.from('x'), 'admin').then(() => undefined, (e: FileError) => e.code);
    expect(denied).to.equal('EACCES');
    const missing = await f.write('re0', '/var/nodir/x', Buffer.from('x'), 'admin').then(() => undefined, (e: FileError) => e.code);
    expect(missing).to.equal('ENOENT');
  });

  it('a snapshot copies /config to /altconfig with its files', async () => {
    const clock = new VirtualClock({ speed: 'instant' });
    const m = DeviceModel.create('mx960');
    const f = files(m);
    await f.write('re0', '/config/marker.txt', Buffer.from('before the snapshot\n'), 'root');
    const opts = snapshotOptions(parseRpcOptions(requestSnapshotGrammar, { name: 'request-snapshot', prefix: '', attrs: {}, children: [], text: '' }, m.dialect()));
    await runSnapshot(m, clock, 're0', opts);
    m.setAlternateMounted('re0', '/altconfig', true);
    expect((await f.read('re0', '/altconfig/marker.txt')).toString()).to.equal('before the snapshot\n');
    expect(f.stat('re0', '/altconfig/juniper.conf.gz')?.kind).to.equal('file');
    clock.shutdown();
  });

  it('persists contents as sha-256 blobs beside the state file, across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-files-'));
    const clock = new VirtualClock({ speed: 'instant' });
    const bytes = Buffer.alloc(3 * MB);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    const id = createHash('sha256').update(bytes).digest('hex');
    let st = await createDeviceState(spec('r1'), clock, dir);
    await st.files.write('re0', '/var/tmp/pkg.tgz', bytes, 'admin');
    await st.persist();
    expect(existsSync(join(dir, 'blobs', id))).to.equal(true);
    const doc = readFileSync(join(dir, 'r1.state.json'), 'utf8');
    expect(doc).to.include(id);
    expect(doc.length).to.be.lessThan(200_000);
    st = await createDeviceState(spec('r1'), clock, dir);
    expect((await st.files.read('re0', '/var/tmp/pkg.tgz')).equals(bytes)).to.equal(true);
    // A removed file's blob goes once the state without it is on disk.
    st.files.remove('re0', '/var/tmp/pkg.tgz', 'admin');
    await st.persist();
    await new Promise((r) => setImmediate(r));
    st = await createDeviceState(spec('r1'), clock, dir);
    expect(readdirSync(join(dir, 'blobs'))).to.not.include(id);
    clock.shutdown();
  });
});

describe('storage list per platform (issue 11)', () => {
  it('an MX80 on 15.1 lists its package memory disks, /tmp and /mfs, and the jails, in the order of the capture', () => {
    const m = DeviceModel.create('mx80');
    const mounts = fileSystems(m, m.routingEngine('re0')!).map((f) => `${f.name} ${f.mountedOn}`);
    expect(mounts).to.deep.equal([
      '/dev/da0s1a /',
      'devfs /dev',
      '/dev/md0 /packages/mnt/jbase',
      '/dev/md1 /packages/mnt/jkernel-ppc-15.1R7.8',
      '/dev/md2 /packages/mnt/jpfe-MX80-15.1R7.8',
      '/dev/md3 /packages/mnt/jdocs-15.1R7.8',
      '/dev/md4 /packages/mnt/jroute-ppc-15.1R7.8',
      '/dev/md5 /packages/mnt/jcrypto-ppc-15.1R7.8',
      '/dev/md6 /packages/mnt/jmacsec-15.1R7.8',
      '/dev/md7 /packages/mnt/jweb-ppc-15.1R7.8',
      '/dev/md8 /tmp',
      '/dev/md9 /mfs',
      '/dev/da0s1e /config',
      'procfs /proc',
      '/dev/da1s1f /var',
      '/var/jails/rest-api /packages/mnt/jroute-ppc-15.1R7.8/web-api/var',
      '/var/jail /packages/mnt/jweb-ppc-15.1R7.8/jail/var',
      '/var/log /packages/mnt/jweb-ppc-15.1R7.8/jail/var/log',
      'devfs /packages/mnt/jweb-ppc-15.1R7.8/jail/dev',
    ]);
  });

  it('a file in the MX80 /tmp fills the memory disk, not /var', async () => {
    const m = DeviceModel.create('mx80');
    const f = files(m);
    await f.write('re0', '/tmp/x', Buffer.alloc(MB), 'admin');
    expect(usedKbOn(m, '/tmp')).to.equal(1024);
  });
});
