import { expect } from 'chai';
import type { LogEntry } from '../../src/control/request-log.js';
import { frameMessage } from '../../src/framing/encoder.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { mustCall } from '../support/must-call.js';

const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';
const MAX_PENDING = 8;

/** Resolves with the first request-log entry that matches, or when `stop` resolves first. */
function waitForLog(t: TestEmulator, match: (e: LogEntry) => boolean): Promise<LogEntry> {
  return new Promise((resolve) => {
    const found = mustCall((e: LogEntry) => {
      off();
      resolve(e);
    }, 1, 'request-log match');
    const off = t.emulator.requestLog.subscribe((e) => {
      if (match(e)) found(e);
    });
  });
}

describe('netconf flow control: a client that sends and never reads', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        speed: 'instant',
        limits: { 'max-pending-rpcs': MAX_PENDING },
        devices: [{ name: 'r1', port: 0 }],
      },
    });
  });
  after(async () => t.stop());

  it('stops reading once its replies are not read, keeps the queue bounded, then answers every RPC in order', async () => {
    const c = await t.client();
    c.pauseReading();
    const total = 100_000;
    const paused = waitForLog(t, (e) => e.direction === 'event' && /^input paused/.test(e.event ?? ''));
    const device = t.emulator.devices[0]!;
    // All requests go into the client's own buffer at once; what the server
    // takes of them is up to its reading, which is the point of the test.
    const batch: Buffer[] = [];
    for (let i = 1; i <= total; i++) batch.push(frameMessage(`<rpc xmlns="${NS}" message-id="${i}"><get-software-information/></rpc>`, 'eom'));
    c.sendRaw(Buffer.concat(batch));
    const session = (): { rpcCount: number } => [...device.sessions.list()][0] as unknown as { rpcCount: number };
    // Before flow control existed the server read and answered everything,
    // holding every reply in memory: that ends the wait too, and fails below.
    let poll: NodeJS.Timeout | undefined;
    const everything = new Promise<undefined>((resolve) => {
      poll = setInterval(() => session().rpcCount >= total && resolve(undefined), 20);
    });
    const event = await Promise.race([paused, everything]);
    clearInterval(poll);
    expect(event, 'the server answered every RPC without the client reading one').to.not.equal(undefined);
    expect(event!.event).to.match(/replies not read by the client|RPCs pending/);
    // The server stopped long before it had answered everything: the SSH
    // window, not the server's memory, holds the rest.
    const answered = session().rpcCount;
    expect(answered).to.be.lessThan(total / 2);
    expect(c.unsentBytes).to.be.greaterThan(0);

    c.resumeReading();
    let last = 0;
    for (let i = 1; i <= total; i++) {
      const reply = await c.next();
      const id = Number(/message-id="(\d+)"/.exec(reply)?.[1]);
      expect(id).to.equal(last + 1);
      last = id;
    }
    expect(last).to.equal(total);
    expect(await c.rpc('<get-software-information/>')).to.include('software-information');
  });

  it('stops reading at max-pending-rpcs while an RPC is still running, and the session can still be closed', async () => {
    t.emulator.faults.arm({ id: 'hold-first', device: 'r1', rpc: 'get-chassis-inventory', action: 'hang' });
    const c = await t.client();
    const paused = waitForLog(t, (e) => e.direction === 'event' && /^input paused/.test(e.event ?? ''));
    c.send(`<rpc xmlns="${NS}" message-id="held"><get-chassis-inventory/></rpc>`);
    for (let i = 1; i <= 50; i++) c.send(`<rpc xmlns="${NS}" message-id="${i}"><get-software-information/></rpc>`);
    const event = await paused;
    expect(event.event).to.equal(`input paused: ${MAX_PENDING} RPCs pending (${event.event!.match(/\((\d+) bytes\)/)![1]} bytes)`);
    expect(c.messages).to.have.length(0);
    t.emulator.faults.clear();
    c.close();
    await c.waitClosed();
  });
});

