import { expect } from 'chai';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import ssh2 from 'ssh2';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { waitFor } from '../support/wait.js';

const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';

/** Every case must leave the server answering other sessions. */
describe('bad input battery', function () {
  let t: TestEmulator;
  let bystander: NetconfClient;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        limits: { 'max-message-bytes': 65536, 'max-xml-depth': 32, 'login-grace-seconds': 1, 'max-unauthenticated': 4, 'connection-limit': 50 },
        devices: [{ name: 'r1', port: 0, profile: 'mx960' }],
      },
    });
    bystander = await t.client();
  });
  afterEach(async () => {
    expect(await bystander.rpc('<get/>'), 'the server still serves others').to.include('<data>');
  });
  after(async () => t.stop());

  it('an entity bomb gets an rpc-error, not an expansion', async () => {
    const c = await t.client();
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rpc xmlns="${NS}" message-id="1"><get>&c;</get></rpc>`;
    c.send(bomb);
    const reply = await c.next();
    expect(reply).to.include('<error-tag>malformed-message</error-tag>');
    expect(reply).to.include('DOCTYPE');
    expect(reply).not.to.include('aaaaaaaaaa');
  });

  it('an external entity is refused the same way', async () => {
    const c = await t.client();
    c.send(`<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rpc xmlns="${NS}" message-id="1"><get>&x;</get></rpc>`);
    const reply = await c.next();
    expect(reply).to.include('malformed-message');
    expect(reply).not.to.include('root:');
  });

  it('nesting past the limit gets an rpc-error', async () => {
    const c = await t.client();
    c.send(`<rpc xmlns="${NS}" message-id="1"><get>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</get></rpc>`);
    expect(await c.next()).to.match(/nesting deeper than 32/);
    expect(await c.rpc('<get/>')).to.include('<data>');
  });

  it('a message over max-message-bytes closes the session before it is parsed', async () => {
    const c = await t.client();
    c.sendRaw(Buffer.alloc(70_000, 0x61));
    await c.waitClosed();
    expect(c.closed).to.equal(true);
    expect(c.messages, 'nothing is answered for a message that was never whole').to.deep.equal([]);
  });

  it('unbalanced tags, bare text and a wrong root each get an rpc-error', async () => {
    const c = await t.client();
    for (const bad of ['<rpc message-id="1"><get></rpc>', 'hello there', `<notrpc xmlns="${NS}" message-id="2"/>`, '']) {
      c.send(bad);
      const reply = await c.next();
      expect(reply).to.include('<rpc-error>');
    }
    expect(await c.rpc('<get/>')).to.include('<data>');
  });

  it('an rpc without an operation gets an rpc-error', async () => {
    const c = await t.client();
    expect(await c.rpc('')).to.include('<bad-element>rpc</bad-element>');
  });

  it('a hello that is not XML ends the session', async () => {
    const c = await NetconfClient.connect({ host: '127.0.0.1', port: t.port, username: TEST_USER.name, password: TEST_USER.password, manualHello: true });
    await c.next();
    c.sendRaw('garbage]]>]]>');
    await c.waitClosed();
    expect(c.closed).to.equal(true);
    expect(c.messages).to.deep.equal([]);
  });

  it('wrong passwords and unknown users are refused', async () => {
    for (const [username, password] of [[TEST_USER.name, 'wrong'], ['nobody', TEST_USER.password]] as const) {
      let err: Error | undefined;
      try {
        await NetconfClient.connect({ host: '127.0.0.1', port: t.port, username, password });
      } catch (e) {
        err = e as Error;
      }
      expect(err?.message).to.match(/authentication methods failed/i);
    }
  });

  it('a client that never authenticates is dropped after the login grace time', async () => {
    const sock = net.connect(t.port, '127.0.0.1');
    const started = performance.now();
    await new Promise<void>((resolve) => {
      sock.on('data', () => undefined);
      sock.on('error', () => undefined);
      sock.on('close', () => resolve());
    });
    const elapsed = performance.now() - started;
    // Not before the 1 s grace; the upper bound only has to tell it from the 60 s default, with room for a loaded machine.
    expect(elapsed).to.be.within(800, 30_000);
  });

  it('does not offer diffie-hellman group exchange, which ssh2 cannot serve', async () => {
    const conn = new ssh2.Client();
    const err = await new Promise<Error | undefined>((resolve) => {
      conn.on('ready', () => {
        conn.end();
        resolve(undefined);
      });
      conn.on('error', (e) => resolve(e));
      conn.on('close', () => resolve(new Error('closed without an error')));
      conn.connect({
        host: '127.0.0.1',
        port: t.port,
        username: TEST_USER.name,
        password: TEST_USER.password,
        algorithms: { kex: ['diffie-hellman-group-exchange-sha256'] },
      });
    });
    expect(err?.message).to.match(/no matching key exchange/i);
  });
});

describe('connection limit', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        limits: { 'connection-limit': 3 },
        devices: [{ name: 'r1', port: 0, profile: 'mx960' }],
      },
    });
  });
  after(async () => t.stop());

  it('connections over connection-limit are refused cleanly, and later ones succeed', async () => {
    const held: NetconfClient[] = [];
    for (let i = 0; i < 3; i++) held.push(await t.client());
    let refused: Error | undefined;
    try {
      await NetconfClient.connect({ host: '127.0.0.1', port: t.port, username: TEST_USER.name, password: TEST_USER.password, readyTimeoutMs: 5000 });
    } catch (e) {
      refused = e as Error;
    }
    expect(refused, 'the 4th connection is refused').to.be.instanceOf(Error);
    held.pop()!.close();
    // The slot frees when the server sees the close, which a loaded machine may take a while to do: retry until then.
    let again: NetconfClient | undefined;
    await waitFor(async () => (again = await t.client().catch(() => undefined)) !== undefined, 'a connection after one of the three closed');
    expect(await again!.rpc('<get/>')).to.include('<data>');
    for (const h of held) h.close();
    again!.close();
  });

});

/** A TCP connection that never logs in: admitted (the server's ident arrives) or refused (closed first). */
function rawConnect(port: number): Promise<{ sock: net.Socket; admitted: boolean }> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.on('error', () => undefined);
    sock.once('data', (d: Buffer) => resolve({ sock, admitted: d.toString().startsWith('SSH-') }));
    sock.once('close', () => resolve({ sock, admitted: false }));
  });
}

describe('max-unauthenticated counts connections that have not logged in, and only those', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        limits: { 'login-grace-seconds': 120, 'max-unauthenticated': 3, 'connection-limit': 50 },
        devices: [{ name: 'r1', port: 0, profile: 'mx960' }],
      },
    });
  });
  after(async () => t.stop());

  it('refuses the connection past the limit; a close and a login each free a place', async () => {
    const idle = [await rawConnect(t.port), await rawConnect(t.port), await rawConnect(t.port)];
    expect(idle.map((c) => c.admitted)).to.deep.equal([true, true, true]);
    expect((await rawConnect(t.port)).admitted, 'the 4th unauthenticated connection').to.equal(false);
    idle.pop()!.sock.destroy();
    // The server sees the close a moment later: retry until a login gets in (bounded by mocha's timeout).
    let logged: NetconfClient | undefined;
    while (!logged) {
      logged = await NetconfClient.connect({ host: '127.0.0.1', port: t.port, username: TEST_USER.name, password: TEST_USER.password, readyTimeoutMs: 5000 }).catch(() => undefined);
    }
    expect(await logged.rpc('<get/>')).to.include('<data>');
    // Logged in, it no longer counts: one more idle connection fits, the next does not.
    const third = await rawConnect(t.port);
    expect(third.admitted).to.equal(true);
    expect((await rawConnect(t.port)).admitted).to.equal(false);
    for (const c of [...idle, third]) c.sock.destroy();
    logged.close();
  });
});
