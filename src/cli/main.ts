#!/usr/bin/env -S node --max-semi-space-size=2
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../options/types.js';
import { loadConfig, type CommandLineOptions } from '../options/load.js';
import { defaultKeysDir, startEmulator } from '../compose.js';
import { PROFILE_NAMES } from '../engine/index.js';
import { checkStartLimits, limitNeeds } from './open-files.js';
import { packageRoot, ssh2FixStatus, ssh2FixWarning } from '../transport/ssh2-fix.js';
import { guardStdout, keysLine, USAGE_EXIT_CODE } from './process-io.js';
import { makePackageMain } from './make-package.js';

function collect(value: string, previous: string[]): string[] {
  return previous.concat([value]);
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`${v}: expected 0-65535`);
  return n;
}

function parseCount(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${v}: expected a positive integer`);
  return n;
}

function positiveFor(flag: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} ${v}: expected a positive integer`);
    return n;
  };
}

const VERSION = (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;

const program = new Command()
  .name('junos-emulator')
  .version(VERSION, '-V, --version', 'print the version and exit')
  .description('NETCONF-over-SSH server that behaves like a Juniper Junos device for request system snapshot')
  .option('--config <file>', 'YAML configuration file')
  .option('--host <addr>', 'address to listen on (default 127.0.0.1)')
  .option('--port <n>', 'port of the default device (default 8830)', parsePort)
  .option('--profile <name>', `profile of the default device: ${PROFILE_NAMES.join(', ')}`)
  .option('--user <name:password[:class]>', 'a login (repeatable); class defaults to super-user', collect, [])
  .option('--authorized-keys <file>', 'OpenSSH authorized_keys file for public-key logins')
  .option('--state-dir <dir>', 'keep device state here across restarts')
  .option('--rfc-compliant', 'behave as with `set system services netconf rfc-compliant version-1.1`')
  .option('--speed <factor>', "virtual-clock speed: 1 is real time, 'instant' completes at once (default 1000)")
  .addOption(new Option('--log-level <level>', 'log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']))
  .option('--keys-dir <dir>', 'where generated SSH host keys are kept (default: keys/ of a checkout, else ~/.local/state/junos-emulator/keys)')
  .option('--devices <n>', 'start a fleet of N devices of --profile on ports from --base-port', parseCount)
  .option('--base-port <n>', 'first port of a fleet; device i listens on base-port + i (0: free ports)', parsePort)
  .option('--shard-count <n>', 'split the fleet into N shards and serve one of them (see --shard-index)', positiveFor('--shard-count'))
  .option('--shard-index <n|hostname>', "the shard to serve, from 0; 'hostname': the -N ordinal ending this host's name (a StatefulSet pod)")
  .option('--open-files <n>', 'raise the open-file limit to N at start (above the hard limit needs root or CAP_SYS_RESOURCE)', positiveFor('--open-files'))
  .option('--control-port <n>', 'serve the control API (HTTP/JSON) on this loopback port (0: a free one)', parsePort)
  .option('--control-token <token>', 'bearer token the control API requires')
  .option('--control-host <addr>', 'address the control API listens on (default 127.0.0.1, whatever --host says)')
  .option('--transcript-dir <dir>', 'write a Junos traceoptions-style transcript per NETCONF session here')
  .option('--workers <n>', 'SSH worker processes besides the one that owns the devices (0: all in one; default: one per extra core)')
  .showHelpAfterError()
  // Every usage error (unknown flag, bad value, bad configuration) exits with one code; --help and --version with 0.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : USAGE_EXIT_CODE));

async function main(): Promise<void> {
  guardStdout();
  // Subcommands of their own, ahead of the server's options (docs/packages.md).
  if (process.argv[2] === 'make-package') process.exit(makePackageMain(process.argv.slice(3)));
  program.parse();
  // commander names each option after its flag; --user collects into `user`.
  const { user, openFiles, ...o } = program.opts<Omit<CommandLineOptions, 'users'> & { user: string[]; openFiles?: number }>();
  const cli: CommandLineOptions = { ...o, users: user };
  let config;
  try {
    config = loadConfig(cli, defaultKeysDir());
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`junos-emulator: ${err.message}\n`);
      process.exit(USAGE_EXIT_CODE);
    }
    throw err;
  }
  const limits = checkStartLimits(limitNeeds(config), openFiles);
  if (limits.error) {
    process.stderr.write(`junos-emulator: ${limits.error}\n`);
    process.exit(USAGE_EXIT_CODE);
  }
  const fix = ssh2FixStatus();
  if (!fix.ok) process.stderr.write(`junos-emulator: warning: ${ssh2FixWarning(fix)}\n`);
  const emulator = await startEmulator(config);
  for (const line of [...emulator.banner(), limits.bannerLine()]) process.stdout.write(`${line}\n`);
  process.stdout.write(`${keysLine(config)}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// `junos-emulator inventory ...` (src/cli/inventory.ts) is a command of its own.
const run = process.argv[2] === 'inventory' ? import('./inventory.js').then((m) => m.runInventory(process.argv.slice(3))) : main();
run.catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`junos-emulator: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`junos-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
