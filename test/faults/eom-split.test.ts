import { expect } from 'chai';
import { NetconfClient } from '../../src/client/netconf-client.js';
import type { Emulator } from '../../src/index.js';
import { USER, startFaultEmulator } from './support.js';

/**
 * The old-Junos quirk: a `]]>]]>` that straddles a 4096-byte boundary of
 * the client's stream is not seen. Our own client places the delimiter
 * byte-exactly (ncclient cannot be steered that precisely).
 */
describe('faults: ]]>]]> split across a 4096-byte boundary', function () {
  let emu: Emulator;
  before(async () => {
    emu = await startFaultEmulator({ devices: [{ name: 'old' }] });
  });
  after(async () => emu?.stop());
  afterEach(() => emu?.faults.clear());

  /** An rpc whose delimiter starts 3 bytes before the next 4096-byte boundary. */
  async function straddling(c: NetconfClient): Promise<void> {
    await c.rpc('<get-system-storage/>'); // the server has now read everything sent so far
    const sent = emu.device('old').sessions()[0]!.bytesIn!;
    const head = '<rpc message-id="straddle">';
    const tail = '<get-system-storage/></rpc>';
    const room = 4096 - ((sent + head.length + tail.length) % 4096) - 3;
    c.sendRaw(`${head}${' '.repeat((room + 4096) % 4096)}${tail}]]>]]>`);
  }

  it('without the fault the same bytes get a reply', async () => {
    const c = await NetconfClient.connect({ host: '127.0.0.1', port: emu.device('old').port, username: USER.name, password: USER.password });
    await straddling(c);
    expect(await c.next(5000)).to.include('message-id="straddle"');
    c.close();
  });

  it('with the fault the request is never answered, and the log says why', async () => {
    emu.faults.arm({ id: 'quirk', device: 'old', action: 'eom-split-4096' });
    const c = await NetconfClient.connect({ host: '127.0.0.1', port: emu.device('old').port, username: USER.name, password: USER.password });
    await straddling(c);
    let answered = true;
    await c.next(1500).catch(() => (answered = false));
    expect(answered).to.equal(false);
    const fired = emu.requestLog({ device: 'old', direction: 'fault' });
    expect(fired).to.have.length(1);
    expect(fired[0]!.fault).to.include({ id: 'quirk', action: 'eom-split-4096' });
    expect(fired[0]!.fault!.detail).to.match(/at byte \d+ straddles a 4096-byte boundary/);
    c.close();
  });
});
