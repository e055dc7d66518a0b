/**
 * PyEZ facts on a router whose host name and domain come from configuration
 * groups, as on dual-RE routers (`groups re0 { system { host-name ...; } }`):
 * PyEZ reads the domain with `inherit="inherit"` and the host name from the
 * software information, so both must reflect the groups applied.
 */
import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython, runPython } from '../support/python.js';

const CONFIG = [
  'groups { re0 { system { host-name edge1-re0; } } re1 { system { host-name edge1-re1; } } global { system { domain-name lab.example.net; } } }',
  'apply-groups [ re0 re1 global ];',
].join('\n');

for (const stack of CLIENT_STACKS) {
  describe(`interop: PyEZ facts from configuration groups (${stack.label})`, function () {
    let t: TestEmulator;
    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      t = await startTestEmulator({ yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960', port: 0 }] } });
      const c = await t.client();
      // The device starts with a host name of its own, which would win over the groups'.
      expect(await c.rpc('<load-configuration action="set"><configuration-set>delete system host-name</configuration-set></load-configuration>')).to.include('<ok/>');
      expect(await c.rpc(`<load-configuration format="text"><configuration-text>${CONFIG}</configuration-text></load-configuration>`)).to.include('<ok/>');
      expect(await c.rpc('<commit-configuration/>')).to.include('<commit-success/>');
      await c.close();
    });
    after(async () => t?.stop());

    it('hostname, domain and fqdn are those the groups give on re0; re1 has its own', async () => {
      const conn = { host: '127.0.0.1', port: t.port, user: TEST_USER.name, password: TEST_USER.password };
      const { facts } = await runPython<{ facts: Record<string, unknown> }>('pyez_facts.py', conn, 90_000, stack);
      expect(facts['hostname']).to.equal('edge1-re0');
      expect(facts['domain']).to.equal('lab.example.net');
      expect(facts['fqdn']).to.equal('edge1-re0.lab.example.net');
      // Each RE of the dual-RE MX960 has the host name of its own group.
      expect(facts['hostname_info']).to.deep.equal({ re0: 'edge1-re0', re1: 'edge1-re1' });
    });
  });
}
