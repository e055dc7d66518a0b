import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { requireClient } from '../support/python.js';

const YANGCLI = '/usr/bin/yangcli';

/**
 * yangcli (yuma123, over libssh2): a YANG-aware client finds the module in the
 * hello and fetches it, on a device with `emulator-schema-capability` on (a
 * real Junos hello does not name the emulator's module, so it is off by default).
 */
describe('interop: yangcli (Debian yangcli)', function () {
  let t: TestEmulator;
  before(async function () {
    requireClient(this, 'yangcli', existsSync(YANGCLI));
    t = await startTestEmulator({
      yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], devices: [{ name: 'junos1', port: 0, 'emulator-schema-capability': true }] },
    });
  });
  after(async () => t?.stop());

  it('lists junos-emulator-snapshot among the server modules and retrieves it with get-schema', async () => {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(
        YANGCLI,
        [
          '--server=127.0.0.1',
          `--ncport=${t.port}`,
          `--user=${TEST_USER.name}`,
          `--password=${TEST_USER.password}`,
          '--batch-mode',
          '--run-command=get-schema identifier=junos-emulator-snapshot format=yang',
        ],
        // yangcli writes its history and logs under $HOME.
        { timeout: 60_000, cwd: tmpdir(), env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'yangcli-home-')) } },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout)),
      );
    });
    expect(out).to.match(/Server Module Capabilities\s+junos-emulator-snapshot@\d{4}-\d\d-\d\d/);
    expect(out).to.include('module junos-emulator-snapshot');
    expect(out).to.include('rpc request-snapshot');
  });
});
