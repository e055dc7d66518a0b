/**
 * Ansible (Debian `ansible`, junipernetworks.junos over ansible.netcommon's
 * netconf connection): junos_command and junos_rpc against the emulator, with
 * the settings docs/ansible.md documents.
 */
import { expect } from 'chai';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, clientEnv, PY_DIR, requireClient, requirePython } from '../support/python.js';

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
  output?: string;
}

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
      const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-ansible-'));
      writeFileSync(
        join(dir, 'inventory.ini'),
        [
          '[junos]',
          `r1 ansible_host=127.0.0.1 ansible_port=${t.port}`,
          '',
          '[junos:vars]',
          'ansible_connection=ansible.netcommon.netconf',
          'ansible_network_os=junipernetworks.junos.junos',
          `ansible_user=${TEST_USER.name}`,
          `ansible_password=${TEST_USER.password}`,
          'ansible_python_interpreter=/usr/bin/python3',
          '',
        ].join('\n'),
      );
      // The workstation HOME (unaccepted keys in ~/.ssh, an ssh-agent): paramiko's defaults stay on.
      const env = {
        ...(await clientEnv(stack)),
        ANSIBLE_HOST_KEY_CHECKING: 'False',
        ANSIBLE_STDOUT_CALLBACK: 'json',
        ANSIBLE_LOCAL_TEMP: join(dir, 'tmp'),
        ANSIBLE_PERSISTENT_CONTROL_PATH_DIR: join(dir, 'pc'),
        ANSIBLE_NOCOLOR: '1',
      };
      const playbook = join(PY_DIR, '..', 'ansible', 'playbook.yml');
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile('ansible-playbook', ['-i', join(dir, 'inventory.ini'), playbook], { env, timeout: 150_000, maxBuffer: 1 << 24 }, (err, out, errOut) => {
          // A failed task exits non-zero; the JSON still says which, so parse first.
          if (out.trim().startsWith('{')) resolve(out);
          else reject(new Error(`ansible-playbook failed: ${err?.message}\n${errOut}`));
        });
      });
      const run = JSON.parse(stdout) as { plays: Array<{ tasks: Array<{ task: { name: string }; hosts: Record<string, TaskResult> }> }> };
      const byName = new Map(run.plays[0]!.tasks.map((x) => [x.task.name, x.hosts['r1']!]));
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
