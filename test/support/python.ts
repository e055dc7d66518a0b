import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's ncclient and PyEZ import only under the system interpreter. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** test/interop/py in the source tree (this file runs from dist/test/support). */
export const PY_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'interop', 'py');

const cache = new Map<string, boolean>();

export function pythonHas(module: string): boolean {
  let ok = cache.get(module);
  if (ok === undefined) {
    try {
      execFileSync(SYSTEM_PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' });
      ok = true;
    } catch {
      ok = false;
    }
    cache.set(module, ok);
  }
  return ok;
}

/**
 * Skips the suite where a client is missing on a developer's machine; in CI
 * (CI=true) a missing client is a failure, so interop is never silently skipped.
 */
export function requireClient(ctx: Mocha.Context, what: string, available: boolean): void {
  if (available) return;
  if (process.env['CI']) throw new Error(`${what} is not installed, and CI must run the interop tests`);
  ctx.skip();
}

export function requirePython(ctx: Mocha.Context, module: string): void {
  requireClient(ctx, `python module ${module} (under ${SYSTEM_PYTHON})`, existsSync(SYSTEM_PYTHON) && pythonHas(module));
}

/** Runs a script of test/interop/py with JSON parameters and returns its JSON output. */
export function runPython<T = Record<string, unknown>>(script: string, params: Record<string, unknown>, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(SYSTEM_PYTHON, [join(PY_DIR, script), JSON.stringify(params)], { timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`${script} failed: ${err.message}\n${stderr}`));
        return;
      }
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON:\n${stdout}\n${stderr}`));
      }
    });
  });
}
