import { expect } from 'chai';
import type { Emulator } from '../../src/index.js';
import { requirePython } from '../support/python.js';
import { GET_CONFIG, ncclient, startFaultEmulator } from './support.js';

/** Faults before a session exists: logins, the subsystem, the connection limit. */
describe('faults: SSH and NETCONF refusals through ncclient', function () {
  let emu: Emulator;

  before(async function () {
    requirePython(this, 'ncclient');
    emu = await startFaultEmulator({ devices: [{ name: 'r1' }] });
  });
  after(async () => emu?.stop());
  afterEach(() => emu?.faults.clear());

  const fired = (action: string): number => emu.requestLog({ direction: 'fault' }).filter((e) => e.fault?.action === action).length;

  it('refuse-login: right password, AuthenticationError', async () => {
    emu.faults.arm({ device: 'r1', user: 'lab', action: 'refuse-login', count: 1 });
    const r = await ncclient(emu, 'r1', [{ xml: GET_CONFIG }]);
    expect(r.connect_error?.error).to.equal('AuthenticationError');
    expect(fired('refuse-login')).to.be.at.least(1);
    const again = await ncclient(emu, 'r1', [{ xml: GET_CONFIG }]);
    expect(again.results[0]!.ok, 'count: 1 fires once').to.equal(true);
  });

  it('refuse-netconf: login works, the subsystem (and the Junos exec fallback) is refused', async () => {
    emu.faults.arm({ device: 'r1', action: 'refuse-netconf' });
    const plain = await ncclient(emu, 'r1', [{ xml: GET_CONFIG }]);
    expect(plain.connect_error?.error, JSON.stringify(plain)).to.be.oneOf(['SSHException', 'SSHError', 'SessionCloseError']);
    const junos = await ncclient(emu, 'r1', [{ xml: GET_CONFIG }], { junos: true });
    expect(junos.connect_error?.error, JSON.stringify(junos)).to.be.oneOf(['SSHException', 'SSHError', 'SessionCloseError']);
    expect(fired('refuse-netconf')).to.be.at.least(2);
  });

  it('session-limit: the connection is closed at once, as when connection-limit is reached', async () => {
    emu.faults.arm({ device: 'r1', action: 'session-limit', nth: 1 });
    const r = await ncclient(emu, 'r1', [{ xml: GET_CONFIG }]);
    expect(r.connect_error?.error).to.be.oneOf(['SSHError', 'SessionCloseError', 'TransportError']);
    // Closed, not timed out: the bound only has to stay under the driver's 10 s connect timeout.
    expect(r.connect_error!.elapsed).to.be.below(9);
    expect(fired('session-limit')).to.equal(1);
  });
});
