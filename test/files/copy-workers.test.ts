/**
 * SCP and SFTP through an SSH worker process (src/workers): `workers: 1`
 * with every connection placed in the worker, as PyEZ's SW.install gets when
 * its NETCONF session and its copy are connections at once. ssh2's SFTP
 * object exists only in the process that runs ssh2, so the owner runs the
 * SFTP protocol over the relayed byte channel (src/workers/sftp-over-channel.ts).
 * What is checked is what a user sees: OpenSSH's exit codes and messages,
 * and the device's own checksum of what landed.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSshCopyClients, sha, type CopyClients, type Run } from '../support/openssh-copy.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';


// The same copies without workers first: "as without workers" is what is asserted of the worker path.
for (const workers of [0, 1]) describe(`copy ${workers ? 'through an SSH worker' : 'in the owner (no workers)'}: OpenSSH sftp, scp (SFTP) and scp -O`, function () {
  this.timeout(180_000);
  let t: TestEmulator;
  let clients: CopyClients;
  let dir: string;
  const scp = (args: string[], legacy: boolean, toPort?: number): Promise<Run> => clients.scp(args, legacy, toPort);
  const sftp = (user: string, batch: string): Promise<Run> => clients.sftp(user, batch);
  /** The device's own sha-256 of a file (the file-checksum RPC). */
  const deviceSha = async (path: string): Promise<string> => {
    const reply = (await t.emulator.devices[0]!.inject(`<get-sha256-checksum-information><path>${path}</path></get-sha256-checksum-information>`)).replies[0]!;
    return /<checksum>([0-9a-f]+)<\/checksum>/.exec(reply)?.[1] ?? reply;
  };

  before(async () => {
    clients = await openSshCopyClients('junos-emulator-copy-workers-', () => t.port);
    dir = clients.dir;
    const authorized = clients.authorizedKeys;
    t = await startTestEmulator({
      yaml: {
        users: [
          { name: 'lab', password: 'lab123', 'authorized-keys': authorized },
          { name: 'viewer', password: 'viewer1', class: 'read-only', 'authorized-keys': authorized },
        ],
        workers,
        devices: [{ name: 'r1', port: 0 }],
      },
    });
    if (workers) {
      // Every connection to the worker, none kept by the owner: the cross-process path is what is tested.
      t.emulator.workers.ownerWeight = Number.POSITIVE_INFINITY;
      await t.emulator.workers.warm();
    }
  });
  after(async () => {
    await t?.stop();
  });

  it('sftp: put, ls, ln -s, get back byte-exact, rename, rm', async () => {
    // Several MB: far more than the owner-to-worker channel holds before it says "wait".
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const local = join(dir, 'sftp.bin');
    writeFileSync(local, data);
    const back = join(dir, 'sftp-back.bin');
    const r = await sftp(
      'lab',
      `put ${local} /var/tmp/s.bin\nls -l /var/tmp\nln -s /var/tmp/s.bin /var/tmp/s.link\nget /var/tmp/s.bin ${back}\nrename /var/tmp/s.bin /var/tmp/t.bin\n`,
    );
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/-rw-r--r--.* lab .* 3145745 .*s\.bin/);
    expect(sha(readFileSync(back))).to.equal(sha(data));
    expect(await deviceSha('/var/tmp/t.bin')).to.equal(sha(data));
    // OpenSSH sends SYMLINK's paths swapped; ssh2 reads them right only when it knows the client is OpenSSH.
    const link = t.emulator.devices[0]!.files.stat('re0', '/var/tmp/s.link');
    expect(link?.kind).to.equal('link');
    expect(link?.target).to.equal('/var/tmp/s.bin');
    const rm = await sftp('lab', 'rm /var/tmp/t.bin\nrm /var/tmp/s.link\n');
    expect(rm.code, rm.stderr).to.equal(0);
    expect(t.emulator.devices[0]!.files.stat('re0', '/var/tmp/t.bin')).to.equal(undefined);
  });

  for (const legacy of [false, true]) {
    const mode = legacy ? 'scp -O (scp protocol)' : 'scp (SFTP protocol)';
    it(`${mode}: put and get back byte-exact`, async () => {
      const data = randomBytes(2 * 1024 * 1024 + 5);
      const local = join(dir, `up-${legacy}.bin`);
      writeFileSync(local, data);
      const put = await scp([local, `lab@127.0.0.1:/var/tmp/up-${legacy}.bin`], legacy);
      expect(put.code, put.stderr).to.equal(0);
      expect(await deviceSha(`/var/tmp/up-${legacy}.bin`)).to.equal(sha(data));
      const back = join(dir, `down-${legacy}.bin`);
      const get = await scp([`lab@127.0.0.1:/var/tmp/up-${legacy}.bin`, back], legacy);
      expect(get.code, get.stderr).to.equal(0);
      expect(sha(readFileSync(back))).to.equal(sha(data));
    });
  }

  it('the fault plan cuts an SFTP get part-way (the link drops); the next copy arrives whole', async () => {
    const data = randomBytes(400_000);
    const local = join(dir, 'cut.bin');
    writeFileSync(local, data);
    expect((await scp([local, 'lab@127.0.0.1:/var/tmp/cut.bin'], false)).code).to.equal(0);
    t.emulator.faults.arm([{ id: `cut-${workers}`, device: 'r1', rpc: 'sftp', action: 'copy-cut', progress: 0.5, direction: 'get', count: 1 }] as never);
    const cut = await scp(['lab@127.0.0.1:/var/tmp/cut.bin', join(dir, 'cut-back.bin')], false);
    expect(cut.code).to.not.equal(0);
    expect(t.emulator.faults.list().find((f) => f.id === `cut-${workers}`)?.fired).to.equal(1);
    const again = await scp(['lab@127.0.0.1:/var/tmp/cut.bin', join(dir, 'cut-back.bin')], false);
    expect(again.code, again.stderr).to.equal(0);
    expect(sha(readFileSync(join(dir, 'cut-back.bin')))).to.equal(sha(data));
  });

  it('a read-only class may fetch but not put, as without workers: "Permission denied"', async () => {
    const local = join(dir, 'ro.bin');
    writeFileSync(local, 'read-only\n');
    for (const legacy of [false, true]) {
      const r = await scp([local, 'viewer@127.0.0.1:/var/tmp/ro.bin'], legacy);
      expect(r.code, `legacy ${legacy}`).to.equal(1);
      expect(r.stderr).to.match(/Permission denied/);
    }
    const s = await sftp('viewer', `put ${local} /var/tmp/ro.bin\n`);
    expect(s.code).to.equal(1);
    expect(s.stderr).to.match(/Permission denied/);
    expect(t.emulator.devices[0]!.files.stat('re0', '/var/tmp/ro.bin')).to.equal(undefined);
    const get = await scp(['viewer@127.0.0.1:/var/log/messages', join(dir, 'messages')], false);
    expect(get.code, get.stderr).to.equal(0);
    expect(sha(readFileSync(join(dir, 'messages')))).to.equal(await deviceSha('/var/log/messages'));
  });
});
