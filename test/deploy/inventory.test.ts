import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const hasAnsible = spawnSync('ansible-inventory', ['--version']).status === 0;

describe('junos-emulator inventory', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'inventory-'));
  const ansible = join(dir, 'hosts.yaml');
  const nornir = join(dir, 'nornir-hosts.yaml');

  before(() => {
    const r = spawnSync(
      process.execPath,
      [MAIN, 'inventory', '--devices', '10', '--base-port', '20000', '--shard-count', '3', '--host-template', 'junos-emulator-{shard}.junos-emulator', '--ansible', ansible, '--nornir', nornir],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stderr).to.include('10 devices in 3 shard(s)');
  });

  it('the Ansible inventory parses with ansible-inventory: every device once, at its shard and port, with the netconf settings', function () {
    if (!hasAnsible) {
      if (process.env['CI'] === 'true') throw new Error('ansible-inventory (Debian ansible) is missing');
      console.log('    (skipped: ansible-inventory is not installed)');
      return this.skip();
    }
    const r = spawnSync('ansible-inventory', ['-i', ansible, '--list'], { encoding: 'utf8', env: { ...process.env, ANSIBLE_INVENTORY_UNPARSED_WARNING: 'true' } });
    expect(r.status, r.stderr).to.equal(0);
    const inv = JSON.parse(r.stdout) as {
      _meta: { hostvars: Record<string, Record<string, unknown>> };
      junos: { children: string[] };
      shard1: { hosts: string[] };
    };
    const hv = inv._meta.hostvars;
    expect(Object.keys(hv).sort()).to.deep.equal(Array.from({ length: 10 }, (_, i) => `junos${i + 1}`).sort());
    expect(inv.junos.children.sort()).to.deep.equal(['shard0', 'shard1', 'shard2']);
    expect(inv.shard1.hosts).to.deep.equal(['junos5', 'junos6', 'junos7']);
    expect(hv['junos6']).to.include({
      ansible_host: 'junos-emulator-1.junos-emulator',
      ansible_port: 20001,
      ansible_connection: 'ansible.netcommon.netconf',
      ansible_network_os: 'junipernetworks.junos.junos',
      ansible_user: 'admin',
      ansible_password: 'admin123',
    });
  });

  it('the Nornir hosts file is YAML with hostname, port, username, password, platform and the shard for every device', () => {
    const hosts = parse(readFileSync(nornir, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(Object.keys(hosts)).to.have.length(10);
    expect(hosts['junos10']).to.deep.equal({
      hostname: 'junos-emulator-2.junos-emulator',
      port: 20002,
      username: 'admin',
      password: 'admin123',
      platform: 'junos',
      data: { shard: 2, profile: 'mx960' },
    });
  });

  it('refuses a fleet of free ports, which no inventory can name', () => {
    const r = spawnSync(process.execPath, [MAIN, 'inventory', '--devices', '2', '--base-port', '0', '--ansible', '-'], { encoding: 'utf8' });
    expect(r.status).to.equal(2);
    expect(r.stderr).to.match(/junos1: port 0 \(a free port\) cannot go into an inventory; give the fleet a base-port/);
  });
});
