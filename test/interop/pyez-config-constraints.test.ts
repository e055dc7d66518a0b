/**
 * PyEZ (Debian's 2.1.7 and the current 2.8.0) against the constraints the
 * release schema keeps from Junos's YANG extensions: `Config.load()` raises
 * ConfigLoadError for a value its junos:posix-pattern refuses,
 * `commit_check()` raises CommitError for a junos:must violation, and a
 * choice's other case is gone after a load.
 */
import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython, runPython } from '../support/python.js';

type Result = Record<string, unknown> & { error?: { class: string; message: string } };

for (const stack of CLIENT_STACKS) {
  describe(`interop: PyEZ and the schema's constraints (${stack.label})`, function () {
    let t: TestEmulator;
    const ports: Record<string, number> = {};
    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      t = await startTestEmulator({
        yaml: {
          users: [{ name: TEST_USER.name, password: TEST_USER.password }],
          speed: 'instant',
          devices: [
            { name: 'r1', profile: 'mx960', port: 0 },
            { name: 'fw', profile: 'srx300', port: 0 },
          ],
        },
      });
      for (const d of t.emulator.devices) ports[d.name] = d.ports()[0]!.port;
    });
    after(async () => t?.stop());

    const run = async (device: string, steps: unknown[]): Promise<Result[]> =>
      (await runPython<{ results: Result[] }>('pyez_workflow.py', { host: '127.0.0.1', port: ports[device], user: TEST_USER.name, password: TEST_USER.password, gather_facts: false, steps }, 90_000, stack)).results;

    it('Config.load() raises ConfigLoadError for a pattern violation; a choice keeps one case', async () => {
      const results = await run('r1', [
        { config: 'set system host-name "bad name"', format: 'set' },
        { config: 'set system syslog file messages any notice', format: 'set' },
        { config: 'set system syslog file messages any info', format: 'set' },
        { cli: 'show configuration system syslog' },
      ]);
      expect(results[0]!.error?.class, JSON.stringify(results[0])).to.equal('ConfigLoadError');
      expect(results[0]!.error!.message).to.include('Must be a string of alphanumericals, dashes or underscores');
      expect(results[2], JSON.stringify(results[2])).to.include({ committed: true });
      expect(String(results[3]!['text'])).to.include('info').and.not.include('notice');
    });

    it('commit_check() raises CommitError for a junos:must violation (srx300), and passes once it holds', async () => {
      const results = await run('fw', [
        { config: 'set security address-book book1 attach zone corp', format: 'set', check: true },
        { config: 'set security address-book book1 attach zone corp\nset security zones security-zone corp', format: 'set', check: true },
      ]);
      expect(results[0]!.error?.class, JSON.stringify(results[0])).to.equal('CommitError');
      expect(results[0]!.error!.message).to.include('Security zone must be defined');
      expect(results[1], JSON.stringify(results[1])).to.include({ checked: true });
    });
  });
}
