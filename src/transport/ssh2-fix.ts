/**
 * Whether the ssh2 that this copy of the emulator loads carries the fix in
 * patches/ (paramiko's repeated ssh-userauth request, server-sig-algs).
 *
 * The patch file is the one source of the fix: patch-package applies it in a
 * checkout, and the published tarball bundles the patched ssh2. This check
 * reads the same file and looks for every line it adds in the files it
 * changes, so a copy installed with --ignore-scripts, or an ssh2 replaced by
 * another version, is reported at start instead of failing paramiko-based
 * clients later with a bare disconnect (docs/packaging.md).
 *
 * `node dist/src/transport/ssh2-fix.js --check` exits 1 when the fix is not
 * in force (prepack runs it, so no tarball ships without it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Ssh2FixStatus {
  ok: boolean;
  /** The ssh2 folder this module resolves (the one the emulator loads). */
  ssh2Dir: string;
  patchFile: string | undefined;
  /** What is missing, one sentence each. */
  problems: string[];
}

/** The package's top folder: this file is dist/src/transport/ssh2-fix.js. */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
}

function resolveSsh2Dir(): string {
  return dirname(createRequire(import.meta.url).resolve('ssh2/package.json'));
}

interface FileHunks {
  /** Path inside the ssh2 package, e.g. lib/server.js. */
  path: string;
  /** The added lines of each hunk, in order. */
  hunks: string[][];
}

/** The added lines of a patch-package patch, per file and hunk. */
export function parsePatch(text: string, pkg = 'ssh2'): FileHunks[] {
  const files: FileHunks[] = [];
  let current: FileHunks | undefined;
  for (const line of text.split('\n')) {
    const header = /^diff --git a\/node_modules\/([^ ]+) b\//.exec(line);
    if (header) {
      const prefix = `${pkg}/`;
      const path = header[1]!;
      current = { path: path.startsWith(prefix) ? path.slice(prefix.length) : path, hunks: [] };
      files.push(current);
    } else if (current && line.startsWith('@@')) {
      current.hunks.push([]);
    } else if (current && current.hunks.length > 0 && line.startsWith('+') && !line.startsWith('+++')) {
      current.hunks[current.hunks.length - 1]!.push(line.slice(1));
    }
  }
  return files;
}

/** Checks one ssh2 folder against one patch file. */
export function checkSsh2Fix(ssh2Dir: string, patchFile: string): Ssh2FixStatus {
  const problems: string[] = [];
  const version = (JSON.parse(readFileSync(join(ssh2Dir, 'package.json'), 'utf8')) as { version?: string }).version;
  const wanted = /\+([^+]+)\.patch$/.exec(patchFile)?.[1];
  if (wanted !== undefined && version !== wanted) problems.push(`ssh2 ${version ?? '?'} is installed, the fix is for ${wanted}`);
  for (const f of parsePatch(readFileSync(patchFile, 'utf8'))) {
    const target = join(ssh2Dir, f.path);
    if (!existsSync(target)) {
      problems.push(`${f.path} is missing`);
      continue;
    }
    const lines = readFileSync(target, 'utf8').split('\n');
    let at = 0;
    for (const hunk of f.hunks) {
      for (const added of hunk) {
        const found = lines.indexOf(added, at);
        if (found < 0) {
          problems.push(`${f.path} lacks the patched line ${JSON.stringify(added.trim())}`);
          break;
        }
        at = found + 1;
      }
    }
  }
  return { ok: problems.length === 0, ssh2Dir, patchFile, problems };
}

/** The state of the ssh2 this emulator loads, against the patch it ships with. */
export function ssh2FixStatus(): Ssh2FixStatus {
  const ssh2Dir = resolveSsh2Dir();
  const dir = join(packageRoot(), 'patches');
  const name = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith('ssh2+') && f.endsWith('.patch')) : undefined;
  if (name === undefined) return { ok: false, ssh2Dir, patchFile: undefined, problems: [`no ssh2 patch in ${dir}`] };
  return checkSsh2Fix(ssh2Dir, join(dir, name));
}

/** One line for a person: what is wrong, what breaks, how to fix it. */
export function ssh2FixWarning(s: Ssh2FixStatus): string {
  return (
    `the ssh2 at ${s.ssh2Dir} does not carry the fix in ${s.patchFile ?? 'patches/'} (${s.problems.join('; ')}): ` +
    'paramiko-based clients (ncclient, PyEZ, Ansible) are disconnected after a refused key. ' +
    `Run \`npx patch-package\` in ${packageRoot()} or reinstall without --ignore-scripts (docs/packaging.md).`
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--check')) {
  const s = ssh2FixStatus();
  if (s.ok) process.stdout.write(`ssh2 fix in force: ${s.ssh2Dir}\n`);
  else process.stderr.write(`junos-emulator: ${ssh2FixWarning(s)}\n`);
  process.exitCode = s.ok ? 0 : 1;
}
