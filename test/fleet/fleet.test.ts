import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { loadConfig } from '../../src/options/load.js';
import { ConfigError } from '../../src/options/types.js';
import { startEmulator } from '../../src/compose.js';
import { createLogger } from '../../src/log/logger.js';
import { deriveEd25519, loadSeed, publicKeyLine } from '../../src/transport/device-keys.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

function yamlFile(doc: unknown): string {
  const f = join(mkdtempSync(join(tmpdir(), 'fleet-')), 'c.yaml');
  writeFileSync(f, stringify(doc));
  return f;
}

/** The host key a client sees on `port`. */
async function hostKeyOf(port: number): Promise<string> {
  let seen = '';
  const c = await NetconfClient.connect({
    host: '127.0.0.1',
    port,
    username: 'admin',
    password: 'admin123',
    hostVerifier: (key: Buffer) => {
      seen = key.toString('base64');
      return true;
    },
  });
  c.close();
  return seen;
}

describe('fleets', function () {
  it('--devices N --base-port 0 --profile: N independent devices on their own ports', async () => {
    const config = loadConfig({ devices: 40, basePort: 0, profile: 'txmatrix', keysDir: TEST_KEYS_DIR, speed: 'instant' }, TEST_KEYS_DIR);
    expect(config.devices.map((d) => d.name).slice(0, 3)).to.deep.equal(['junos1', 'junos2', 'junos3']);
    const emu = await startEmulator(config, { logger: createLogger('silent') });
    try {
      const ports = new Set(emu.devices.map((d) => d.ports()[0]!.port));
      expect(ports.size).to.equal(40);
      expect(emu.devices.every((d) => d.profile === 'txmatrix')).to.equal(true);
      // Independent state: a setting changed on one device is not seen on another.
      await emu.control.updateSettings('junos2', { 'mirror-flash-on-disk': true });
      expect(emu.control.settings('junos3')['mirror-flash-on-disk']).to.equal(false);
      expect(emu.banner()).to.have.length(40);
      expect(emu.banner()[0]).to.match(/^device junos1 \(re0\): 127\.0\.0\.1 port \d+, profile txmatrix, login admin\/admin123 \(class super-user\)$/);
    } finally {
      await emu.stop();
    }
  });

  it('base ports are consecutive; the YAML fleet takes per-device overrides', () => {
    const file = yamlFile({ fleet: { count: 3, 'base-port': 31000, profile: 'mx960', 'name-prefix': 'edge', overrides: { edge2: { profile: 'j2350', 'memory-mb': 512 } } } });
    const c = loadConfig({ config: file }, TEST_KEYS_DIR);
    expect(c.devices.map((d) => [d.name, d.port, d.profile])).to.deep.equal([
      ['edge1', 31000, 'mx960'],
      ['edge2', 31001, 'j2350'],
      ['edge3', 31002, 'mx960'],
    ]);
    expect(c.devices[1]!.settings.memoryMb).to.equal(512);
  });

  it('refuses fleet mistakes by name', () => {
    const bad = (doc: unknown, msg: RegExp): void => {
      expect(() => loadConfig({ config: yamlFile(doc) }, TEST_KEYS_DIR)).to.throw(ConfigError, msg);
    };
    bad({ fleet: { count: 2, colour: 'red' } }, /fleet\.colour: unknown key/);
    bad({ fleet: { count: 2, overrides: { edge9: {} } } }, /fleet\.overrides\.edge9: no such device/);
    bad({ fleet: { count: 2 }, devices: [{ name: 'a', port: 0 }] }, /either a devices: list or a fleet/);
    bad({ fleet: { count: 10, 'base-port': 65530 } }, /run past 65535/);
    bad({ fleet: { count: 2, overrides: { junos1: { 'boot-media': 'tape' } } } }, /boot-media/);
  });

  it('host keys: one per device, derived from the stored seed, the same after a restart', async () => {
    const keysDir = mkdtempSync(join(tmpdir(), 'fleet-keys-'));
    const config = loadConfig({ devices: 3, basePort: 0, keysDir, speed: 'instant' }, keysDir);
    const first = await startEmulator(config, { logger: createLogger('silent') });
    const before = await Promise.all(first.devices.map((d) => hostKeyOf(d.ports()[0]!.port)));
    await first.stop();
    expect(new Set(before).size).to.equal(3);
    const second = await startEmulator(loadConfig({ devices: 3, basePort: 0, keysDir, speed: 'instant' }, keysDir), { logger: createLogger('silent') });
    const after = await Promise.all(second.devices.map((d) => hostKeyOf(d.ports()[0]!.port)));
    await second.stop();
    expect(after).to.deep.equal(before);
    const seed = loadSeed(keysDir);
    expect(publicKeyLine(deriveEd25519(seed, 'junos2')).split(' ')[1]).to.equal(before[1]);
  });
});
