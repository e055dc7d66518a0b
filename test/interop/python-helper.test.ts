import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_STACKS, clientEnv, pythonHas, requirePython, SYSTEM_PYTHON, type ClientStack } from '../support/python.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PY = join(ROOT, 'python');

async function run(args: string[], stack: ClientStack): Promise<{ code: number; out: string }> {
  const env = await clientEnv(stack);
  env['PYTHONPATH'] = [PY, env['PYTHONPATH']].filter(Boolean).join(':');
  return new Promise((resolve) => {
    execFile(SYSTEM_PYTHON, args, { cwd: ROOT, timeout: 180_000, env }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, out: `${stdout}\n${stderr}` });
    });
  });
}

/** The Python helper's example, as a pytest user would run it (plain runner where pytest is missing). */
for (const stack of CLIENT_STACKS) {
  describe(`interop: the Python helper (python/junos_emulator) and its example test (${stack.label})`, function () {
    before(function () {
      requirePython(this, 'jnpr.junos', stack);
    });

    it('runs python/examples/test_example.py: ncclient, PyEZ, clock and faults through the helper', async () => {
      const r = pythonHas('pytest')
        ? await run(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', join(PY, 'examples')], stack)
        : await run([join(PY, 'examples', 'run_plain.py')], stack);
      expect(r.code, r.out).to.equal(0);
      expect(r.out).to.match(pythonHas('pytest') ? /3 passed/ : /0 failed/);
    });
  });
}
