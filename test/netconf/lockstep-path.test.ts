/**
 * The lock-step path (issue 15, owner CPU per RPC): an RPC whose handler
 * answers at once (the running configuration once rendered and cached) is
 * answered within the receive() that delivered it, with no promise hops in
 * between, and with the same bytes as the first, rendered reply. The check
 * counts writes; it does not time anything.
 */
import { expect } from 'chai';
import type { NetconfSession } from '../../src/session/netconf-session.js';
import type { SessionTransport } from '../../src/session/reply-writer.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';
const HELLO = `<hello xmlns="${NS}"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>`;
const rpc = (id: number): Buffer => Buffer.from(`<rpc xmlns="${NS}" message-id="${id}"><get-config><source><running/></source></get-config></rpc>]]>]]>`);

type Factory = { createSession(t: SessionTransport, peer: { user: unknown; remoteAddress: string }, re: string): NetconfSession };

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 5000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  if (!cond()) throw new Error('never happened');
}

describe('netconf session: a cached get-config is answered within the receive() that carried it', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator();
  });
  after(async () => t.stop());

  it('writes the reply before receive() returns, byte for byte the reply the first (rendering) one got', async () => {
    const device = t.emulator.devices[0]!;
    const writes: Buffer[] = [];
    const transport: SessionTransport = { write: (b) => void writes.push(Buffer.from(b)), end: () => undefined };
    // The device's own session factory (private: the test reaches in, as inject() does from inside).
    const session = (device as unknown as Factory).createSession(transport, { user: device.findUser(TEST_USER.name), remoteAddress: 'test' }, 're0');
    session.start();
    session.receive(Buffer.from(HELLO));
    const afterHello = writes.length;
    session.receive(rpc(1));
    await until(() => writes.length === afterHello + 1);
    const first = writes[afterHello]!.toString('utf8');
    for (let id = 2; id <= 4; id++) {
      const before = writes.length;
      session.receive(rpc(id));
      expect(writes.length, `reply to message-id ${id} written synchronously`).to.equal(before + 1);
      expect(writes[before]!.toString('utf8')).to.equal(first.replace('message-id="1"', `message-id="${id}"`));
    }
    expect(first).to.include('<configuration');
    session.terminate('test over');
  });
});
