/**
 * PyEZ `Config.load()` (Debian's 2.1.7 and the current 2.8.0) against the
 * schema of the device's release: a typo raises ConfigLoadError, as on a real
 * router, in set, text, XML and JSON; good statements of every form load.
 */
import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython, runPython } from '../support/python.js';

type Result = Record<string, unknown> & { error?: { class: string; message: string } };

for (const stack of CLIENT_STACKS) {
  describe(`interop: PyEZ Config.load against the release schema (${stack.label})`, function () {
    let t: TestEmulator;
    let port = 0;
    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      t = await startTestEmulator({
        yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960', port: 0 }] },
      });
      port = t.emulator.devices[0]!.ports()[0]!.port;
    });
    after(async () => t?.stop());

    const run = async (steps: unknown[]): Promise<Result[]> =>
      (await runPython<{ results: Result[] }>('pyez_workflow.py', { host: '127.0.0.1', port, user: TEST_USER.name, password: TEST_USER.password, gather_facts: false, steps }, 90_000, stack)).results;

    it('typos raise ConfigLoadError (set, text, XML, JSON) and leave the candidate as it was', async () => {
      const results = await run([
        { config: 'set sytem host-name x', format: 'set' },
        { config: 'set system foo', format: 'set' },
        { config: '<configuration><system><host-nme>x</host-nme></system></configuration>', format: 'xml' },
        { config: 'system1 { host-name x; }', format: 'text' },
        { config: '{"configuration": {"system": {"host-nmae": "x"}}}', format: 'json' },
        { config: 'set system login retry-options tries-before-disconnect 99', format: 'set' },
        { cli: 'show configuration system host-name' },
      ]);
      for (const r of results.slice(0, 6)) expect(r.error?.class, JSON.stringify(r)).to.equal('ConfigLoadError');
      expect(results[0]!.error!.message).to.include('sytem');
      expect(results[2]!.error!.message).to.include('host-nme');
      expect(results[6]).to.not.have.property('error');
    });

    it('every form loads and commits: set with several statements on one line, text with family inet, XML, JSON', async () => {
      const results = await run([
        { config: 'set system login user ops class super-user authentication encrypted-password "$6$abc$def"', format: 'set' },
        { config: 'interfaces { ge-0/0/0 { unit 0 { family inet { address 192.0.2.1/24; } } } }', format: 'text' },
        { config: '<configuration><snmp><location>lab</location></snmp></configuration>', format: 'xml' },
        { config: '{"configuration": {"system": {"domain-name": "lab.example", "services": {"ssh": [null]}}}}', format: 'json' },
        { rpc: 'get_config', kwargs: { options: { format: 'set' } } },
      ]);
      for (const r of results.slice(0, 4)) expect(r, JSON.stringify(r)).to.include({ committed: true });
      const text = String(results[4]!['xml']).replace(/&quot;/g, '"');
      expect(text).to.include('set system login user ops class super-user\n');
      expect(text).to.include('set system login user ops authentication encrypted-password "$6$abc$def"\n');
      expect(text).to.include('set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24\n');
      expect(text).to.include('set snmp location lab\n');
      expect(text).to.include('set system domain-name lab.example\n');
    });
  });
}
