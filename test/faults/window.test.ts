import { expect } from 'chai';
import { NetconfClient } from '../../src/client/netconf-client.js';
import type { Emulator } from '../../src/index.js';
import { startFaultEmulator } from './support.js';

/** The time window of a fault, and the real-clock delay and drip, through our own client. */
describe('faults: time window and real-clock pacing', function () {
  let emu: Emulator;
  let c: NetconfClient;
  before(async () => {
    emu = await startFaultEmulator({ devices: [{ name: 'r1' }] });
    const d = emu.device('r1');
    c = await NetconfClient.connect({ host: d.host, port: d.port, username: d.username, password: d.password });
  });
  after(async () => {
    c?.close();
    await emu?.stop();
  });
  afterEach(() => {
    emu.faults.clear();
    emu.clock.resume();
    emu.clock.setSpeed('instant');
  });

  it('fires only inside its window of virtual time since it was armed', async () => {
    emu.clock.setSpeed(1);
    emu.clock.pause();
    emu.faults.arm({ id: 'later', device: 'r1', rpc: 'get-software-information', window: { after: '10m', before: '20m' }, action: 'rpc-error', errors: [{ severity: 'error', message: 'in the window' }] });
    expect(await c.rpc('<get-software-information/>'), 'before the window').to.not.include('in the window');
    emu.clock.advance('15m');
    expect(await c.rpc('<get-software-information/>'), 'inside').to.include('<error-message>in the window</error-message>');
    emu.clock.advance('10m');
    expect(await c.rpc('<get-software-information/>'), 'after').to.not.include('in the window');
  });

  it('clock: real delays by wall time even when the virtual clock is paused', async () => {
    emu.clock.pause();
    emu.faults.arm({ device: 'r1', rpc: 'get-software-information', action: 'delay', delay: '300ms', clock: 'real' });
    const started = Date.now();
    expect(await c.rpc('<get-software-information/>')).to.include('<software-information');
    expect(Date.now() - started).to.be.at.least(280);
  });

  it('drip sends the whole reply in small pieces', async () => {
    emu.faults.arm({ device: 'r1', rpc: 'get-software-information', action: 'drip', bytes: 64, interval: '5ms', clock: 'real' });
    const before = c.raw.length;
    const reply = await c.rpc('<get-software-information/>');
    expect(reply).to.include('</rpc-reply>');
    const pieces = c.raw.slice(before);
    expect(pieces.length).to.be.greaterThan(Math.floor(reply.length / 64) - 1);
    expect(Math.max(...pieces.map((p) => p.length))).to.be.at.most(64);
  });
});
