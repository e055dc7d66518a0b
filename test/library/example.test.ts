// The example of docs/library.md, run as a real test. Keep the two in step.
import { expect } from 'chai';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { startEmulator, type Emulator } from '../../src/index.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

describe('my automation against an emulated MX960', function () {
  let emu: Emulator;

  before(async () => {
    emu = await startEmulator({ devices: [{ name: 'edge1', profile: 'mx960' }], speed: 'instant', keysDir: TEST_KEYS_DIR });
  });
  after(() => emu.stop());
  afterEach(() => {
    emu.faults.clear();
    emu.clock.resume();
  });

  const connect = () => {
    const d = emu.device('edge1');
    return NetconfClient.connect({ host: d.host, port: d.port, username: d.username, password: d.password });
  };

  it('takes a snapshot', async () => {
    const c = await connect();
    const reply = await c.rpc('<request-snapshot/>');
    expect(reply).to.include('<directory-name>/config</directory-name>');
    c.close();
  });

  it('waits for a slow snapshot while the clock is paused', async () => {
    emu.clock.pause();
    const c = await connect();
    let done = false;
    const reply = c.rpc('<request-snapshot/>').then((r) => ((done = true), r));
    // Until the snapshot is under way (sleeping on the paused clock): a fixed sleep can end before the request arrives,
    // and an advance made before the snapshot starts leaves it waiting for ever.
    while (emu.clock.info().pending === 0) await new Promise((r) => setTimeout(r, 10));
    expect(done).to.equal(false);
    emu.clock.advance('15m');
    expect(await reply).to.include('<snapshot-information');
    c.close();
  });

  it('copes with a disk that fails half-way', async () => {
    emu.device('edge1').armFault({ action: 'media-io-error', progress: 0.5 });
    const c = await connect();
    const reply = await c.rpc('<request-snapshot/>');
    expect(reply).to.include('Input/output error');
    expect(emu.device('edge1').requestLog({ direction: 'fault' })).to.have.length(1);
    c.close();
    await emu.device('edge1').reset();
  });

  it('sees a device power off and come back', async () => {
    await emu.device('edge1').stop();
    let refused = false;
    await connect().catch(() => (refused = true));
    expect(refused).to.equal(true);
    await emu.device('edge1').start();
    (await connect()).close();
  });

  it('reads the request log of its own session', async () => {
    const c = await connect();
    await c.rpc('<get-system-storage/>');
    c.close();
    const sent = emu.device('edge1').requestLog({ direction: 'in', rpc: 'get-system-storage' });
    expect(sent).to.have.length.at.least(1);
    expect(sent.at(-1)!.framing).to.equal('eom');
  });
});
