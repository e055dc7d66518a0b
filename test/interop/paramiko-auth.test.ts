import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython, runPython } from '../support/python.js';

interface Attempt {
  ok: boolean;
  error?: string;
  server_sig_algs?: string[];
  hello?: boolean;
  agreed: string[];
}

/** An RSA key the device accepts, next to the unaccepted ones in the test HOME. */
function authorizedRsaKey(): { key: string; authorized: string } {
  const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-rsa-'));
  const key = join(dir, 'id_rsa_ok');
  execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', key], { stdio: 'ignore' });
  const authorized = join(dir, 'authorized_keys');
  writeFileSync(authorized, readFileSync(`${key}.pub`));
  return { key, authorized };
}

for (const stack of CLIENT_STACKS) {
  describe(`interop: paramiko defaults, keys in ~/.ssh and an agent (${stack.label})`, function () {
    let t: TestEmulator;
    let rsa: { key: string; authorized: string };
    let r: { password: Attempt; rsa: Attempt };
    before(async function () {
      requirePython(this, 'paramiko', stack);
      rsa = authorizedRsaKey();
      t = await startTestEmulator({ cli: { authorizedKeys: rsa.authorized, users: [`${TEST_USER.name}:${TEST_USER.password}`], port: 0 } });
      r = await runPython('paramiko_auth.py', { host: '127.0.0.1', port: t.port, user: TEST_USER.name, password: TEST_USER.password, rsa_key: rsa.key }, 60_000, stack);
    });
    after(async () => t?.stop());

    it('logs in with the password after the agent key and the ~/.ssh keys were refused', () => {
      expect(r.password.error).to.equal(undefined);
      expect(r.password.ok).to.equal(true);
      expect(r.password.hello).to.equal(true);
    });

    it('sees a well-formed server-sig-algs list with rsa-sha2-512 in it', () => {
      const algs = r.password.server_sig_algs!;
      expect(algs).to.include.members(['ssh-ed25519', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256']);
      for (const a of algs) expect(a).to.match(/^(ssh-ed25519|ecdsa-sha2-nistp(256|384|521)|rsa-sha2-(256|512)|ssh-rsa|ssh-dss)$/);
    });

    it('signs with rsa-sha2-512 when it logs in with an RSA key', () => {
      expect(r.rsa.ok, r.rsa.error).to.equal(true);
      expect(r.rsa.agreed.join('\n')).to.include('rsa-sha2-512');
    });
  });
}
