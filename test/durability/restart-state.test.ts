/**
 * What a restart brings back besides commits and snapshots: a pending
 * `commit confirmed` (it still rolls back at its deadline), and state saved
 * in the older three-file layout (read, then rewritten as one file).
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { ConfigurationStore } from '../../src/junos-config/store.js';
import { editTree } from '../../src/junos-config/edit.js';
import { emptyConfiguration } from '../../src/junos-config/tree.js';
import { parseSetLines } from '../../src/junos-config/set-format.js';
import { DeviceModel, StateStore, VirtualClock } from '../../src/engine/index.js';
import { startEmulator, type Emulator } from '../../src/index.js';
import { SystemState } from '../../src/system/state.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

const USER = { name: 'lab', password: 'lab123' };

async function hostName(emu: Emulator): Promise<string> {
  const c = await NetconfClient.connect({ host: '127.0.0.1', port: emu.device('r1').port, username: USER.name, password: USER.password });
  try {
    const m = /^set system host-name (\S+)$/m.exec(await c.rpc('<get-configuration database="committed" format="set"/>'));
    return m?.[1] ?? '';
  } finally {
    c.close();
  }
}

describe('durability: state a restart brings back', function () {
  const start = (stateDir: string): Promise<Emulator> =>
    startEmulator({ keysDir: TEST_KEYS_DIR, users: [USER], stateDir, speed: 'instant', devices: [{ name: 'r1' }] });

  it('a confirmed commit pending at the restart still rolls back at its deadline', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'junos-emulator-confirm-'));
    let emu = await start(stateDir);
    const c = await NetconfClient.connect({ host: '127.0.0.1', port: emu.device('r1').port, username: USER.name, password: USER.password });
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system host-name tentative</configuration-set></load-configuration>');
    expect(await c.rpc('<commit-configuration><confirmed/><confirm-timeout>5</confirm-timeout></commit-configuration>')).to.include('<commit-success/>');
    c.close();
    await emu.stop();
    emu = await start(stateDir);
    try {
      expect(await hostName(emu)).to.equal('tentative');
      emu.clock.advance('6m');
      expect(await hostName(emu)).to.equal('r1');
    } finally {
      await emu.stop();
    }
    // The automatic rollback is itself saved.
    emu = await start(stateDir);
    try {
      expect(await hostName(emu)).to.equal('r1');
    } finally {
      await emu.stop();
    }
  });

  it('reads state saved as three files and rewrites it as one', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'junos-emulator-legacy-'));
    const dir = join(stateDir, 'r1');
    mkdirSync(dir);
    const clock = new VirtualClock({ speed: 'instant' });
    const tree = editTree(emptyConfiguration(), parseSetLines('set system host-name from-old-layout'));
    const old = new StateStore(dir);
    await old.save('r1', DeviceModel.create('mx960', {}, { now: clock.now() }));
    await old.saveDocument('r1.configuration', new ConfigurationStore(clock, tree).toJSON());
    await old.saveDocument('r1.system', new SystemState(clock.now()).toJSON());
    const emu = await start(stateDir);
    try {
      expect(await hostName(emu)).to.equal('from-old-layout');
      expect(readdirSync(dir)).to.deep.equal(['r1.state.json']);
    } finally {
      await emu.stop();
    }
  });
});
