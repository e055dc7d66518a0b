import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig, type CommandLineOptions } from '../../src/options/load.js';
import { startEmulator, type RunningEmulator } from '../../src/compose.js';
import { NetconfClient, type NetconfClientOptions } from '../../src/client/netconf-client.js';
import { createLogger } from '../../src/log/logger.js';

/** One key folder per test process: RSA generation is slow and the keys need not differ. */
export const TEST_KEYS_DIR = mkdtempSync(join(tmpdir(), 'junos-emulator-keys-'));

export const TEST_USER = { name: 'lab', password: 'lab123' };

export interface TestEmulator {
  emulator: RunningEmulator;
  port: number;
  /** Port of the device's backup RE, when configured. */
  backupPort?: number;
  client(o?: Partial<NetconfClientOptions>): Promise<NetconfClient>;
  stop(): Promise<void>;
}

/**
 * Starts an emulator on 127.0.0.1 with free ports. `yaml` is a config file
 * body (devices' ports may be 0); without it, the default device.
 */
export async function startTestEmulator(o: { yaml?: Record<string, unknown>; cli?: CommandLineOptions } = {}): Promise<TestEmulator> {
  const cli: CommandLineOptions = { keysDir: TEST_KEYS_DIR, speed: 'instant', ...o.cli };
  if (o.yaml) {
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-cfg-'));
    const file = join(dir, 'config.yaml');
    writeFileSync(file, stringify(o.yaml));
    cli.config = file;
  } else {
    cli.port ??= 0;
    cli.users ??= [`${TEST_USER.name}:${TEST_USER.password}`];
  }
  const config = loadConfig(cli, TEST_KEYS_DIR);
  const emulator = await startEmulator(config, { logger: createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent') });
  const d = emulator.devices[0]!;
  const ports = d.ports();
  const port = ports.find((p) => p.re === 're0')!.port;
  const firstUser = config.devices[0]!.users[0]!;
  const clients: NetconfClient[] = [];
  return {
    emulator,
    port,
    backupPort: ports.find((p) => p.re === 're1')?.port,
    client: async (co = {}) => {
      const c = await NetconfClient.connect({ host: '127.0.0.1', port, username: firstUser.name, password: firstUser.password, ...co });
      clients.push(c);
      return c;
    },
    stop: async () => {
      for (const c of clients) c.close();
      await emulator.stop();
    },
  };
}

/**
 * An emulator with the test user and the named devices, each a profile on a
 * free port (`{ r1: 'mx960', fw: 'srx300' }`), on the instant clock.
 */
export function startProfiles(devices: Readonly<Record<string, string>>): Promise<TestEmulator> {
  return startTestEmulator({
    yaml: {
      users: [{ name: TEST_USER.name, password: TEST_USER.password }],
      speed: 'instant',
      devices: Object.entries(devices).map(([name, profile]) => ({ name, profile, port: 0 })),
    },
  });
}
