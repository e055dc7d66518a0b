/** A listener fault with `nth` decides the channel it counts, once per channel (issue 10, bug 3). */
import { expect } from 'chai';
import { NetconfClient } from '../../src/client/netconf-client.js';
import type { Emulator } from '../../src/index.js';
import { startFaultEmulator, USER } from './support.js';

describe('faults: refuse-netconf with nth', function () {
  let emu: Emulator;
  before(async () => {
    emu = await startFaultEmulator({ devices: [{ name: 'r1', port: 0 }] });
  });
  after(async () => emu?.stop());

  it('nth: [2] accepts the first session, refuses the second, accepts the third', async () => {
    emu.faults.arm({ id: 'second', device: 'r1', action: 'refuse-netconf', nth: [2] });
    const d = emu.device('r1');
    const open = (): Promise<NetconfClient> => NetconfClient.connect({ host: d.host, port: d.port, username: USER.name, password: USER.password });
    const first = await open();
    expect(first.serverHello).to.include('<hello');
    let refused: unknown;
    await open().catch((e: unknown) => (refused = e));
    expect(String(refused)).to.match(/Unable to start subsystem|failure|refused/i);
    const third = await open();
    expect(await third.rpc('<get-software-information/>')).to.include('software-information');
    first.close();
    third.close();
  });
});
