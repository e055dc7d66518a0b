/**
 * OpenSSH's own clients against the file tree: `scp -O` (the legacy scp
 * protocol), plain `scp` (SFTP, OpenSSH 9's default) and `sftp`, both ways,
 * byte-exact (sha-256 of what comes back), from a HOME whose ~/.ssh keys and
 * agent are not accepted (test/support/client-home.ts) with a key that is.
 * Also: what a full file system, an over-size file and a read-only class
 * answer, and the fault plan cutting and corrupting a copy.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSshCopyClients, sha, type CopyClients, type Run } from '../support/openssh-copy.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';


describe('copy: OpenSSH scp and sftp', function () {
  this.timeout(180_000);
  let t: TestEmulator;
  let clients: CopyClients;
  let dir: string;
  const scp = (args: string[], legacy: boolean, toPort?: number): Promise<Run> => clients.scp(args, legacy, toPort);
  const sftp = (user: string, batch: string): Promise<Run> => clients.sftp(user, batch);

  before(async () => {
    clients = await openSshCopyClients('junos-emulator-copy-', () => t.port);
    dir = clients.dir;
    const authorized = clients.authorizedKeys;
    t = await startTestEmulator({
      yaml: {
        users: [
          { name: 'lab', password: 'lab123', 'authorized-keys': authorized },
          { name: 'viewer', password: 'viewer1', class: 'read-only', 'authorized-keys': authorized },
          { name: 'root', password: 'root123', 'authorized-keys': authorized },
        ],
        limits: { 'max-file-bytes': 48 * 1024 * 1024 },
        devices: [
          { name: 'r1', port: 0 },
          { name: 'j1', port: 0, profile: 'j2350' },
        ],
      },
    });
  });
  after(async () => {
    await t?.stop();
  });

  for (const legacy of [true, false]) {
    const mode = legacy ? 'scp -O (scp protocol)' : 'scp (SFTP protocol)';
    it(`${mode}: put and get back byte-exact; the file is in /var/tmp and fills /var`, async () => {
      const data = randomBytes(6 * 1024 * 1024 + 123);
      const local = join(dir, `up-${legacy}.bin`);
      writeFileSync(local, data);
      const dev = t.emulator.devices[0]!;
      const usedBefore = (await dev.inject('<get-system-storage/>')).replies[0]!;
      const t0 = process.hrtime.bigint();
      const put = await scp([local, `lab@127.0.0.1:/var/tmp/up-${legacy}.bin`], legacy);
      const putS = Number(process.hrtime.bigint() - t0) / 1e9;
      expect(put.code, put.stderr).to.equal(0);
      const back = join(dir, `down-${legacy}.bin`);
      const t1 = process.hrtime.bigint();
      const get = await scp([`lab@127.0.0.1:/var/tmp/up-${legacy}.bin`, back], legacy);
      const getS = Number(process.hrtime.bigint() - t1) / 1e9;
      expect(get.code, get.stderr).to.equal(0);
      expect(sha(readFileSync(back))).to.equal(sha(data));
      const st = dev.files.stat('re0', `/var/tmp/up-${legacy}.bin`);
      expect(st?.size).to.equal(data.length);
      expect(st?.owner).to.equal('lab');
      const usedAfter = (await dev.inject('<get-system-storage/>')).replies[0]!;
      expect(usedAfter).to.not.equal(usedBefore);
      console.log(`      ${mode}: put ${(data.length / 1048576 / putS).toFixed(1)} MB/s, get ${(data.length / 1048576 / getS).toFixed(1)} MB/s`);
    });
  }

  it('sftp: put, ls, get, rename, rm', async () => {
    const data = randomBytes(300_000);
    const local = join(dir, 'sftp.bin');
    writeFileSync(local, data);
    const back = join(dir, 'sftp-back.bin');
    const r = await sftp('lab', `put ${local} /var/tmp/s.bin\nls -l /var/tmp\nget /var/tmp/s.bin ${back}\nrename /var/tmp/s.bin /var/tmp/t.bin\nls /var/tmp\nrm /var/tmp/t.bin\nls /var/tmp\n`);
    expect(r.code, r.stderr).to.equal(0);
    expect(sha(readFileSync(back))).to.equal(sha(data));
    expect(r.stdout).to.match(/-rw-r--r--.* lab .*300000 .* \/var\/tmp\/s\.bin|s\.bin/);
    expect(r.stdout).to.include('t.bin');
    expect(t.emulator.devices[0]!.files.stat('re0', '/var/tmp/t.bin')).to.equal(undefined);
  });

  it('a missing remote file: scp -O and scp print "No such file or directory", exit 1', async () => {
    const a = await scp(['lab@127.0.0.1:/var/tmp/nope.tgz', join(dir, 'x')], true);
    expect(a.code).to.equal(1);
    expect(a.stderr).to.include('scp: /var/tmp/nope.tgz: No such file or directory');
    const b = await scp(['lab@127.0.0.1:/var/tmp/nope.tgz', join(dir, 'x')], false);
    expect(b.code).to.equal(1);
    expect(b.stderr).to.match(/No such file/);
  });

  it('a read-only class may fetch but not put: "Permission denied"', async () => {
    const local = join(dir, 'ro.bin');
    writeFileSync(local, 'read-only\n');
    for (const legacy of [true, false]) {
      const r = await scp([local, 'viewer@127.0.0.1:/var/tmp/ro.bin'], legacy);
      expect(r.code, `legacy ${legacy}`).to.equal(1);
      expect(r.stderr).to.match(/Permission denied/);
    }
    expect(t.emulator.devices[0]!.files.stat('re0', '/var/tmp/ro.bin')).to.equal(undefined);
    const get = await scp(['viewer@127.0.0.1:/var/log/messages', join(dir, 'messages')], true);
    expect(get.code, get.stderr).to.equal(0);
  });

  it('a full file system: "No space left on device" (scp), Failure (SFTP); nothing is left behind', async () => {
    const j1 = t.emulator.devices[1]!;
    const free = j1.files.freeBytes('re0', '/config');
    const local = join(dir, 'full.bin');
    writeFileSync(local, randomBytes(free + 4096));
    const a = await scp([local, 'root@127.0.0.1:/config/full.bin'], true, j1.ports()[0]!.port);
    expect(a.code).to.equal(1);
    expect(a.stderr).to.include('scp: /config/full.bin: No space left on device');
    const b = await scp([local, 'root@127.0.0.1:/config/full.bin'], false, j1.ports()[0]!.port);
    expect(b.code).to.equal(1);
    expect(b.stderr).to.match(/Failure/);
    expect(j1.files.stat('re0', '/config/full.bin')).to.equal(undefined);
  });

  it('a file over max-file-bytes: "File too large"', async () => {
    const local = join(dir, 'big.bin');
    writeFileSync(local, Buffer.alloc(48 * 1024 * 1024 + 1));
    const r = await scp([local, 'lab@127.0.0.1:/var/tmp/big.bin'], true);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.include('scp: /var/tmp/big.bin: File too large');
  });

  it('the fault plan corrupts one byte of a copy, and cuts another part-way', async () => {
    const data = randomBytes(200_000);
    const local = join(dir, 'f.bin');
    writeFileSync(local, data);
    t.emulator.faults.arm([{ id: 'c1', device: 'r1', rpc: 'scp', action: 'copy-corrupt', 'at-byte': 1000, direction: 'put', count: 1 } ] as never);
    const put = await scp([local, 'lab@127.0.0.1:/var/tmp/f.bin'], true);
    expect(put.code, put.stderr).to.equal(0);
    const stored = await t.emulator.devices[0]!.files.read('re0', '/var/tmp/f.bin');
    expect(stored.length).to.equal(data.length);
    expect(sha(stored)).to.not.equal(sha(data));
    expect(stored[1000]).to.equal(data[1000]! ^ 0xff);
    t.emulator.faults.arm([{ id: 'c2', device: 'r1', action: 'copy-cut', progress: 0.5, direction: 'get', count: 1 } ] as never);
    const get = await scp(['lab@127.0.0.1:/var/tmp/f.bin', join(dir, 'f-back.bin')], false);
    expect(get.code).to.not.equal(0);
  });

  it('copy-slow holds a copy to its rate and the copy still arrives whole', async () => {
    const data = randomBytes(64 * 1024);
    const local = join(dir, 'slow.bin');
    writeFileSync(local, data);
    t.emulator.faults.arm([{ id: 's1', device: 'r1', rpc: 'sftp', action: 'copy-slow', rate: 1024 * 1024, count: 1 }] as never);
    const put = await scp([local, 'lab@127.0.0.1:/var/tmp/slow.bin'], false);
    expect(put.code, put.stderr).to.equal(0);
    expect(t.emulator.faults.list().find((f) => f.id === 's1')?.fired).to.equal(1);
    expect(sha(await t.emulator.devices[0]!.files.read('re0', '/var/tmp/slow.bin'))).to.equal(sha(data));
  });
});
