import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

interface DriverAnswer {
  id: number;
  stdout: string;
  error: string | null;
}

/** Keeps this much of an interpreter's stderr for error messages. */
const STDERR_KEEP = 16 << 10;

/**
 * One `driver.py` interpreter: runs scripts one at a time and answers with
 * what each printed. A script that fails, or outlives its timeout, rejects
 * its call; the caller then stops the interpreter, since it may be wedged.
 */
export class PythonDriver {
  private readonly child: ChildProcessWithoutNullStreams;
  private nextId = 1;
  private pending: { id: number; resolve: (out: string) => void; reject: (err: Error) => void } | undefined;
  private stderr = '';
  private exited = false;

  constructor(python: string, driverScript: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(python, ['-u', driverScript], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (s: string) => {
      this.stderr = (this.stderr + s).slice(-STDERR_KEEP);
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => this.onLine(line));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.pending?.reject(new Error(`python exited (${signal ?? code})\n${this.stderr}`));
      this.pending = undefined;
    });
    this.child.unref();
    this.child.stdin.on('error', () => undefined);
  }

  run(script: string, params: Record<string, unknown>, timeoutMs: number): Promise<string> {
    if (this.exited) return Promise.reject(new Error(`python is not running\n${this.stderr}`));
    if (this.pending) return Promise.reject(new Error('driver busy'));
    const id = this.nextId++;
    this.stderr = '';
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new Error(`timed out after ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending = {
        id,
        resolve: (out) => {
          clearTimeout(timer);
          resolve(out);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      this.child.stdin.write(`${JSON.stringify({ id, script, params })}\n`);
    });
  }

  stop(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private onLine(line: string): void {
    let a: DriverAnswer;
    try {
      a = JSON.parse(line) as DriverAnswer;
    } catch {
      return; // not ours: a library printing to the real stdout
    }
    const p = this.pending;
    if (!p || p.id !== a.id) return;
    this.pending = undefined;
    if (a.error) p.reject(new Error(`${a.error}\n${a.stdout}\n${this.stderr}`));
    else p.resolve(a.stdout);
  }
}
