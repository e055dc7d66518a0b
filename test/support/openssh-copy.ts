/**
 * OpenSSH's own copy clients (`scp`, `scp -O`, `sftp`) as the file-copy tests
 * run them: from a HOME whose ~/.ssh keys and agent are not accepted
 * (client-home.ts), with a fresh ed25519 key that is, host keys not checked.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientHome } from './client-home.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a client to its end; never rejects: the exit code is what a test asserts. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { env, timeout: 120_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
    // A child that exits before reading (ssh-keygen) makes this write EPIPE.
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(input ?? '');
  });
}

export const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export interface CopyClients {
  /** A scratch folder for the test's files. */
  readonly dir: string;
  /** An authorized_keys file holding the client's key, for the users the test configures. */
  readonly authorizedKeys: string;
  /** `scp` (`-O` when `legacy`) to the emulator's port, or to `toPort`. */
  scp(args: string[], legacy: boolean, toPort?: number): Promise<Run>;
  /** `sftp -b -` with `batch` on stdin, as `user`. */
  sftp(user: string, batch: string): Promise<Run>;
}

/** Makes the key and the client HOME; `port()` is read at each call (the emulator starts after). */
export async function openSshCopyClients(prefix: string, port: () => number): Promise<CopyClients> {
  const { env } = await clientHome();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const key = join(dir, 'id_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key], process.env);
  const authorizedKeys = join(dir, 'authorized_keys');
  writeFileSync(authorizedKeys, readFileSync(`${key}.pub`));
  const opts = (): string[] => ['-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes', '-i', key];
  return {
    dir,
    authorizedKeys,
    scp: (args, legacy, toPort) => run('scp', [...(legacy ? ['-O'] : []), ...opts(), '-P', String(toPort ?? port()), ...args], env),
    sftp: (user, batch) => run('sftp', [...opts(), '-P', String(port()), '-b', '-', `${user}@127.0.0.1`], env, batch),
  };
}
