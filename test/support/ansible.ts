/**
 * Runs a playbook of test/interop/ansible against one device, as a user on a
 * workstation would (client HOME with keys and an agent, host keys not
 * checked), and returns each task's result by name.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientEnv, PY_DIR, type ClientStack } from './python.js';

export interface TaskResult {
  failed?: boolean;
  msg?: unknown;
  stdout?: unknown[];
  output?: string;
}

export function hasAnsible(): boolean {
  try {
    execFileSync('ansible-playbook', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface PlaybookRun {
  port: number;
  user: { name: string; password: string };
  /** `ansible.netcommon.netconf` or `ansible.netcommon.network_cli`. */
  connection: string;
  /** File name under test/interop/ansible. */
  playbook: string;
  stack: ClientStack;
  /** More inventory variables for the playbook (`package`, `release`). */
  vars?: Record<string, string>;
}

export async function runPlaybook(o: PlaybookRun): Promise<Map<string, TaskResult>> {
  const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-ansible-'));
  writeFileSync(
    join(dir, 'inventory.ini'),
    [
      '[junos]',
      `r1 ansible_host=127.0.0.1 ansible_port=${o.port}`,
      '',
      '[junos:vars]',
      `ansible_connection=${o.connection}`,
      'ansible_network_os=junipernetworks.junos.junos',
      `ansible_user=${o.user.name}`,
      `ansible_password=${o.user.password}`,
      'ansible_python_interpreter=/usr/bin/python3',
      ...Object.entries(o.vars ?? {}).map(([k, v]) => `${k}=${v}`),
      '',
    ].join('\n'),
  );
  // The workstation HOME (unaccepted keys in ~/.ssh, an ssh-agent): paramiko's defaults stay on.
  const env = {
    ...(await clientEnv(o.stack)),
    ANSIBLE_HOST_KEY_CHECKING: 'False',
    ANSIBLE_STDOUT_CALLBACK: 'json',
    ANSIBLE_LOCAL_TEMP: join(dir, 'tmp'),
    ANSIBLE_PERSISTENT_CONTROL_PATH_DIR: join(dir, 'pc'),
    ANSIBLE_NOCOLOR: '1',
  };
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile('ansible-playbook', ['-i', join(dir, 'inventory.ini'), join(PY_DIR, '..', 'ansible', o.playbook)], { env, timeout: 150_000, maxBuffer: 1 << 24 }, (err, out, errOut) => {
      // A failed task exits non-zero; the JSON still says which, so parse first.
      if (out.trim().startsWith('{')) resolve(out);
      else reject(new Error(`ansible-playbook failed: ${err?.message}\n${errOut}`));
    });
  });
  const run = JSON.parse(stdout) as { plays: Array<{ tasks: Array<{ task: { name: string }; hosts: Record<string, TaskResult> }> }> };
  return new Map(run.plays[0]!.tasks.map((x) => [x.task.name, x.hosts['r1']!]));
}
