import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * A HOME as on a developer's workstation: `~/.ssh` holds keys the emulator
 * does not accept, and an ssh-agent runs holding another one. Clients left on
 * their defaults (look_for_keys, allow_agent) offer all of them before the
 * password, which is exactly what broke paramiko-based clients against ssh2.
 * One per test process; the agent is stopped when the process exits.
 */
export interface ClientHome {
  home: string;
  /** The key files in `~/.ssh` (none of them authorized on any device). */
  keyFiles: string[];
  /** SSH_AUTH_SOCK of the running agent. */
  agentSocket: string;
  /** Environment for a client process: HOME and SSH_AUTH_SOCK set. */
  env: NodeJS.ProcessEnv;
}

let made: ClientHome | undefined;
let agent: ChildProcess | undefined;

function keygen(file: string, type: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-C', `unaccepted-${type}`, '-f', file], { stdio: 'ignore' });
  chmodSync(file, 0o600);
}

/** Waits for a file to appear, polling; the agent creates its socket soon after it starts. */
function waitForFile(file: string, child: ChildProcess, limitMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const tick = (): void => {
      if (existsSync(file)) return resolve();
      if (child.exitCode !== null) return reject(new Error(`ssh-agent exited with ${child.exitCode}`));
      if (performance.now() - started > limitMs) return reject(new Error('ssh-agent did not create its socket'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export async function clientHome(): Promise<ClientHome> {
  if (made) return made;
  const home = mkdtempSync(join(tmpdir(), 'junos-emulator-home-'));
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700 });
  const keyFiles = [join(ssh, 'id_ed25519'), join(ssh, 'id_rsa')];
  keygen(keyFiles[0]!, 'ed25519');
  keygen(keyFiles[1]!, 'rsa');
  const agentKey = join(home, 'agent_key');
  keygen(agentKey, 'ed25519');

  const agentSocket = join(home, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', agentSocket], { stdio: 'ignore' });
  agent.unref();
  process.once('exit', () => agent?.kill());
  await waitForFile(agentSocket, agent, 10_000);
  execFileSync('ssh-add', ['-q', agentKey], { env: { ...process.env, SSH_AUTH_SOCK: agentSocket }, stdio: 'ignore' });

  made = { home, keyFiles, agentSocket, env: { ...process.env, HOME: home, SSH_AUTH_SOCK: agentSocket } };
  return made;
}
