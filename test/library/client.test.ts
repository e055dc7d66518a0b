import { expect } from 'chai';
import { NetconfClient, startEmulator } from '../../src/index.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

describe('library: the exported NETCONF client', function () {
  it('connects, runs RPCs in both framings, and closes', async () => {
    const emu = await startEmulator({ keysDir: TEST_KEYS_DIR, users: [{ name: 'lab', password: 'lab123' }], devices: [{ name: 'r1' }, { name: 'r2', rfcCompliant: true }] });
    try {
      for (const name of ['r1', 'r2']) {
        const d = emu.device(name);
        const c = await NetconfClient.connect({ host: d.host, port: d.port, username: 'lab', password: 'lab123' });
        expect(c.framing).to.equal(name === 'r1' ? 'eom' : 'chunked');
        expect(await c.rpc('<get-software-information/>')).to.include('<host-name>');
        c.close();
        await c.waitClosed();
        expect(c.closed).to.equal(true);
      }
    } finally {
      await emu.stop();
    }
  });
});
