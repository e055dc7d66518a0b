import { expect } from 'chai';
import type { Emulator } from '../../src/index.js';
import { requirePython, runPython } from '../support/python.js';
import { USER, startFaultEmulator } from './support.js';

interface Outcome {
  xml?: string;
  text?: string | null;
  error?: { class: string; message: string; severity: string };
}

/** Media and reachability faults in the snapshot engine, as PyEZ sees them. */
describe('faults: snapshot media and unreachable REs through PyEZ', function () {
  let emu: Emulator;

  before(async function () {
    requirePython(this, 'jnpr.junos');
    emu = await startFaultEmulator({
      devices: [
        { name: 'mx' },
        { name: 'j', profile: 'j2350', settings: { 'memory-mb': 512, 'inserted-media': ['usb'] } },
        { name: 'matrix', profile: 'txmatrix-plus', settings: { 'connected-lcc': [0, 1] } },
      ],
    });
  });
  after(async () => emu?.stop());
  afterEach(() => emu?.faults.clear());

  async function pyez(device: string, calls: unknown[]): Promise<Outcome[]> {
    const d = emu.device(device);
    const r = await runPython<{ results: Outcome[] }>('pyez_calls.py', { host: d.host, port: d.port, user: USER.name, password: USER.password, calls });
    return r.results;
  }

  const snapshotOf = (device: string) => emu.running.device(device)!.model.routingEngines()[0]!;

  it('I/O error part-way through the /altroot copy: RpcError; /altroot is left newfs-ed and half full', async () => {
    await emu.device('mx').reset();
    emu.device('mx').armFault({ id: 'io', action: 'media-io-error', progress: 0.5 });
    const [r] = await pyez('mx', [{ rpc: 'request_snapshot' }]);
    expect(r!.error!.class).to.equal('RpcError');
    expect(r!.error!.message).to.include('/altroot: write failed: Input/output error');
    const alt = snapshotOf('mx').media.find((m) => m.kind === 'hard-disk')!;
    const root = alt.partitions!.find((p) => p.role === 'root')!;
    expect(root.content, 'the old alternate root is gone').to.equal(null);
    expect(root.usedMb).to.be.above(0);
    const fault = emu.requestLog({ device: 'mx', direction: 'fault' });
    expect(fault.map((e) => e.fault?.id)).to.include('io');
  });

  it('medium full on the /altconfig copy: /altroot is complete, /altconfig is not', async () => {
    await emu.device('mx').reset();
    emu.device('mx').armFault({ action: 'medium-full', nth: 2 });
    const [r] = await pyez('mx', [{ rpc: 'request_snapshot', args: [{ format: 'text' }] }]);
    expect(r!.error!.message).to.include('/altconfig: write failed, filesystem is full');
    const alt = snapshotOf('mx').media.find((m) => m.kind === 'hard-disk')!;
    expect(alt.partitions!.find((p) => p.role === 'root')!.content).to.not.equal(null);
    expect(alt.partitions!.find((p) => p.role === 'config')!.content).to.equal(null);
  });

  it('medium removed during a USB snapshot on J Series: the error, and the USB medium is gone', async () => {
    emu.device('j').armFault({ action: 'medium-removed', medium: 'usb' });
    const [snap, again] = await pyez('j', [{ rpc: 'request_snapshot', kwargs: { media: 'usb', partition: true } }, { rpc: 'request_snapshot', kwargs: { media: 'usb' } }]);
    expect(snap!.error!.message).to.match(/da\d \(usb\) was removed/);
    expect(emu.device('j').settings()['inserted-media']).to.deep.equal([]);
    expect(again!.error!.message).to.include('media usb is not present');
  });

  it('an LCC unreachable: the multi-RE reply carries "Could not connect to lcc1-re0" for it, the others succeed', async () => {
    emu.device('matrix').armFault({ action: 'unreachable', target: 'lcc1' });
    const [r] = await pyez('matrix', [{ rpc: 'request_snapshot' }]);
    expect(r!.xml).to.include('<re-name>lcc0-re0</re-name>');
    expect(r!.xml).to.match(/<re-name>lcc1-re0<\/re-name>\s*<(?:xnm:)?error[^>]*>\s*<message>Could not connect to lcc1-re0 : No route to host<\/message>/);
  });

  it('a warning with <ok/>: PyEZ does not raise, it hands back the warning element in place of data', async () => {
    emu.device('mx').armFault({ rpc: 'get-system-storage', action: 'rpc-error', ok: true, errors: [{ severity: 'warning', message: 'statement has no contents; ignored' }] });
    const [strict, lenient] = await pyez('mx', [{ rpc: 'get_system_storage' }, { rpc: 'get_system_storage', kwargs: { ignore_warning: true } }]);
    expect((strict as { tag?: string }).tag, JSON.stringify(strict)).to.equal('rpc-error');
    expect(strict!.xml).to.include('<error-severity>warning</error-severity>');
    expect(lenient!.error, JSON.stringify(lenient)).to.equal(undefined);
  });
});
