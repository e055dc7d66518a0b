import { expect } from 'chai';
import type { Emulator } from '../../src/index.js';
import { requirePython } from '../support/python.js';
import { GET_CONFIG, ncclient, startFaultEmulator } from './support.js';

/** Faults at the session layer, as ncclient sees them. */
describe('faults: replies through ncclient', function () {
  let emu: Emulator;

  before(async function () {
    requirePython(this, 'ncclient');
    emu = await startFaultEmulator({
      devices: [{ name: 'r1' }, { name: 'r11', rfcCompliant: true }],
    });
  });
  after(async () => emu?.stop());
  afterEach(() => {
    emu?.faults.clear();
    emu?.clock.resume();
    emu?.clock.setSpeed('instant');
  });

  const faultsFired = (id: string): number => emu.requestLog({ direction: 'fault' }).filter((e) => e.fault?.id === id).length;

  it('delay under a paused clock: the reply waits until the clock is advanced past it', async () => {
    emu.clock.pause();
    emu.device('r1').armFault({ id: 'slow', rpc: 'get-config', action: 'delay', delay: '10m' });
    const timedOut = await ncclient(emu, 'r1', [{ xml: GET_CONFIG, timeout: 2 }]);
    expect(timedOut.results[0]!.error).to.equal('TimeoutExpiredError');
    expect(timedOut.results[0]!.elapsed).to.be.at.least(2);
    // The same delay, released by advancing virtual time 10 minutes one second in.
    const released = await ncclient(emu, 'r1', [{ xml: GET_CONFIG, timeout: 20 }], { control: { at: 1, path: '/clock/advance', body: { by: '10m' } } });
    expect(released.results[0]!.ok, JSON.stringify(released)).to.equal(true);
    expect(released.results[0]!.reply).to.include('<host-name>r1</host-name>');
    expect(released.results[0]!.elapsed).to.be.at.least(0.9);
    expect(faultsFired('slow')).to.equal(2);
  });

  it('rpc-error of any severity replaces the reply; the handler never runs', async () => {
    emu.faults.arm({ id: 'err', device: 'r1', rpc: 'get-config', action: 'rpc-error', errors: [{ severity: 'error', message: 'database locked', tag: 'lock-denied', type: 'protocol' }] });
    const r = await ncclient(emu, 'r1', [{ xml: GET_CONFIG }, { xml: '<get-system-storage/>' }]);
    expect(r.results[0]).to.include({ error: 'RPCError' });
    expect(r.results[0]!.message).to.equal('database locked');
    expect(r.results[1]!.ok, 'other RPCs are not in scope').to.equal(true);
    const out = emu.requestLog({ device: 'r1', direction: 'out', rpc: 'rpc-reply' });
    expect(out.some((e) => e.xml?.includes('<error-tag>lock-denied</error-tag>'))).to.equal(true);
  });

  it('a fixed reply is sent as given', async () => {
    emu.faults.arm({ device: 'r1', rpc: 'get-software-information', action: 'reply', body: '<software-information><host-name>canned-by-test</host-name></software-information>' });
    const r = await ncclient(emu, 'r1', [{ xml: '<get-software-information/>' }]);
    expect(r.results[0]!.ok).to.equal(true);
    expect(r.results[0]!.reply).to.include('<host-name>canned-by-test</host-name>');
  });

  it('command scope: a <command> fault matches the CLI text, not other commands', async () => {
    emu.faults.arm({ id: 'cli', device: 'r1', command: 'show   version', action: 'rpc-error', errors: [{ severity: 'error', message: 'error: could not connect to mgd' }] });
    const r = await ncclient(emu, 'r1', [{ xml: '<command>show version</command>' }, { xml: '<command>show system storage</command>' }]);
    expect(r.results[0]!.message).to.equal('error: could not connect to mgd');
    expect(r.results[1]!.error, JSON.stringify(r.results[1])).to.equal(undefined);
    expect(faultsFired('cli')).to.equal(1);
  });

  it('nth: only the second matching call fails', async () => {
    emu.faults.arm({ id: 'second', device: 'r1', rpc: 'get-config', nth: 2, action: 'rpc-error', errors: ['second call fails'] });
    const r = await ncclient(emu, 'r1', [{ xml: GET_CONFIG }, { xml: GET_CONFIG }, { xml: GET_CONFIG }]);
    expect(r.results.map((x) => x.ok ?? x.message)).to.deep.equal([true, 'second call fails', true]);
    expect(emu.faults.list()[0]).to.include({ matched: 3, fired: 1 });
  });

  it('drop before the reply: the session closes under the client', async () => {
    emu.faults.arm({ id: 'drop', device: 'r1', rpc: 'get-config', action: 'drop', at: 'before-reply' });
    const r = await ncclient(emu, 'r1', [{ xml: GET_CONFIG, timeout: 10 }]);
    expect(r.results[0]!.error).to.be.oneOf(['TransportError', 'SessionCloseError']);
    expect(r.results[0]!.elapsed).to.be.below(9);
    expect(faultsFired('drop')).to.equal(1);
    expect(emu.device('r1').sessions()).to.have.length(0);
  });

  it('drop in the middle of the reply: the client got half a message and a closed session', async () => {
    emu.faults.arm({ id: 'half', device: 'r1', rpc: 'get-config', action: 'drop', at: 'mid-reply' });
    const r = await ncclient(emu, 'r1', [{ xml: GET_CONFIG, timeout: 10 }]);
    expect(r.results[0]!.error).to.be.oneOf(['TransportError', 'SessionCloseError']);
    const fault = emu.requestLog({ device: 'r1', direction: 'fault' }).find((e) => e.fault?.id === 'half');
    expect(fault?.rpc).to.equal('get-config');
  });

  it('drop in the middle of a chunk (base:1.1 framing)', async () => {
    emu.faults.arm({ id: 'chunk', device: 'r11', rpc: 'get-config', action: 'drop', at: 'mid-chunk' });
    const r = await ncclient(emu, 'r11', [{ xml: GET_CONFIG, timeout: 10 }]);
    expect(r.results[0]!.error).to.be.oneOf(['TransportError', 'SessionCloseError']);
    const out = emu.requestLog({ device: 'r11', direction: 'out' });
    expect(out.at(-1)?.framing).to.equal('chunked');
  });

  it('hang: no reply ever, the session stays open', async () => {
    emu.faults.arm({ id: 'hang', device: 'r1', rpc: 'get-config', action: 'hang' });
    const r = await ncclient(emu, 'r1', [{ xml: GET_CONFIG, timeout: 2 }], { control: { at: 1, method: 'GET', path: '/devices/r1/sessions' } });
    expect(r.results[0]!.error).to.equal('TimeoutExpiredError');
    expect(r.control as unknown[], 'the session was alive while the client waited').to.have.length(1);
  });

  it('drip: the reply comes in pieces, one per virtual second; a paused clock holds it', async () => {
    emu.clock.pause();
    emu.faults.arm({ id: 'drip', device: 'r1', rpc: 'get-config', action: 'drip', bytes: 64, interval: '1s' });
    const r = await ncclient(emu, 'r1', [{ xml: GET_CONFIG, timeout: 2 }]);
    expect(r.results[0]!.error).to.equal('TimeoutExpiredError');
    const released = await ncclient(emu, 'r1', [{ xml: GET_CONFIG, timeout: 20 }], { control: { at: 1, path: '/clock/resume' } });
    expect(released.results[0]!.ok, JSON.stringify(released)).to.equal(true);
    expect(released.results[0]!.reply).to.include('<host-name>r1</host-name>');
  });

  it('probability with a seed fires on the same calls on every run', async () => {
    const pattern = async (): Promise<boolean[]> => {
      emu.faults.clear();
      emu.faults.arm({ device: 'r1', rpc: 'get-config', probability: 0.5, seed: 42, action: 'rpc-error', errors: ['coin'] });
      const r = await ncclient(emu, 'r1', Array.from({ length: 8 }, () => ({ xml: GET_CONFIG })));
      return r.results.map((x) => x.ok === true);
    };
    const a = await pattern();
    const b = await pattern();
    expect(a).to.deep.equal(b);
    expect(a).to.include(true).and.to.include(false);
  });
});
