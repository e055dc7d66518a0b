/**
 * Ansible (Debian `ansible`, junipernetworks.junos over ansible.netcommon's
 * netconf connection): junos_command and junos_rpc against the emulator, with
 * the settings docs/ansible.md documents.
 */
import { expect } from 'chai';
import { hasAnsible, runPlaybook } from '../support/ansible.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requireClient, requirePython } from '../support/python.js';

for (const stack of CLIENT_STACKS) {
  describe(`interop: Ansible junos_command and junos_rpc (${stack.label})`, function () {
    let t: TestEmulator;
    before(async function () {
      requireClient(this, 'ansible-playbook (Debian package ansible)', hasAnsible());
      requirePython(this, 'ncclient', stack);
      t = await startTestEmulator({ yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960', port: 0 }] } });
    });
    after(async () => t?.stop());

    it('runs the playbook: CLI text and JSON, request-snapshot and get-snapshot-information as RPCs', async () => {
      const byName = await runPlaybook({ port: t.port, user: TEST_USER, connection: 'ansible.netcommon.netconf', playbook: 'playbook.yml', stack });
      for (const [name, r] of byName) expect(r.failed, `${name}: ${JSON.stringify(r.msg)}`).to.not.equal(true);
      const text = byName.get('CLI commands in text')!.stdout as string[];
      expect(text[0]).to.include('Hostname: r1').and.include('JUNOS Base OS boot [9.3R4.4]');
      expect(text[1]).to.include('Information for snapshot on      hard-disk (/dev/ad1s1a) (backup)').and.include('9.2R3.5');
      const json = byName.get('A CLI command as JSON')!.stdout as Array<Record<string, unknown>>;
      expect(json[0]).to.have.key('system-storage-information');
      expect(byName.get('request-snapshot as an RPC')!.output).to.equal(
        'umount: /altroot: not currently mounted\nCopying / to /altroot.. (this may take a few minutes)\numount: /altconfig: not currently mounted\nCopying /config to /altconfig.. (this may take a few minutes)\nThe following filesystems were archived: / /config',
      );
      // The snapshot the playbook ran is what the next task reads back.
      expect(byName.get('get-snapshot-information with an argument')!.output).to.include('hard-disk (/dev/ad1s1a) (backup)').and.include('jbase  : 9.3R4.4');
    });
  });
}
