/**
 * For the package tests: a tarball made as from a clean clone (the files git
 * knows, no dist/, no keys), built once per run, and small process helpers.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { REPO_ROOT } from '../support/python.js';

export interface Packed {
  tarball: string;
  /** Paths inside the package, as `npm pack --json` lists them. */
  files: string[];
  size: number;
  unpackedSize: number;
  bundled: string[];
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; never rejects (the caller asserts on the code). */
export function run(cmd: string, args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: o.cwd, env: o.env ?? process.env, timeout: o.timeoutMs ?? 600_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export async function mustRun(cmd: string, args: string[], o: Parameters<typeof run>[2] = {}): Promise<string> {
  const r = await run(cmd, args, o);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The files a fresh clone has: tracked and new (not ignored) files of the work tree. */
async function cleanCopy(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-clone-'));
  const git = await run('git', ['-C', REPO_ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  if (git.code !== 0) {
    // Not a git checkout (sources unpacked from an archive): everything but what a build or run makes.
    const made = new Set(['node_modules', 'dist', '.git', 'keys']);
    cpSync(REPO_ROOT, dir, { recursive: true, filter: (src) => !made.has(relative(REPO_ROOT, src).split(sep)[0]!) || src === REPO_ROOT });
    symlinkSync(realpathSync(join(REPO_ROOT, 'node_modules')), join(dir, 'node_modules'));
    return dir;
  }
  for (const f of git.stdout.split('\0').filter(Boolean)) {
    const from = join(REPO_ROOT, f);
    if (f === 'node_modules' || !existsSync(from)) continue; // a worktree's node_modules link; a deleted file
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(from, join(dir, f));
  }
  // The dependencies `npm ci` would install (building needs typescript); the copy is otherwise clean.
  symlinkSync(realpathSync(join(REPO_ROOT, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}

let packed: Promise<Packed> | undefined;
const madeDirs: string[] = [];

/** Removes the clean copy and the tarball. */
export function removePack(): void {
  for (const d of madeDirs.splice(0)) rmSync(d, { recursive: true, force: true });
  packed = undefined;
}

/** `npm pack` in a clean copy, once per test process. */
export function packCleanClone(): Promise<Packed> {
  packed ??= (async () => {
    const clone = await cleanCopy();
    const out = mkdtempSync(join(tmpdir(), 'junos-emulator-tgz-'));
    madeDirs.push(clone, out);
    const stdout = await mustRun('npm', ['pack', '--json', '--pack-destination', out], { cwd: clone });
    // Lifecycle scripts (prepack) print before the JSON.
    const json = JSON.parse(stdout.slice(stdout.search(/^\[/m))) as Array<{ filename: string; files: Array<{ path: string }>; size: number; unpackedSize: number; bundled: string[] }>;
    const p = json[0]!;
    return { tarball: join(out, p.filename), files: p.files.map((f) => f.path), size: p.size, unpackedSize: p.unpackedSize, bundled: p.bundled };
  })();
  return packed;
}

/** Fenced blocks whose info string says `runnable`, from README.md and docs/*.md. */
export function runnableBlocks(files: string[]): Array<{ file: string; lang: string; code: string; index: number }> {
  const out: Array<{ file: string; lang: string; code: string; index: number }> = [];
  for (const file of files) {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    let index = 0;
    for (const m of text.matchAll(/^```(\w+)([^\n]*)\n([^]*?)^```$/gm)) {
      index++;
      if (m[2]!.split(/\s+/).includes('runnable')) out.push({ file, lang: m[1]!, code: m[3]!, index });
    }
  }
  return out;
}

/** Starts a process and resolves once its stdout has a line matching `until`. */
export function startUntil(cmd: string, args: string[], until: RegExp, o: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<{ child: ChildProcess; stdout: string }> {
  const child = spawn(cmd, args, { env: o.env, cwd: o.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (until.test(stdout)) resolve({ child, stdout });
    });
    child.once('exit', (code) => reject(new Error(`${cmd} exited ${code} before ${until}:\n${stdout}\n${stderr}`)));
  });
}
