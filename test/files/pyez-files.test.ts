/**
 * PyEZ's FS utilities and its SCP utility (paramiko and the scp module),
 * both client stacks: Debian's PyEZ 2.1.7 and PyEZ 2.8.0 from
 * ../shared/clients. Byte-exact round trip with checksums, every FS method
 * (FS.cwd/FS.pwd with relative paths after them), and a read-only class
 * refused. PyEZ 2.1.7's SCP uses the device's port only
 * when the host is `localhost` (port 22 otherwise); 2.8.0's the other way
 * round: so the host is `localhost` for 2.1.7 and 127.0.0.1 for 2.8.0.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, DEBIAN_STACK, requirePython, runPython } from '../support/python.js';

type R = Record<string, unknown>;

for (const stack of CLIENT_STACKS) {
  describe(`files: PyEZ FS and SCP (${stack.label})`, function () {
    this.timeout(180_000);
    let t: TestEmulator;
    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      requirePython(this, 'scp', stack);
      t = await startTestEmulator({
        yaml: {
          users: [
            { name: 'lab', password: 'lab123' },
            { name: 'viewer', password: 'viewer1', class: 'read-only' },
          ],
          // PyEZ 2.1.7's StartShell (FS.mkdir, rmdir, symlink) connects to the device's host-name fact.
          devices: [{ name: 'r1', port: 0, ...(stack === DEBIAN_STACK ? { hostname: 'localhost' } : {}) }],
        },
      });
    });
    after(async () => {
      await t?.stop();
    });

    it('SCP put/get byte-exact; checksum, ls, stat, cp, mv, rm, cat, tgz, usage, cleanup as on Junos; a read-only user refused', async () => {
      const { results: r } = await runPython<{ results: R }>(
        'pyez_files.py',
        { host: stack === DEBIAN_STACK ? 'localhost' : '127.0.0.1', port: t.port, user: 'lab', password: 'lab123', ro_user: 'viewer', ro_password: 'viewer1', local_dir: mkdtempSync(join(tmpdir(), 'junos-emulator-pyez-files-')) },
        150_000,
        stack,
      );
      const dev = t.emulator.devices[0]!;
      if (process.env['DEBUG_FILES']) console.log(JSON.stringify(r, null, 1).slice(0, 6000));
      expect(r['back_md5']).to.equal(r['local_md5']);
      expect(r['checksum_md5']).to.equal(r['local_md5']);
      expect(r['checksum_sha256']).to.equal(r['local_sha256']);
      expect(r['checksum_sha1']).to.match(/^[0-9a-f]{40}$/);
      expect(r['checksum_missing']).to.equal(null);
      expect(r['ls_dir']).to.deep.include({ type: 'dir', path: '/var/tmp/' });
      expect(r['ls_files']).to.include.members(['pkg.tgz', 'install', 'pics']);
      expect(r['ls_file']).to.deep.include({ type: 'file', path: '/var/tmp/pkg.tgz', size: 2 * 1024 * 1024 + 17, owner: 'lab' });
      expect(r['ls_missing']).to.equal(null);
      expect(r['stat_file']).to.deep.include({ type: 'file', permissions: 644 });
      expect(r['cp']).to.equal(true);
      expect(r['cp_missing']).to.equal(false);
      expect(r['mv']).to.equal(true);
      expect(r['mv_missing']).to.equal(false);
      expect(r['cat']).to.include('booted');
      expect(r['cat_missing']).to.equal(null);
      expect(r['tgz']).to.equal(true);
      expect(r['ls_tgz']).to.be.a('number').greaterThan(100);
      expect(Object.keys(r['directory_usage'] as R)).to.include.members(['/var/tmp', '/var/tmp/install']);
      expect(r['storage_usage']).to.have.any.keys('/dev/ad1s1f');
      expect(r['rm']).to.equal(true);
      expect(r['rm_missing']).to.equal(false);
      expect(Object.keys(r['storage_cleanup_check'] as R)).to.include.members(['/var/tmp/pkg.tgz', '/var/tmp/logs.tgz']);
      expect(Object.keys(r['storage_cleanup'] as R)).to.include('/var/tmp/pkg.tgz');
      expect(r['after_cleanup']).to.equal(null);
      expect(dev.files.stat('re0', '/var/tmp/pkg.tgz')).to.equal(undefined);
      // FS.cwd / FS.pwd: the session's CLI working directory; relative paths resolve against it.
      expect(r['pwd_home']).to.equal('/var/home/lab');
      expect(r['cwd']).to.equal('/var/tmp');
      expect(r['pwd']).to.equal('/var/tmp');
      expect(r['ls_relative']).to.deep.include({ type: 'dir', path: '/var/tmp/install/' });
      expect(r['ls_dot']).to.equal('/var/tmp/');
      expect(r['cwd_log']).to.equal('/var/log');
      expect(r['cat_relative']).to.include('booted');
      expect(r['cwd_missing']).to.deep.include({ error: 'RpcError' });
      expect(JSON.stringify(r['cwd_missing'])).to.include('Invalid directory');
      expect(r['pwd_after_missing']).to.equal('/var/log');
      expect(r['mkdir']).to.equal(true);
      expect(r['symlink']).to.equal(true);
      expect(r['rmdir']).to.equal(true);
      expect(dev.files.stat('re0', '/var/tmp/link')?.kind).to.equal('link');
      expect(r['ro_put']).to.have.property('error');
      expect(JSON.stringify(r['ro_put'])).to.match(/Permission denied/);
      expect(r['ro_rm']).to.deep.include({ error: 'PermissionError' });
      expect(dev.files.stat('re0', '/var/tmp/ro.tgz')).to.equal(undefined);
      void createHash;
    });
  });
}
