/**
 * Debian's netconfd (yuma123) behind OpenSSH's sshd as a `netconf`
 * subsystem, on a loopback port, for the issue-15 comparison. Everything it
 * needs (sshd config, host key, authorized_keys, netconfd's socket and log)
 * lives in a temporary folder. Logins are by the benchmark client's key as
 * the user running the benchmark: sshd checks passwords against the system's
 * accounts, so password set-ups are not measured against it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { sleep, now } from './scenarios/common.js';

export const NETCONFD = '/usr/sbin/netconfd';
export const SSHD = '/usr/sbin/sshd';
export const SUBSYSTEM = '/usr/sbin/netconf-subsystem';

export interface NetconfdServer {
  port: number;
  username: string;
  /** netconfd's and the listening sshd's process ids (sshd forks one more per connection). */
  pids: number[];
  stop(): Promise<void>;
}

/** Why the comparison cannot run here, or undefined when it can. */
export function netconfdMissing(): string | undefined {
  const missing = [NETCONFD, SUBSYSTEM, SSHD].filter((f) => !existsSync(f));
  if (missing.length === 0) return undefined;
  return `${missing.join(', ')} not installed (Debian: apt-get install netconfd openssh-server)`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function until(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = now() + ms;
  while (!(await cond())) {
    if (now() > end) throw new Error(`${what}: not ready within ${ms} ms`);
    await sleep(50);
  }
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

function exited(p: ChildProcess): Promise<void> {
  return p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', () => r()));
}

export async function startNetconfd(clientPublicKey: string): Promise<NetconfdServer> {
  const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-netconfd-'));
  const port = await freePort();
  const sock = join(dir, 'ncxserver.sock');
  const username = userInfo().username;
  const keygen = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  if (keygen.status !== 0) throw new Error(`ssh-keygen: ${keygen.stderr.toString()}`);
  writeFileSync(join(dir, 'authorized_keys'), `${clientPublicKey}\n`, { mode: 0o600 });
  // sshd refuses to start without its privilege-separation folder.
  try {
    mkdirSync('/run/sshd', { recursive: true });
  } catch {
    // not root: sshd then runs without privilege separation, as it may.
  }
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin yes',
      'UseDNS no',
      'MaxStartups 100:30:200',
      'MaxSessions 64',
      `Subsystem netconf "${SUBSYSTEM} --ncxserver-sockname=${port}@${sock}"`,
      '',
    ].join('\n'),
  );
  const netconfd = spawn(
    NETCONFD,
    ['--no-startup', `--superuser=${username}`, `--port=${port}`, `--ncxserver-sockname=${sock}`, '--log-level=error', `--log=${join(dir, 'netconfd.log')}`],
    { stdio: 'ignore' },
  );
  const sshd = spawn(SSHD, ['-D', '-f', join(dir, 'sshd_config'), '-E', join(dir, 'sshd.log')], { stdio: 'ignore' });
  const stop = async (): Promise<void> => {
    for (const p of [sshd, netconfd]) if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
    await Promise.all([exited(sshd), exited(netconfd)]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await until(() => existsSync(sock), 15_000, 'netconfd');
    await until(() => connects(port), 15_000, 'sshd');
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, username, pids: [netconfd.pid ?? -1, sshd.pid ?? -1], stop };
}

/** A process that keeps one core busy until stopped (the "another process keeps one core busy"). */
export function startCpuLoad(): { stop(): Promise<void> } {
  const p = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  return {
    stop: async () => {
      p.kill('SIGKILL');
      await exited(p);
    },
  };
}
