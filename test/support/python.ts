import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientHome } from './client-home.js';
import { PythonDriver } from './python-driver.js';

/** Debian's ncclient and PyEZ import only under the system interpreter. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** The repository's top folder (this file runs from dist/test/support). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** test/interop/py in the source tree. */
export const PY_DIR = join(REPO_ROOT, 'test', 'interop', 'py');

/** The current client sources laid beside the checkout (../shared/clients), or where the environment says. */
export const SHARED_CLIENTS = resolve(process.env['JUNOS_EMULATOR_SHARED_CLIENTS'] ?? join(REPO_ROOT, '..', 'shared', 'clients'));

/**
 * A set of client libraries a suite runs against: Debian's packages as
 * installed, or the current releases from ../shared/clients put first on
 * PYTHONPATH (with Debian's lxml, cryptography and the rest underneath).
 */
export interface ClientStack {
  name: 'debian' | 'current';
  /** For suite titles: which releases these are. */
  label: string;
  /** PYTHONPATH entries put before the system's, if any. */
  pythonPath: string[];
  /** Why the stack cannot run here, or undefined. */
  missing?: string;
}

const CURRENT_PATHS = ['paramiko', 'ncclient', 'py-junos-eznc/lib', 'yamlloader/src', 'scrapli', 'scrapli_netconf', 'netmiko'];

export const DEBIAN_STACK: ClientStack = { name: 'debian', label: "Debian's clients", pythonPath: [] };

export const CURRENT_STACK: ClientStack = {
  name: 'current',
  label: 'current clients (../shared/clients)',
  // sitecustomize there lets PYTHONPATH win over Debian's jnpr namespace .pth.
  pythonPath: [join(PY_DIR, 'current-stack'), ...CURRENT_PATHS.map((p) => join(SHARED_CLIENTS, p))],
  missing: existsSync(join(SHARED_CLIENTS, 'ncclient')) ? undefined : `no current client sources at ${SHARED_CLIENTS}`,
};

/** Every interop suite runs once per stack. */
export const CLIENT_STACKS: readonly ClientStack[] = [DEBIAN_STACK, CURRENT_STACK];

let noticePrinted = false;

/**
 * Skips a suite whose client is missing on a developer's machine, with a
 * printed notice; in CI (CI=true) a missing client is a failure, so interop
 * is never silently skipped.
 */
export function requireClient(ctx: Mocha.Context, what: string, available: boolean): void {
  if (available) return;
  if (process.env['CI']) throw new Error(`${what} is not installed, and CI must run the interop tests`);
  console.log(`      (skipped: ${what} is not available here)`);
  ctx.skip();
}

const moduleCache = new Map<string, boolean>();

function stackEnv(stack: ClientStack, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, JUNOS_EMULATOR_CLIENTS: stack.name, PYTHONDONTWRITEBYTECODE: '1' };
  if (stack.pythonPath.length > 0) env['PYTHONPATH'] = [...stack.pythonPath, base['PYTHONPATH'] ?? ''].filter(Boolean).join(':');
  return env;
}

/** Whether `module` imports under the system interpreter with this stack's path. */
export function pythonHas(module: string, stack: ClientStack = DEBIAN_STACK): boolean {
  const key = `${stack.name}:${module}`;
  let ok = moduleCache.get(key);
  if (ok === undefined) {
    try {
      execFileSync(SYSTEM_PYTHON, ['-c', `import ${module}`], { stdio: 'ignore', env: stackEnv(stack, process.env) });
      ok = true;
    } catch {
      ok = false;
    }
    moduleCache.set(key, ok);
  }
  return ok;
}

export function requirePython(ctx: Mocha.Context, module: string, stack: ClientStack = DEBIAN_STACK): void {
  if (stack.missing) {
    if (!process.env['CI'] && !noticePrinted) {
      noticePrinted = true;
      console.log(`      NOTICE: suites on the ${stack.label} are skipped: ${stack.missing}`);
    }
    requireClient(ctx, `${stack.label}`, false);
    return;
  }
  requireClient(ctx, `python module ${module} (under ${SYSTEM_PYTHON}, ${stack.label})`, existsSync(SYSTEM_PYTHON) && pythonHas(module, stack));
}

/**
 * The environment a client process gets: a HOME with unaccepted keys and a
 * running ssh-agent (as on a workstation), and the stack's PYTHONPATH.
 */
export async function clientEnv(stack: ClientStack = DEBIAN_STACK): Promise<NodeJS.ProcessEnv> {
  return stackEnv(stack, (await clientHome()).env);
}

const idle = new Map<string, PythonDriver[]>();

/**
 * Runs a script of test/interop/py with JSON parameters in a long-lived
 * interpreter of the stack and returns the JSON object it printed last.
 * Interpreters are reused across tests; concurrent calls get one each.
 */
export async function runPython<T = Record<string, unknown>>(
  script: string,
  params: Record<string, unknown>,
  timeoutMs = 60_000,
  stack: ClientStack = DEBIAN_STACK,
): Promise<T> {
  const stdout = await runPythonText(join(PY_DIR, script), params, timeoutMs, stack);
  const last = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`${script} (${stack.label}) printed no JSON:\n${stdout}`);
  }
}

/** Runs a Python file (any path) in a long-lived interpreter of the stack; resolves with what it printed. */
export async function runPythonText(file: string, params: Record<string, unknown>, timeoutMs: number, stack: ClientStack): Promise<string> {
  const pool = idle.get(stack.name) ?? [];
  idle.set(stack.name, pool);
  const driver = pool.pop() ?? new PythonDriver(SYSTEM_PYTHON, join(PY_DIR, 'driver.py'), await clientEnv(stack));
  try {
    const out = await driver.run(file, params, timeoutMs);
    pool.push(driver);
    return out;
  } catch (err) {
    driver.stop();
    throw new Error(`${file} (${stack.label}) failed: ${(err as Error).message}`);
  }
}

/** Stops every idle interpreter (mocha's exit would too; this keeps runs tidy). */
export function stopPythonDrivers(): void {
  for (const pool of idle.values()) for (const d of pool.splice(0)) d.stop();
}
