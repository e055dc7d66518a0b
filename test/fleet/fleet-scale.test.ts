import { expect } from 'chai';
import { connect } from 'node:net';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { loadConfig } from '../../src/options/load.js';
import { startEmulator, type RunningEmulator } from '../../src/compose.js';
import { createLogger } from '../../src/log/logger.js';
import { readOpenFileLimit } from '../../src/cli/open-files.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

const N = 10_000;

/** The first line a device sends on a new TCP connection (its SSH identification). */
function identOf(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    s.on('data', (d: Buffer) => {
      got += d.toString('latin1');
      const nl = got.indexOf('\r\n');
      if (nl >= 0) {
        s.destroy();
        resolve(got.slice(0, nl));
      }
    });
    s.on('error', reject);
  });
}

describe('a fleet of 10,000 devices in one process', function () {
  this.timeout(240_000);
  let emu: RunningEmulator;

  before(async function () {
    const limit = readOpenFileLimit();
    if (limit && limit.soft < N + 200) {
      if (process.env['CI'] === 'true') throw new Error(`open-file limit ${limit.soft} is below ${N + 200}`);
      console.log(`    (skipped: open-file limit ${limit.soft} cannot hold ${N} listeners)`);
      this.skip();
    }
    const config = loadConfig({ devices: N, basePort: 0, keysDir: TEST_KEYS_DIR, speed: 'instant', controlPort: 0 }, TEST_KEYS_DIR);
    emu = await startEmulator(config, { logger: createLogger('silent') });
  });

  after(async () => {
    await emu?.stop();
  });

  it('every device listens on its own port, the free ports mostly consecutive in device order', () => {
    const ports = emu.devices.map((d) => d.ports()[0]!.port);
    expect(new Set(ports).size).to.equal(N);
    // Each device tries the port after the one before. A port another process holds is skipped, and after 16 taken
    // in a row the kernel picks anew (anywhere), so how wide the run is depends on what else uses ports meanwhile
    // (a CI run's other suites hold thousands); kernel picks per device would make almost no step a +1.
    let steps = 0;
    for (let i = 1; i < N; i++) if (ports[i] === ports[i - 1]! + 1) steps++;
    expect(steps, 'ports one after the other').to.be.above(0.5 * (N - 1));
  });

  it('the control API lists all of them, running, with their ports', async () => {
    const r = await fetch(`${emu.controlUrl}/devices`);
    const list = (await r.json()) as Array<{ name: string; running: boolean; ports: Array<{ re: string; port: number }> }>;
    expect(list).to.have.length(N);
    expect(list.every((d) => d.running)).to.equal(true);
    expect(list[N - 1]!.name).to.equal(`junos${N}`);
    expect(list[N - 1]!.ports[0]!.port).to.equal(emu.devices[N - 1]!.ports()[0]!.port);
  });

  it('devices answer a connection with their SSH identification (every 7th, and the last)', async () => {
    // Every device would take 12 s of a shared core; every 7th covers each batch of the start and the port runs.
    const ports = emu.devices.filter((_, i) => i % 7 === 0 || i === N - 1).map((d) => d.ports()[0]!.port);
    let next = 0;
    const seen: string[] = [];
    const worker = async (): Promise<void> => {
      while (next < ports.length) {
        const p = ports[next++]!;
        seen.push(await identOf(p));
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    expect(seen).to.have.length(ports.length);
    expect(new Set(seen)).to.deep.equal(new Set(['SSH-2.0-OpenSSH_7.5']));
  });

  it('a sample of devices runs NETCONF, each as itself, with its own host key', async () => {
    const keys = new Set<string>();
    for (const i of [0, 4999, N - 1]) {
      let key = '';
      const c = await NetconfClient.connect({
        host: '127.0.0.1',
        port: emu.devices[i]!.ports()[0]!.port,
        username: 'admin',
        password: 'admin123',
        hostVerifier: (k: Buffer) => {
          key = k.toString('base64');
          return true;
        },
      });
      try {
        expect(await c.rpc('<get-software-information/>')).to.include(`<host-name>junos${i + 1}</host-name>`);
      } finally {
        c.close();
      }
      keys.add(key);
    }
    expect(keys.size).to.equal(3);
  });
});
