/** The exported NetconfClient's failures are typed: a TypeScript test can tell them apart. */
import { expect } from 'chai';
import { NetconfClosedError, NetconfConnectError, NetconfError, NetconfRpcError, NetconfTimeoutError } from '../../src/index.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

describe('NetconfClient errors', () => {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator();
  });
  after(() => t.stop());

  it('rejects a pending reply with NetconfClosedError when the session is killed', async () => {
    const c = await t.client();
    t.emulator.faults.arm([{ action: 'hang', rpc: 'get-software-information' }]);
    const pending = c.rpc('<get-software-information/>').then(
      () => undefined,
      (err: unknown) => err,
    );
    const [s] = t.emulator.control.sessions('junos1');
    t.emulator.control.killSession('junos1', s!.id);
    const err = await pending;
    expect(err).to.be.instanceOf(NetconfClosedError).and.instanceOf(NetconfError);
    expect((err as NetconfError).code).to.equal('closed');
    t.emulator.faults.clear();
  });

  it('call() throws NetconfRpcError with the rpc-error fields; rpc() returns the reply', async () => {
    const c = await t.client();
    expect(await c.rpc('<get-no-such-information/>')).to.include('<rpc-error>');
    const err = await c.call('<get-no-such-information/>').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(NetconfRpcError);
    const e = err as NetconfRpcError;
    expect(e.code).to.equal('rpc-error');
    expect(e.errors[0]).to.include({ severity: 'error' });
    expect(e.errors[0]!.tag).to.not.equal('');
    expect(e.reply).to.include('<rpc-reply');
    expect(await c.call('<get-software-information/>')).to.include('<software-information>');
  });

  it('a refused login is a NetconfConnectError, and the process lives on', async () => {
    const err = await t.client({ password: 'wrong' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(NetconfConnectError);
    const c = await t.client({ password: TEST_USER.password });
    expect(await c.rpc('<get-software-information/>')).to.include('<software-information>');
  });

  it('a reply that does not come in time is a NetconfTimeoutError', async () => {
    const c = await t.client();
    const err = await c.next(50).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(NetconfTimeoutError);
  });
});
