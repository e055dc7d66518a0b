/**
 * The real command line as a child process, for tests that kill it: started
 * with `--port 0`, ready once its banner names the bound port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Base URL of the control API, when `--control-port` was given. */
  readonly controlUrl: string | undefined;
  /** Resolves with the signal or exit code once the process is gone. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
  /** SIGKILL, then wait until it is gone. */
  kill(): Promise<void>;
}

/** Starts `node dist/src/cli/main.js ARGS` and resolves when the banner gives the device's port. */
export function startServer(args: readonly string[], timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no banner within ${timeoutMs} ms; stdout: ${out}; stderr: ${err}`));
    }, timeoutMs);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = / port (\d+), profile /.exec(out);
      const control = /^control API: (\S+)/m.exec(out);
      if (!m || (args.includes('--control-port') && !control)) return;
      clearTimeout(timer);
      resolve({
        child,
        port: Number(m[1]),
        controlUrl: control?.[1],
        exited,
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`exited (${String(how)}) before its banner; stderr: ${err}`));
    });
  });
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel))) {
      const p = rel ? join(rel, name) : name;
      if (statSync(join(dir, p)).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk('');
  return out.sort();
}

/** The state files under `dir` that do not parse as JSON, with the parser's complaint. */
export function tornFiles(dir: string): string[] {
  const bad: string[] = [];
  for (const f of filesUnder(dir).filter((p) => p.endsWith('.json'))) {
    try {
      JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch (e) {
      bad.push(`${f}: ${(e as Error).message}`);
    }
  }
  return bad;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same kill moments. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
