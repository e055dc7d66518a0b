import { expect } from 'chai';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { startEmulator, type Emulator } from '../../src/index.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';
import { placePackage } from '../upgrade/support.js';

const USER = { name: 'lab', password: 'lab123' };

describe('device reset', function () {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ keysDir: TEST_KEYS_DIR, users: [USER], speed: 'instant', devices: [{ name: 'r1' }] });
  });
  after(async () => emu?.stop());

  it('restores storage, configuration, netconf options and pending software, and keeps sessions', async () => {
    const c = await NetconfClient.connect({ host: '127.0.0.1', port: emu.device('r1').port, username: USER.name, password: USER.password });
    const before = await c.rpc('<get-snapshot-information/>');
    await c.rpc('<request-snapshot/>');
    await c.rpc(
      '<load-configuration action="set" format="text"><configuration-set>set system host-name edge9\nset system mirror-flash-on-disk\nset system services netconf rfc-compliant</configuration-set></load-configuration>',
    );
    expect(await c.rpc('<commit-configuration/>')).to.not.include('<rpc-error>');
    const pkg = await placePackage(emu.running.devices.find((d) => d.name === 'r1')!, { release: '21.4R3.15', platforms: ['mx'] });
    expect(await c.rpc(`<request-package-add><package-name>${pkg}</package-name></request-package-add>`)).to.include('<package-result>0</package-result>');
    expect(await c.rpc('<request-snapshot/>')).to.include('mirror-flash-on-disk is configured');

    await emu.device('r1').reset();

    const config = await c.rpc('<get-configuration database="committed" format="text"/>');
    expect(config).to.include('host-name r1;');
    expect(config).not.to.include('mirror-flash-on-disk');
    expect(config).not.to.include('rfc-compliant');
    // A fresh device's dates are relative to now; its releases are what they were.
    const versions = (r: string): string[] => [...r.matchAll(/<package-version>([^<]+)</g)].map((m) => m[1]!);
    const after = await c.rpc('<get-snapshot-information/>');
    expect(versions(after)).to.deep.equal(versions(before));
    expect(versions(after)).to.include('9.2R3.5');
    const fresh = await NetconfClient.connect({ host: '127.0.0.1', port: emu.device('r1').port, username: USER.name, password: USER.password });
    expect(fresh.serverHello, 'new sessions are not rfc-compliant again').to.include('<hello xmlns=');
    const version = await fresh.rpc('<get-software-information/>');
    expect(version).not.to.include('21.4R3.15');
    expect(await c.rpc('<request-snapshot/>'), 'the session that was open still works').to.include('<snapshot-information');
  });
});
