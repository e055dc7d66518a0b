/**
 * Acknowledged means durable, for copies too: once OpenSSH's scp (both
 * protocols) and sftp exit 0, the real server is killed with SIGKILL; after
 * a restart the files are there with the same sha-256, their contents are
 * one blob each in <state-dir>/<device>/blobs, and the state file names them
 * without holding their bytes.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientHome } from '../support/client-home.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';
import { startServer } from '../durability/server-process.js';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const c = execFile(cmd, args, { env, timeout: 60_000 }, (err, _o, stderr) => resolve({ code: err ? 1 : 0, stderr }));
    // A child that exits before reading its stdin makes the write fail with EPIPE: its exit status tells what happened.
    c.stdin!.on('error', () => undefined);
    c.stdin!.end(input);
  });
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('copy durability: a copy acknowledged survives SIGKILL', function () {
  this.timeout(120_000);
  it('scp -O, scp (SFTP) and sftp uploads are on disk when the client exits 0', async () => {
    const env = (await clientHome()).env;
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-copy-dur-'));
    const key = join(dir, 'id_ed25519');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key], process.env);
    const state = join(dir, 'state');
    const args = ['--keys-dir', TEST_KEYS_DIR, '--state-dir', state, '--authorized-keys', `${key}.pub`, '--user', 'lab:lab123'];
    const files = [randomBytes(700_000), randomBytes(900_000), randomBytes(3000)];
    files.forEach((b, i) => writeFileSync(join(dir, `f${i}`), b));
    let s = await startServer(args);
    const o = ['-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes', '-i', key];
    const a = await run('scp', ['-O', ...o, '-P', String(s.port), join(dir, 'f0'), 'lab@127.0.0.1:/var/tmp/f0'], env);
    const b = await run('scp', [...o, '-P', String(s.port), join(dir, 'f1'), 'lab@127.0.0.1:/var/tmp/f1'], env);
    const c = await run('sftp', [...o, '-P', String(s.port), '-b', '-', 'lab@127.0.0.1'], env, `put ${join(dir, 'f2')} /var/tmp/f2\n`);
    expect([a.code, b.code, c.code], a.stderr + b.stderr + c.stderr).to.deep.equal([0, 0, 0]);
    await s.kill();
    s = await startServer(args);
    try {
      for (let i = 0; i < 3; i++) {
        const back = join(dir, `back${i}`);
        const r = await run('scp', ['-O', ...o, '-P', String(s.port), `lab@127.0.0.1:/var/tmp/f${i}`, back], env);
        expect(r.code, r.stderr).to.equal(0);
        expect(sha(readFileSync(back))).to.equal(sha(files[i]!));
      }
      const deviceDir = readdirSync(state).map((d) => join(state, d)).find((p) => statSync(p).isDirectory())!;
      const blobs = readdirSync(join(deviceDir, 'blobs'));
      expect(blobs).to.include.members([sha(files[0]!), sha(files[1]!)]);
      // The 3000-byte file is small enough to live inline in the state file.
      expect(blobs).to.not.include(sha(files[2]!));
      const doc = readdirSync(deviceDir).find((n) => n.endsWith('.state.json'))!;
      expect(statSync(join(deviceDir, doc)).size).to.be.lessThan(200_000);
    } finally {
      await s.kill();
    }
  });
});
