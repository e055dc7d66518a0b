/**
 * Ansible's junipernetworks.junos.junos_package (Debian's collection 4.1.0)
 * end to end, on both client stacks. That module builds its PyEZ Device from
 * a `provider` its argument spec no longer declares, so it stops before
 * connecting with PyEZ's "You must provide the 'host' value" (2.8.0: "either
 * 'host' or 'sock_fd'"), against this
 * emulator as against any real box: the test holds it to that, and to the
 * device being left untouched.
 */
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePackage } from '../../src/packages/index.js';
import { hasAnsible, runPlaybook } from '../support/ansible.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requireClient, requirePython } from '../support/python.js';

for (const stack of CLIENT_STACKS) {
  describe(`upgrade through Ansible junos_package (${stack.label})`, function () {
    let t: TestEmulator;
    before(async function () {
      requireClient(this, 'ansible-playbook', hasAnsible());
      requirePython(this, 'jnpr.junos', stack);
      t = await startTestEmulator({ yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960-21.4', port: 0 }] } });
    });
    after(async () => t?.stop());

    it('junos_package with copy, validate and reboot: the module fails before it connects; nothing is copied or installed', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-ansible-pkg-'));
      const made = makePackage({ release: '22.3R1.11', platforms: ['mx'] });
      writeFileSync(join(dir, made.fileName), made.bytes);
      const dev = t.emulator.devices[0]!;
      const results = await runPlaybook({
        port: dev.ports()[0]!.port,
        user: TEST_USER,
        connection: 'ansible.netcommon.netconf',
        playbook: 'package-playbook.yml',
        stack,
        vars: { package: join(dir, made.fileName), release: '22.3R1.11' },
      });
      const r = results.get('Install the package')! as { failed?: boolean; module_stderr?: string };
      expect(r.failed).to.equal(true);
      // PyEZ 2.1.7 and 2.8.0 word it differently.
      expect(r.module_stderr).to.include(stack.name === 'debian' ? "You must provide the 'host' value" : "You must provide either 'host' or");
      expect(dev.files.stat('re0', `/var/tmp/${made.fileName}`)).to.equal(undefined);
      expect(dev.system.pending).to.equal(null);
      expect(dev.model.settings.softwareVersion).to.equal('21.4R3.15');
    });
  });
}
