#!/usr/bin/env -S node --max-semi-space-size=2
import { Command, Option } from 'commander';
import { ConfigError } from '../options/types.js';
import { loadConfig, type CommandLineOptions } from '../options/load.js';
import { defaultKeysDir, startEmulator } from '../compose.js';
import { PROFILE_NAMES } from '../engine/index.js';
import { makePackageMain } from './make-package.js';

function collect(value: string, previous: string[]): string[] {
  return previous.concat([value]);
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port ${v}: expected 0-65535`);
  return n;
}

function parseCount(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--devices ${v}: expected a positive integer`);
  return n;
}

const program = new Command()
  .name('junos-emulator')
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
  .option('--keys-dir <dir>', 'where generated SSH host keys are kept (default: keys/ of the package)')
  .option('--devices <n>', 'start a fleet of N devices of --profile on ports from --base-port', parseCount)
  .option('--base-port <n>', 'first port of a fleet; device i listens on base-port + i (0: free ports)', parsePort)
  .option('--control-port <n>', 'serve the control API (HTTP/JSON) on this loopback port (0: a free one)', parsePort)
  .option('--control-token <token>', 'bearer token the control API requires')
  .option('--control-host <addr>', 'address the control API listens on (default 127.0.0.1, whatever --host says)')
  .option('--transcript-dir <dir>', 'write a Junos traceoptions-style transcript per NETCONF session here')
  .showHelpAfterError();

async function main(): Promise<void> {
  // Subcommands of their own, ahead of the server's options (docs/packages.md).
  if (process.argv[2] === 'make-package') process.exit(makePackageMain(process.argv.slice(3)));
  program.parse();
  // commander names each option after its flag; --user collects into `user`.
  const { user, ...o } = program.opts<Omit<CommandLineOptions, 'users'> & { user: string[] }>();
  const cli: CommandLineOptions = { ...o, users: user };
  let config;
  try {
    config = loadConfig(cli, defaultKeysDir());
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`junos-emulator: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const emulator = await startEmulator(config);
  for (const line of emulator.banner()) process.stdout.write(`${line}\n`);
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

main().catch((err: unknown) => {
  process.stderr.write(`junos-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
