/**
 * Ansible's junos_system, junos_user and junos_banner (Debian's
 * junipernetworks.junos over NETCONF, issue 12): present, absent, active and
 * inactive, each idempotent, with the diffs Junos prints and the committed
 * configuration checked after the run.
 */
import { expect } from 'chai';
import { hasAnsible, runPlaybook, type TaskResult } from '../support/ansible.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requireClient, requirePython } from '../support/python.js';

type Result = TaskResult & { changed?: boolean; diff?: { prepared?: string } };

for (const stack of CLIENT_STACKS) {
  describe(`interop: Ansible junos_system, junos_user, junos_banner (${stack.label})`, function () {
    // About 50 module runs through one ansible-playbook: more than the default minute on a busy machine.
    this.timeout(180_000);
    let t: TestEmulator;
    before(async function () {
      requireClient(this, 'ansible-playbook (Debian package ansible)', hasAnsible());
      requirePython(this, 'ncclient', stack);
      t = await startTestEmulator({ yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960', port: 0 }] } });
    });
    after(async () => t?.stop());

    it('every module flow passes, changes once and is idempotent; the device ends where the playbook left it', async () => {
      const byName = (await runPlaybook({ port: t.port, user: TEST_USER, connection: 'ansible.netcommon.netconf', playbook: 'config-modules.yml', stack })) as Map<string, Result>;
      for (const [name, r] of byName) expect(r.failed, `${name}: ${JSON.stringify(r.msg)}`).to.not.equal(true);
      const changed = Object.fromEntries([...byName].map(([name, r]) => [name, r.changed === true]));
      expect(changed).to.deep.equal({
        'system present': true,
        'system present again': false,
        'system inactive': true,
        'system inactive again': false,
        'system active': true,
        'system absent': true,
        'system absent again': false,
        'user present': true,
        'user present again': false,
        'user inactive': true,
        'user active': true,
        'user absent': true,
        'user absent again': false,
        'users aggregate': true,
        'users aggregate again': false,
        'users purge check': true,
        'users purge': true,
        'users purge again': false,
        'users aggregate absent': true,
        'users aggregate absent again': false,
        'system check': true,
        'config lines check': true,
        'config lines': true,
        'config lines again': false,
        'config delete lines': true,
        'config delete lines again': false,
        'banner check': true,
        'banner present': true,
        'banner present again': false,
        'banner inactive': true,
        'banner absent': true,
      });
      // The diff Ansible shows is Junos's compare (stripped, as the module reads it).
      expect(byName.get('system present')!.diff?.prepared).to.equal('[edit system]\n-  host-name r1;\n+  host-name r1-ans;\n+  domain-name lab.example;');
      // junos_user's aggregate, purge (check mode first: the same diff, nothing committed) and absent users;
      // full-name before class, in Junos's order whatever order the module sends them in.
      const diffOf = (name: string): string | undefined => byName.get(name)!.diff?.prepared;
      expect(diffOf('users aggregate')).to.equal(
        '[edit system login]\n+    user u1 {\n+        class operator;\n+    }\n+    user u2 {\n+        full-name "Second User";\n+        class read-only;\n+    }',
      );
      const purged = '[edit system login]\n-    user u2 {\n-        full-name "Second User";\n-        class read-only;\n-    }';
      expect(diffOf('users purge check')).to.equal(purged);
      expect(diffOf('users purge')).to.equal(purged);
      expect(diffOf('users aggregate absent')).to.equal('[edit system login]\n-    user u1 {\n-        class operator;\n-    }');
      // Check mode shows the change and discards it (the later tasks would not change otherwise).
      expect(diffOf('system check')).to.match(/^\[edit system\]\n(-  host-name \S+;\n)?\+  host-name r1-check;$/);
      const ntp = '[edit system]\n+   ntp {\n+       server 192.0.2.10;\n+   }';
      expect(diffOf('config lines check')).to.equal(ntp);
      expect(diffOf('config lines')).to.equal(ntp);
      expect(diffOf('banner check')).to.equal('[edit system login]\n+   message "Checked only";');
      const c = await t.client();
      const set = await c.rpc('<get-configuration database="committed" format="set"/>');
      // `state: absent` deletes every leaf the module maps, given or not (host-name too): on a real box as here.
      expect(set).to.not.include('host-name').and.not.include('domain-name').and.not.include('ansuser').and.not.include('announcement');
      expect(set).to.include('set system login user lab class super-user\n');
      expect(set).to.not.include('deactivate');
      expect(set).to.not.include('r1-check').and.not.include('Checked only').and.not.include('ntp').and.not.include(' u1 ').and.not.include(' u2 ');
    });
  });
}
