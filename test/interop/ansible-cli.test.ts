/**
 * Ansible (Debian `ansible`, junipernetworks.junos) `junos_command` over the
 * `network_cli` connection: Ansible logs in to the CLI on a pty, sends
 * `set cli timestamp disable`, `set cli screen-length 0`, `set cli
 * screen-width 1024`, reads `show version` for the device facts, then runs
 * the commands and reads each output to the prompt.
 */
import { expect } from 'chai';
import { hasAnsible, runPlaybook } from '../support/ansible.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requireClient, requirePython } from '../support/python.js';
import { SAMPLE_1 } from '../support/spec-samples.js';

const USER = { name: 'user', password: 'user123' };

for (const stack of CLIENT_STACKS) {
  describe(`interop: Ansible junos_command over network_cli (${stack.label})`, function () {
    let t: TestEmulator;
    before(async function () {
      requireClient(this, 'ansible-playbook (Debian package ansible)', hasAnsible());
      requirePython(this, 'paramiko', stack);
      // The control API on: the request log then keeps what was typed.
      t = await startTestEmulator({ yaml: { users: [{ name: USER.name, password: USER.password }], speed: 'instant', control: { port: 0 }, devices: [{ name: 'r1', profile: 'mx960', port: 0 }] } });
    });
    after(async () => t?.stop());

    it('runs CLI commands and fails the task on a refused one', async () => {
      const byName = await runPlaybook({ port: t.port, user: USER, connection: 'ansible.netcommon.network_cli', playbook: 'cli-playbook.yml', stack });
      const cli = byName.get('CLI commands')!;
      expect(cli.failed, JSON.stringify(cli.msg)).to.not.equal(true);
      const out = cli.stdout as string[];
      expect(out[0]).to.include('Hostname: r1').and.include('JUNOS Base OS boot [9.3R4.4]');
      expect(out[1]).to.equal(SAMPLE_1.trimEnd());
      expect(out[2]).to.match(/^Information for snapshot on +compact-flash/);
      const refused = byName.get('A command the CLI refuses')!;
      expect(refused.failed).to.equal(true);
      expect(String(refused.msg)).to.include('syntax error');
      // What Ansible typed: its terminal set-up, then the commands.
      const typed = t.emulator.requestLog.query({ direction: 'cli-in' }).map((e) => e.text);
      expect(typed).to.include.members(['set cli timestamp disable', 'set cli screen-length 0', 'set cli screen-width 1024', 'show version', 'request system snapshot']);
    });
  });
}
