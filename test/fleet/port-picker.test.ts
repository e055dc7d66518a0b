import { expect } from 'chai';
import net from 'node:net';
import { loadConfig } from '../../src/options/load.js';
import { startEmulator } from '../../src/compose.js';
import { createLogger } from '../../src/log/logger.js';
import { FreePortPicker } from '../../src/device/port-picker.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';
import { stringify } from 'yaml';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('free ports of a fleet', () => {
  it('after the kernel picks, each next device tries the next port; taken and configured ports are skipped; past 65535 the kernel picks', () => {
    const p = new FreePortPicker(new Set([40003]));
    expect(p.candidate()).to.equal(0);
    p.bound(40000);
    expect(p.candidate()).to.equal(40001);
    p.taken(40001);
    expect(p.candidate()).to.equal(40002);
    p.bound(40002);
    expect(p.candidate()).to.equal(40004);
    p.bound(65535);
    expect(p.candidate()).to.equal(0);
    for (let i = 0; i < FreePortPicker.MAX_MISSES; i++) p.taken(30000 + i);
    expect(p.candidate()).to.equal(0);
  });

  it('free-port devices never take a port another device is configured with, whatever the order', async () => {
    // Ports the kernel is about to hand out: configure them for devices listed after the free-port ones.
    const probes = await Promise.all(
      [0, 1, 2].map(async () => {
        const s = net.createServer();
        await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
        return s;
      }),
    );
    const wanted = probes.map((s) => (s.address() as net.AddressInfo).port);
    await Promise.all(probes.map((s) => new Promise<void>((r) => s.close(() => r()))));
    const file = join(mkdtempSync(join(tmpdir(), 'ports-')), 'c.yaml');
    const free = Array.from({ length: 20 }, (_, i) => ({ name: `f${i + 1}`, port: 0 }));
    writeFileSync(file, stringify({ devices: [...free, ...wanted.map((port, i) => ({ name: `g${i + 1}`, port }))] }));
    const emu = await startEmulator(loadConfig({ config: file, keysDir: TEST_KEYS_DIR, speed: 'instant' }, TEST_KEYS_DIR), { logger: createLogger('silent') });
    try {
      const ports = emu.devices.map((d) => [d.name, d.ports()[0]!.port] as const);
      for (const [i, port] of wanted.entries()) expect(ports.find(([n]) => n === `g${i + 1}`)![1]).to.equal(port);
      const freePorts = ports.filter(([n]) => n.startsWith('f')).map(([, p]) => p);
      for (let i = 1; i < freePorts.length; i++) expect(freePorts[i]).to.be.above(freePorts[i - 1]!);
    } finally {
      await emu.stop();
    }
  });
});
