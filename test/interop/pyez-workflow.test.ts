/**
 * PyEZ (Debian's 2.1.7 and the current 2.8.0) against the emulator the way
 * automation drives a real box: facts on every profile, dev.cli, Config,
 * SW install + reboot, and PermissionError for an operator.
 */
import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython, runPython } from '../support/python.js';
import { placePackage } from '../upgrade/support.js';
import { waitFor } from '../support/wait.js';

type Result = Record<string, unknown> & { error?: { class: string; message: string } };

const PROFILES = ['mx960', 'txmatrix', 'txmatrix-plus', 'j2350'] as const;

for (const stack of CLIENT_STACKS) {
  describe(`interop: PyEZ facts, cli, Config and SW (${stack.label})`, function () {
    let t: TestEmulator;
    const ports = new Map<string, number>();

    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      t = await startTestEmulator({
        yaml: {
          users: [
            { name: TEST_USER.name, password: TEST_USER.password },
            { name: 'op', password: 'op123', class: 'operator' },
          ],
          speed: 'instant',
          devices: [
            ...PROFILES.map((p) => ({ name: p, profile: p, port: 0, hostname: `${p}-lab` })),
            { name: 'upgrade', profile: 'mx960', port: 0 },
          ],
        },
      });
      for (const d of t.emulator.devices) ports.set(d.name, d.ports()[0]!.port);
    });
    after(async () => t?.stop());

    const conn = (device: string, user = TEST_USER.name, password = TEST_USER.password): Record<string, unknown> => ({
      host: '127.0.0.1',
      port: ports.get(device),
      user,
      password,
    });

    for (const profile of PROFILES) {
      it(`${profile}: dev.facts resolves fully (facts_refresh with exception_on_failure)`, async () => {
        const { facts } = await runPython<{ facts: Record<string, unknown> }>('pyez_facts.py', conn(profile), 90_000, stack);
        const dev = t.emulator.device(profile)!;
        const version = dev.model.settings.softwareVersion;
        expect(facts['hostname']).to.equal(`${profile}-lab`);
        expect(facts['model']).to.equal(profile === 'j2350' ? 'J2350' : profile === 'mx960' ? 'MX960' : 'TXP');
        expect(facts['version']).to.equal(version);
        expect(String(facts['version_info'])).to.include(`major=(${version.split('.')[0]}, ${version.split('.')[1]![0]})`);
        expect(facts['serialnumber']).to.match(/^JN[0-9A-F]{10}$/);
        expect(facts['RE0']).to.include({ mastership_state: 'master', status: 'OK' });
        expect(facts['2RE']).to.equal(profile !== 'j2350');
        if (profile !== 'j2350') expect(facts['RE1']).to.include({ mastership_state: 'backup' });
        expect(facts['master']).to.deep.equal(profile.startsWith('tx') ? ['RE0', 'RE0', 'RE0'] : 'RE0');
        expect(facts['switch_style']).to.equal(profile === 'mx960' ? 'BRIDGE_DOMAIN' : 'NONE');
        expect(facts['vc_capable']).to.equal(false);
        // get-chassis-cluster-status exists in the junos-es family only (J Series here): M/MX/T answer syntax error, PyEZ leaves None.
        expect(facts['srx_cluster']).to.equal(profile === 'j2350' ? false : null);
        expect(facts['current_re']).to.include(profile === 'txmatrix' ? 'scc-re0' : profile === 'txmatrix-plus' ? 'sfc0-re0' : 're0');
        expect(facts['HOME']).to.equal('/var/home/lab');
        expect(facts['domain']).to.equal(null);
        expect(facts['fqdn']).to.equal(`${profile}-lab`);
        // A matrix names its REs scc-re0, lcc0-re0...; PyEZ fills version_RE0 only from `re0`.
        expect(facts['version_RE0']).to.equal(profile.startsWith('tx') ? null : version);
        if (profile === 'mx960') expect(facts['version_RE1']).to.equal(version);
      });
    }

    it('mx960: domain and fqdn follow a committed domain-name; dev.cli runs the commands; rpc variants', async () => {
      const { results } = await runPython<{ results: Result[] }>('pyez_workflow.py', {
        ...conn('mx960'),
        steps: [
          { config: 'set system domain-name lab.example', format: 'set', comment: 'domain' },
          { cli: 'show version' },
          { cli: 'show system storage detail' },
          { cli: 'show system snapshot media hard-disk' },
          { cli: 'show chassis routing-engine' },
          { cli: 'show chassis hardware', format: 'xml' },
          { cli: 'show configuration system host-name' },
          { cli: 'request system snapshot' },
          { cli: 'show bogus' },
          { rpc: 'request_snapshot', args: [{ format: 'text' }] },
          { rpc: 'get_software_information', kwargs: { invoke_on: 'all-routing-engines' } },
        ],
      }, 120_000, stack);
      const [cfg, ver, storage, snap, re, hw, conf, req, bogus, rpcText, multi] = results;
      expect(cfg!['committed']).to.equal(true);
      expect(cfg!['diff']).to.equal('\n[edit system]\n+  domain-name lab.example;\n');
      expect(ver!['text']).to.include('Hostname: mx960-lab').and.include('Model: mx960').and.include('JUNOS Base OS boot [9.3R4.4]');
      expect(storage!['text']).to.include('1024-blocks');
      expect(snap!['text']).to.include('Information for snapshot on      hard-disk');
      expect(re!['text']).to.include('Routing Engine status:').and.include('Current state                  Master');
      expect(hw!['xml']).to.include('<chassis-inventory');
      expect(conf!['text']).to.include('host-name mx960-lab;');
      expect(req!['text']).to.include('The following filesystems were archived: / /config');
      if (stack.name === 'debian') {
        // PyEZ 2.1.7's dev.cli returns the error as text.
        expect(bogus!['text']).to.match(/^invalid command: show bogus: .*syntax error, expecting <command>/);
      } else {
        // PyEZ 2.8.0's dev.cli raises it, as against a real box.
        expect(bogus!.error).to.include({ class: 'RpcError' });
        expect(bogus!.error!.message).to.include('syntax error, expecting <command>').and.include('bogus');
      }
      expect(rpcText!['tag']).to.equal('output');
      expect(multi!['xml']).to.include('<re-name>re1</re-name>');
      const { facts } = await runPython<{ facts: Record<string, unknown> }>('pyez_facts.py', conn('mx960'), 90_000, stack);
      expect(facts['domain']).to.equal('lab.example');
      expect(facts['fqdn']).to.equal('mx960-lab.lab.example');
    });

    it('Config: committing mirror-flash-on-disk makes the snapshot refuse; deleting it lets it run', async () => {
      const { results } = await runPython<{ results: Result[] }>('pyez_workflow.py', {
        ...conn('mx960'),
        steps: [
          { config: 'set system mirror-flash-on-disk' },
          { rpc: 'request_snapshot' },
          { config: 'system { delete: mirror-flash-on-disk; }', format: 'text' },
          { rpc: 'request_snapshot' },
        ],
      }, 120_000, stack);
      expect(results[0]!['committed']).to.equal(true);
      expect(results[1]!.error!.message).to.include('Snapshot is not possible since mirror-flash-on-disk is configured.');
      expect(results[2]!['committed']).to.equal(true);
      expect(results[3]!['tag']).to.equal('snapshot-information');
    });

    it('SW.install(no_copy) + reboot: the device comes back running the new release (facts tell)', async () => {
      // An upgrade within the mx960's FreeBSD-6 generation.
      const pkg = await placePackage(t.emulator.device('upgrade')!, { release: '12.3R12.4', platforms: ['mx'] });
      expect(pkg).to.equal('/var/tmp/jinstall-12.3R12.4-domestic-signed.tgz');
      const first = await runPython<{ results: Result[] }>('pyez_workflow.py', {
        ...conn('upgrade'),
        steps: [{ rpc: 'request_snapshot' }, { sw_install: pkg }, { facts: ['version'] }, { sw_reboot: true }],
      }, 120_000, stack);
      // SW.install returns True in PyEZ 2.1.7 and (True, message) in 2.8.0.
      const installed = first.results[1]!['installed'];
      expect(Array.isArray(installed) ? installed[0] : installed, JSON.stringify(installed)).to.equal(true);
      expect((first.results[2]!['facts'] as Record<string, unknown>)['version']).to.equal('9.3R4.4');
      // PyEZ normalizes the status text: `Shutdown NOW!` and the shutdown's `[pid N]` line, as on a real box.
      expect(first.results[3]!['status']).to.match(/^Shutdown NOW!\s+\[pid \d+\]$/);
      const dev = t.emulator.device('upgrade')!;
      await waitFor(() => dev.model.settings.softwareVersion === '12.3R12.4' && dev.running, 'the device back up on 12.3R12.4');
      const { facts } = await runPython<{ facts: Record<string, unknown> }>('pyez_facts.py', conn('upgrade'), 90_000, stack);
      expect(facts['version']).to.equal('12.3R12.4');
      expect(facts['version_RE1']).to.equal('12.3R12.4');
    });

    it('an operator gets PermissionError for the snapshot RPC; dev.cli reports it as PermissionError', async () => {
      const { results } = await runPython<{ results: Result[] }>('pyez_workflow.py', {
        ...conn('mx960', 'op', 'op123'),
        gather_facts: false,
        steps: [{ rpc: 'request_snapshot' }, { cli: 'request system snapshot', warning: false }, { rpc: 'get_snapshot_information' }],
      }, 60_000, stack);
      expect(results[0]!.error!.class).to.equal('PermissionError');
      if (stack.name === 'debian') expect(results[1]!['text']).to.match(/^invalid command: request system snapshot/).and.include('PermissionError');
      else expect(results[1]!.error, JSON.stringify(results[1])).to.include({ class: 'PermissionError' });
      expect(results[2]!['tag']).to.equal('snapshot-information');
    });
  });
}
