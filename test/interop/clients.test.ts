import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requireClient, requirePython, runPython } from '../support/python.js';

const run = promisify(execFile);

interface NcclientResult {
  session_id: string;
  base11: boolean;
  framing_chunked: boolean;
  host_name: string | null;
  unknown_rpc: { message: string; severity: string; info: string } | string;
  locked_and_unlocked: boolean;
  closed: boolean;
}

function haveBinary(name: string): boolean {
  try {
    return readFileSync(`/usr/bin/${name}`).length > 0;
  } catch {
    return false;
  }
}

/** An ed25519 client key pair made with OpenSSH's ssh-keygen, plus its authorized_keys file. */
async function makeClientKey(): Promise<{ dir: string; key: string; authorized: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-client-key-'));
  const key = join(dir, 'id_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
  const authorized = join(dir, 'authorized_keys');
  writeFileSync(authorized, readFileSync(`${key}.pub`));
  return { dir, key, authorized };
}

for (const stack of CLIENT_STACKS) {
  describe(`interop: ncclient (${stack.label})`, function () {
    let t: TestEmulator;
    let t11: TestEmulator;
    before(async function () {
      requirePython(this, 'ncclient', stack);
      t = await startTestEmulator();
      t11 = await startTestEmulator({ cli: { rfcCompliant: true } });
    });
    after(async () => {
      await t?.stop();
      await t11?.stop();
    });

    for (const junos of [false, true]) {
      it(`base:1.0, device_params ${junos ? 'junos' : 'default'}: RPCs, errors, locks, close`, async () => {
        const r = await runPython<NcclientResult>('ncclient_session.py', { host: '127.0.0.1', port: t.port, user: TEST_USER.name, password: TEST_USER.password, junos }, 60_000, stack);
        expect(r.base11).to.equal(false);
        expect(r.framing_chunked).to.equal(false);
        expect(r.session_id).to.match(/^\d{4,5}$/);
        expect(r.host_name).to.equal('junos1');
        expect(r.unknown_rpc).to.include({ message: 'syntax error', severity: 'error' });
        expect(r.locked_and_unlocked).to.equal(true);
        expect(r.closed).to.equal(true);
      });

      it(`base:1.1 chunked framing (rfc-compliant), device_params ${junos ? 'junos' : 'default'}`, async () => {
        const r = await runPython<NcclientResult>('ncclient_session.py', { host: '127.0.0.1', port: t11.port, user: TEST_USER.name, password: TEST_USER.password, junos }, 60_000, stack);
        expect(r.base11).to.equal(true);
        expect(r.framing_chunked).to.equal(true);
        expect(r.host_name).to.equal('junos1');
        expect(r.unknown_rpc).to.include({ message: 'syntax error' });
        expect(r.closed).to.equal(true);
      });
    }
  });
}

for (const stack of CLIENT_STACKS) {
  describe(`interop: PyEZ (${stack.label})`, function () {
    let t: TestEmulator;
    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      t = await startTestEmulator();
    });
    after(async () => t?.stop());

    it('Device(...).open(), RPCs by name, RpcError on an unknown RPC, close()', async () => {
      const r = await runPython<{ connected: boolean; get_config_tag: string; unknown_rpc: { message: string; bad_element: string }; closed: boolean }>(
        'pyez_session.py',
        { host: '127.0.0.1', port: t.port, user: TEST_USER.name, password: TEST_USER.password }, 60_000, stack
  );
      expect(r.connected).to.equal(true);
      expect(r.get_config_tag).to.equal('data');
      expect(r.unknown_rpc.message).to.equal('syntax error');
      expect(r.unknown_rpc.bad_element).to.equal('get-test-rpc-nonexistent');
      expect(r.closed).to.equal(true);
    });
  });
}

for (const stack of CLIENT_STACKS) {
  describe(`interop: public-key login (ncclient, PyEZ, OpenSSH) (${stack.label})`, function () {
    let t: TestEmulator;
    let key: { key: string; authorized: string };
    before(async function () {
      requireClient(this, 'ssh-keygen (openssh-client)', haveBinary('ssh-keygen'));
      key = await makeClientKey();
      t = await startTestEmulator({ cli: { authorizedKeys: key.authorized } });
    });
    after(async () => t?.stop());

    it('ncclient logs in with an ed25519 key', async function () {
      requirePython(this, 'ncclient', stack);
      const r = await runPython<NcclientResult>('ncclient_session.py', { host: '127.0.0.1', port: t.port, user: TEST_USER.name, key: key.key }, 60_000, stack);
      expect(r.host_name).to.equal('junos1');
    });

    it('PyEZ logs in with an ed25519 key', async function () {
      requirePython(this, 'jnpr.junos', stack);
      const r = await runPython<{ connected: boolean }>('pyez_session.py', { host: '127.0.0.1', port: t.port, user: TEST_USER.name, key: key.key }, 60_000, stack);
      expect(r.connected).to.equal(true);
    });

    it('OpenSSH `ssh -s netconf` with the key gets the hello and answers an RPC', async () => {
      const input =
        '<hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>' +
        '<rpc message-id="1" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><get-config><source><running/></source></get-config></rpc>]]>]]>' +
        '<rpc message-id="2" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><close-session/></rpc>]]>]]>';
      const out = await sshNetconf(['-i', key.key, '-o', 'IdentitiesOnly=yes', '-o', 'PasswordAuthentication=no'], t.port, input);
      expect(out).to.include('<!-- user lab, class j-super-user -->');
      expect(out).to.include('<host-name>junos1</host-name>');
      expect(out).to.match(/message-id="2" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">\n<ok\/>/);
    });

    it('OpenSSH with a password through sshpass', async function () {
      requireClient(this, 'sshpass', haveBinary('sshpass'));
      const input =
        '<hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>' +
        '<rpc message-id="9" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><close-session/></rpc>]]>]]>';
      const out = await sshNetconf(['-o', 'PubkeyAuthentication=no'], t.port, input, TEST_USER.password);
      expect(out).to.match(/message-id="9" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">\n<ok\/>/);
    });
  });
}

function sshNetconf(extra: string[], port: number, input: string, password?: string): Promise<string> {
  const args = [
    '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=' + (password ? 'no' : 'yes'),
    ...extra, '-p', String(port), `${TEST_USER.name}@127.0.0.1`, '-s', 'netconf',
  ];
  const [cmd, argv] = password ? ['sshpass', ['-p', password, 'ssh', ...args]] : ['ssh', args];
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, argv as string[], { timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
    // A child that exits before reading its stdin makes the write fail with EPIPE: its exit status tells what happened.
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(input);
  });
}
