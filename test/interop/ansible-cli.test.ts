/**
 * Ansible (Debian `ansible`, junipernetworks.junos) `junos_command` over the
 * `network_cli` connection: Ansible logs in to the CLI on a pty, sends
 * `set cli timestamp disable`, `set cli screen-length 0`, `set cli
 * screen-width 1024`, reads `show version` for the device facts, then runs
 * the commands and reads each output to the prompt.
 */
import { expect } from 'chai';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, clientEnv, PY_DIR, requireClient, requirePython } from '../support/python.js';
import { SAMPLE_1 } from '../support/spec-samples.js';

function hasAnsible(): boolean {
  try {
    execFileSync('ansible-playbook', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface TaskResult {
  failed?: boolean;
  msg?: unknown;
  stdout?: unknown[];
}

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
      const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-ansible-cli-'));
      writeFileSync(
        join(dir, 'inventory.ini'),
        [
          '[junos]',
          `r1 ansible_host=127.0.0.1 ansible_port=${t.port}`,
          '',
          '[junos:vars]',
          'ansible_connection=ansible.netcommon.network_cli',
          'ansible_network_os=junipernetworks.junos.junos',
          `ansible_user=${USER.name}`,
          `ansible_password=${USER.password}`,
          'ansible_python_interpreter=/usr/bin/python3',
          '',
        ].join('\n'),
      );
      const env = {
        ...(await clientEnv(stack)),
        ANSIBLE_HOST_KEY_CHECKING: 'False',
        ANSIBLE_STDOUT_CALLBACK: 'json',
        ANSIBLE_LOCAL_TEMP: join(dir, 'tmp'),
        ANSIBLE_PERSISTENT_CONTROL_PATH_DIR: join(dir, 'pc'),
        ANSIBLE_NOCOLOR: '1',
      };
      const playbook = join(PY_DIR, '..', 'ansible', 'cli-playbook.yml');
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile('ansible-playbook', ['-i', join(dir, 'inventory.ini'), playbook], { env, timeout: 150_000, maxBuffer: 1 << 24 }, (err, out, errOut) => {
          if (out.trim().startsWith('{')) resolve(out);
          else reject(new Error(`ansible-playbook failed: ${err?.message}\n${errOut}`));
        });
      });
      const run = JSON.parse(stdout) as { plays: Array<{ tasks: Array<{ task: { name: string }; hosts: Record<string, TaskResult> }> }> };
      const byName = new Map(run.plays[0]!.tasks.map((x) => [x.task.name, x.hosts['r1']!]));
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
