/**
 * Every kind of acknowledgement, one by one: the moment the reply arrives,
 * the state file already holds the change (the kill loop covers commits and
 * snapshots under fire; this covers the rest of the list in issue 9 item 1).
 */
import { expect } from 'chai';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { startEmulator, type Emulator } from '../../src/index.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';
import { makePackage } from '../../src/packages/index.js';
import { placeFile } from '../upgrade/support.js';

const USER = { name: 'lab', password: 'lab123' };
const PKG = '/var/tmp/jinstall64-19.4R3.11-domestic-signed.tgz';

interface Saved {
  model: { settings: { softwareVersion: string; mediaSpeedMbps?: number }; routingEngines: Array<{ media: Array<{ partitions: Array<{ content: { created: number } | null }> | null }> }> };
  configuration: { history: Array<{ tree: unknown }>; candidate: unknown; confirm?: unknown };
  system: { pending: { version: string } | null; rollbackVersion: string | null };
}

describe('durability: each acknowledgement is on disk when it arrives', function () {
  let emu: Emulator;
  let stateDir: string;
  const onDisk = (): Saved => JSON.parse(readFileSync(join(stateDir, 'r1', 'r1.state.json'), 'utf8')) as Saved;
  const connect = (): Promise<NetconfClient> => NetconfClient.connect({ host: '127.0.0.1', port: emu.device('r1').port, username: USER.name, password: USER.password });

  beforeEach(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'junos-emulator-acks-'));
    emu = await startEmulator({ keysDir: TEST_KEYS_DIR, users: [USER], stateDir, controlPort: 0, speed: 'instant', devices: [{ name: 'r1' }] });
  });
  afterEach(async () => emu?.stop());

  it('load, commit, commit confirmed, load rollback, edit-config, base commit, discard', async () => {
    const c = await connect();
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system host-name a1</configuration-set></load-configuration>');
    expect(JSON.stringify(onDisk().configuration.candidate)).to.include('a1');
    await c.rpc('<commit-configuration/>');
    expect(JSON.stringify(onDisk().configuration.history[0]!.tree)).to.include('a1');
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system host-name a2</configuration-set></load-configuration>');
    expect(await c.rpc('<commit-configuration><confirmed/><confirm-timeout>30</confirm-timeout></commit-configuration>')).to.include('<commit-success/>');
    expect(JSON.stringify(onDisk().configuration.history[0]!.tree)).to.include('a2');
    expect(onDisk().configuration.confirm).to.not.equal(undefined);
    await c.rpc('<load-configuration rollback="1"/>');
    expect(JSON.stringify(onDisk().configuration.candidate)).to.include('a1');
    await c.rpc('<edit-config><target><candidate/></target><config><configuration><system><host-name>a3</host-name></system></configuration></config></edit-config>');
    expect(JSON.stringify(onDisk().configuration.candidate)).to.include('a3');
    expect(await c.rpc('<commit/>')).to.include('<ok/>');
    expect(JSON.stringify(onDisk().configuration.history[0]!.tree)).to.include('a3');
    // The plain commit confirmed the pending one.
    expect(onDisk().configuration.confirm).to.equal(undefined);
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system host-name a4</configuration-set></load-configuration>');
    await c.rpc('<discard-changes/>');
    expect(JSON.stringify(onDisk().configuration.candidate)).to.not.include('a4');
    c.close();
  });

  it('snapshot, software add, software rollback, and a reboot that answers again only once its release is saved', async () => {
    // The package is a real file in r1's tree, as a copy would have left it.
    await placeFile(emu.running.devices.find((d) => d.name === 'r1')!, PKG, makePackage({ release: '19.4R3.11', platforms: ['mx'] }).bytes);
    let c = await connect();
    const before = onDisk().model.routingEngines[0]!.media[1]!.partitions![0]!.content!.created;
    await c.rpc('<request-snapshot/>');
    expect(onDisk().model.routingEngines[0]!.media[1]!.partitions![0]!.content!.created).to.be.greaterThan(before);
    await c.rpc(`<request-package-add><package-name>${PKG}</package-name><no-validate/></request-package-add>`);
    expect(onDisk().system.pending?.version).to.equal('19.4R3.11');
    await c.rpc('<request-package-rollback/>');
    expect(onDisk().system.pending).to.equal(null);
    await c.rpc(`<request-package-add><package-name>${PKG}</package-name><no-validate/></request-package-add>`);
    emu.clock.pause();
    expect(await c.rpc('<request-reboot/>')).to.include('Shutdown NOW!');
    await c.waitClosed();
    emu.clock.advance('10m');
    emu.clock.resume();
    // Wait for the port to answer again; the first reply after the boot sees the new release on disk.
    const giveUp = performance.now() + 20_000;
    for (;;) {
      try {
        c = await connect();
        break;
      } catch (e) {
        if (performance.now() > giveUp) throw e;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    expect(onDisk().model.settings.softwareVersion).to.equal('19.4R3.11');
    expect(onDisk().system.pending).to.equal(null);
    expect(onDisk().system.rollbackVersion).to.equal('9.3R4.4');
    c.close();
  });

  it('control API settings and reset', async () => {
    const patch = await fetch(`${emu.controlUrl!}/devices/r1/settings`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ 'media-speed-mbps': 42 }) });
    expect(patch.status).to.equal(200);
    expect(onDisk().model.settings.mediaSpeedMbps).to.equal(42);
    const reset = await fetch(`${emu.controlUrl!}/devices/r1/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(reset.status).to.equal(200);
    expect(onDisk().model.settings.mediaSpeedMbps).to.equal(undefined);
  });
});
