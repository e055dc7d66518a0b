/**
 * The whole sharded fleet as an Ansible inventory (YAML) and a Nornir hosts
 * file. Each shard is loaded from the same fleet definition the emulator
 * processes read, so the inventory lists exactly the devices, ports and
 * logins they serve (shard.ts decides which shard holds which device).
 */
import { stringify } from 'yaml';
import { loadConfig, type CommandLineOptions } from '../options/load.js';
import { ConfigError, type DeviceSpec } from '../options/types.js';

export interface InventoryHost {
  name: string;
  shard: number;
  /** Address of the shard's process (the template with `{shard}` filled in). */
  host: string;
  port: number;
  profile: string;
  username: string;
  password: string | undefined;
}

export interface InventoryOptions {
  /** The fleet definition as the emulator takes it (YAML file and flags). */
  fleet: CommandLineOptions;
  /** Address of shard k: `{shard}` is replaced by k (e.g. `junos-emulator-{shard}.junos-emulator`). */
  hostTemplate: string;
}

/** Every device of every shard, in fleet order. */
export function inventoryHosts(o: InventoryOptions): InventoryHost[] {
  const shards = o.fleet.shardCount ?? 1;
  const hosts: InventoryHost[] = [];
  for (let k = 0; k < shards; k++) {
    const cli: CommandLineOptions = { ...o.fleet, shardIndex: String(k) };
    if (o.fleet.shardCount === undefined) delete cli.shardIndex;
    const config = loadConfig(cli, '/nonexistent-keys');
    const host = o.hostTemplate.replaceAll('{shard}', String(k));
    for (const d of config.devices) hosts.push(hostOf(d, k, host));
  }
  return hosts;
}

function hostOf(d: DeviceSpec, shard: number, host: string): InventoryHost {
  if (d.port === 0) throw new ConfigError(`${d.name}: port 0 (a free port) cannot go into an inventory; give the fleet a base-port`);
  const u = d.users[0];
  return { name: d.name, shard, host, port: d.port, profile: d.profile, username: u?.name ?? 'admin', password: u?.password };
}

/**
 * Ansible's YAML inventory: group `junos` with the netconf connection
 * settings docs/ansible.md proves, one child group per shard (`shard0` ...).
 * Passwords that differ from the first host's are set per host.
 */
export function ansibleInventory(hosts: readonly InventoryHost[]): string {
  const first = hosts[0];
  const vars: Record<string, unknown> = {
    ansible_connection: 'ansible.netcommon.netconf',
    ansible_network_os: 'junipernetworks.junos.junos',
    ansible_user: first?.username,
  };
  if (first?.password !== undefined) vars['ansible_password'] = first.password;
  const children: Record<string, { hosts: Record<string, Record<string, unknown>> }> = {};
  for (const h of hosts) {
    const group = (children[`shard${h.shard}`] ??= { hosts: {} });
    const entry: Record<string, unknown> = { ansible_host: h.host, ansible_port: h.port, junos_profile: h.profile };
    if (h.username !== first?.username) entry['ansible_user'] = h.username;
    if (h.password !== first?.password && h.password !== undefined) entry['ansible_password'] = h.password;
    group.hosts[h.name] = entry;
  }
  return stringify({ all: { children: { junos: { vars, children } } } });
}

/** Nornir's SimpleInventory hosts file: one entry per device, its shard in data (no groups, so the file loads without a groups file). */
export function nornirHosts(hosts: readonly InventoryHost[]): string {
  const out: Record<string, Record<string, unknown>> = {};
  for (const h of hosts) {
    out[h.name] = {
      hostname: h.host,
      port: h.port,
      username: h.username,
      ...(h.password !== undefined ? { password: h.password } : {}),
      platform: 'junos',
      data: { shard: h.shard, profile: h.profile },
    };
  }
  return stringify(out);
}
