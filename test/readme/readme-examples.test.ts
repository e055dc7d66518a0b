/**
 * The README's Python examples, run as a user pastes them: the default
 * device's login (admin/admin123), client defaults, a workstation HOME with
 * keys and an ssh-agent. Only the port differs: tests take a free one.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, REPO_ROOT, requirePython, runPythonText } from '../support/python.js';

const README_PORT = 8830;

/** The ```python blocks of README.md, in order. */
export function readmePythonBlocks(): string[] {
  const text = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  return [...text.matchAll(/^```python\n([^]*?)^```$/gm)].map((m) => m[1]!);
}

for (const stack of CLIENT_STACKS) {
  describe(`README examples (${stack.label})`, function () {
    let t: TestEmulator;
    const blocks = readmePythonBlocks();
    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      // No user configured: the default admin/admin123 login, as `npm start` makes.
      t = await startTestEmulator({ cli: { port: 0, users: [] } });
    });
    after(async () => t?.stop());

    it('has the ncclient and PyEZ examples', () => {
      expect(blocks.length).to.be.at.least(2);
      for (const b of blocks) expect(b).to.include(`port=${README_PORT}`);
    });

    blocks.forEach((block, i) => {
      it(`example ${i + 1} (${block.split('\n')[0]}) runs and prints the snapshot text`, async () => {
        const file = join(mkdtempSync(join(tmpdir(), 'junos-emulator-readme-')), `example${i + 1}.py`);
        writeFileSync(file, block.replaceAll(`port=${README_PORT}`, `port=${t.port}`));
        const out = await runPythonText(file, {}, 60_000, stack);
        expect(out).to.include('The following filesystems were archived: / /config');
      });
    });
  });
}
