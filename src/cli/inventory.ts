/**
 * `junos-emulator inventory`: writes the whole (sharded) fleet as an Ansible
 * inventory and a Nornir hosts file (src/deploy/inventory.ts).
 *
 *   junos-emulator inventory --devices 10000 --base-port 20000 --shard-count 4 \
 *     --host-template 'junos-emulator-{shard}.junos-emulator' --ansible hosts.yaml --nornir nornir-hosts.yaml
 */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { ansibleInventory, inventoryHosts, nornirHosts } from '../deploy/inventory.js';
import { ConfigError } from '../options/types.js';

function positive(flag: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} ${v}: expected an integer`);
    return n;
  };
}

function write(file: string, text: string): void {
  if (file === '-') process.stdout.write(text);
  else writeFileSync(file, text);
}

export function runInventory(argv: readonly string[]): void {
  const cmd = new Command()
    .name('junos-emulator inventory')
    .description('write the whole sharded fleet as an Ansible inventory (YAML) and a Nornir hosts file')
    .option('--config <file>', 'the fleet definition (YAML fleet:, users:) the emulator processes read')
    .option('--devices <n>', 'fleet size (as the emulator flag)', positive('--devices'))
    .option('--base-port <n>', 'first port of each shard (as the emulator flag)', positive('--base-port'))
    .option('--profile <name>', 'profile of the fleet (as the emulator flag)')
    .option('--user <name:password[:class]>', 'a login (as the emulator flag)', (v: string, p: string[]) => p.concat([v]), [])
    .option('--shard-count <n>', 'number of shards (emulator processes); default 1', positive('--shard-count'))
    .option('--host-template <address>', "address of shard k, '{shard}' replaced by k", '127.0.0.1')
    .option('--ansible <file>', "write the Ansible YAML inventory here ('-': stdout)")
    .option('--nornir <file>', "write the Nornir hosts file here ('-': stdout)")
    .showHelpAfterError();
  cmd.parse([...argv], { from: 'user' });
  const o = cmd.opts<{ config?: string; devices?: number; basePort?: number; profile?: string; user: string[]; shardCount?: number; hostTemplate: string; ansible?: string; nornir?: string }>();
  if (!o.ansible && !o.nornir) throw new ConfigError('inventory: give --ansible FILE, --nornir FILE or both');
  const hosts = inventoryHosts({
    fleet: { config: o.config, devices: o.devices, basePort: o.basePort, profile: o.profile, users: o.user, shardCount: o.shardCount },
    hostTemplate: o.hostTemplate,
  });
  if (o.ansible) write(o.ansible, ansibleInventory(hosts));
  if (o.nornir) write(o.nornir, nornirHosts(hosts));
  process.stderr.write(`junos-emulator inventory: ${hosts.length} devices in ${o.shardCount ?? 1} shard(s)\n`);
}
