/** ncclient with device_params junos: its Junos operations against the emulator. */
import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython, runPython } from '../support/python.js';

for (const stack of CLIENT_STACKS) {
  describe(`interop: ncclient Junos operations (command, load_configuration, commit, rpc) (${stack.label})`, function () {
    let t: TestEmulator;
    before(async function () {
      requirePython(this, 'ncclient', stack);
      t = await startTestEmulator({ yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960', port: 0 }] } });
    });
    after(async () => t?.stop());

    it('loads and commits mirror-flash-on-disk, sees the snapshot refused, deletes it, snapshots', async () => {
      const r = await runPython<Record<string, string | null>>('ncclient_junos_ops.py', { host: '127.0.0.1', port: t.port, user: TEST_USER.name, password: TEST_USER.password }, 90_000, stack);
      // mx960 runs 9.3R4.4: no <junos-version> before 15.1, the release is in the junos package's comment.
      expect(r['command_xml']).to.include('<comment>JUNOS Base OS boot [9.3R4.4]</comment>');
      expect(r['command_text']).to.include('Information for snapshot on');
      expect(r['load_set']).to.include('load-configuration-results');
      expect(r['commit']).to.include('commit-success');
      expect(r['snapshot_refused']).to.equal('Snapshot is not possible since mirror-flash-on-disk is configured.');
      expect(r['commit2']).to.include('commit-success');
      expect(r['snapshot']).to.equal('snapshot-information');
      expect(r['hostname']).to.equal('via-ncclient');
    });
  });
}
