import { expect } from 'chai';
import ssh2 from 'ssh2';
import type { ClientChannel } from 'ssh2';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const { Client } = ssh2;
type SshClient = InstanceType<typeof Client>;

function login(port: number): Promise<SshClient> {
  const c = new Client();
  return new Promise((resolve, reject) => {
    c.once('ready', () => resolve(c));
    c.once('error', reject);
    c.connect({ host: '127.0.0.1', port, username: TEST_USER.name, password: TEST_USER.password, tryKeyboard: false });
  });
}

/** A NETCONF subsystem channel, or the channel-open failure as an Error. */
function netconfChannel(c: SshClient): Promise<ClientChannel | Error> {
  return new Promise((resolve) =>
    c.subsys('netconf', (err, ch) => {
      if (err) return resolve(err);
      ch.resume(); // read the server hello, so 'close' is not held back behind unread data
      resolve(ch);
    }),
  );
}

function closed(ch: ClientChannel): Promise<void> {
  return new Promise((resolve) => ch.once('close', () => resolve()));
}

describe('SSH: sessions per connection and the hello timeout', function () {
  this.timeout(20_000);

  describe('max-sessions-per-connection (default 10, as Junos and OpenSSH MaxSessions)', () => {
    let emu: TestEmulator;
    before(async () => {
      emu = await startTestEmulator();
    });
    after(async () => emu?.stop());

    it('refuses the 11th channel on one connection, and takes one again when one closes', async () => {
      const c = await login(emu.port);
      try {
        const opened: ClientChannel[] = [];
        for (let i = 0; i < 10; i++) {
          const ch = await netconfChannel(c);
          expect(ch, `channel ${i + 1}`).to.not.be.instanceOf(Error);
          opened.push(ch as ClientChannel);
        }
        const eleventh = await netconfChannel(c);
        expect(eleventh).to.be.instanceOf(Error);
        expect((eleventh as Error).message).to.match(/open failure/i);
        expect(emu.emulator.devices[0]!.sessions.list()).to.have.length(10);
        const first = opened[0]!;
        const gone = closed(first);
        first.close();
        await gone;
        const again = await netconfChannel(c);
        expect(again).to.not.be.instanceOf(Error);
      } finally {
        c.end();
      }
    });

    it('another connection has its own 10', async () => {
      const a = await login(emu.port);
      const b = await login(emu.port);
      try {
        for (let i = 0; i < 10; i++) expect(await netconfChannel(a)).to.not.be.instanceOf(Error);
        expect(await netconfChannel(a)).to.be.instanceOf(Error);
        expect(await netconfChannel(b)).to.not.be.instanceOf(Error);
      } finally {
        a.end();
        b.end();
      }
    });
  });

  describe('configured limits', () => {
    let emu: TestEmulator;
    before(async () => {
      emu = await startTestEmulator({
        yaml: {
          users: [{ name: TEST_USER.name, password: TEST_USER.password }],
          // Long enough that the two hello-less channels of the first test are still open when it asks for a
          // third, and that the client with a hello gets it in, on a loaded machine (300 ms allowed neither a stall).
          limits: { 'max-sessions-per-connection': 2, 'hello-timeout': '2s' },
          devices: [{ name: 'r1', port: 0 }],
        },
      });
    });
    after(async () => emu?.stop());

    it('max-sessions-per-connection: 2 refuses the third channel', async () => {
      const c = await login(emu.port);
      try {
        expect(await netconfChannel(c)).to.not.be.instanceOf(Error);
        expect(await netconfChannel(c)).to.not.be.instanceOf(Error);
        expect(await netconfChannel(c)).to.be.instanceOf(Error);
      } finally {
        c.end();
      }
    });

    it('closes a session that never sends a hello; one that did stays', async () => {
      const withHello = await emu.client();
      const silent = await NetconfClient.connect({ host: '127.0.0.1', port: emu.port, username: TEST_USER.name, password: TEST_USER.password, manualHello: true });
      try {
        expect(await silent.next()).to.include('<hello');
        await silent.waitClosed(10_000);
        expect(emu.emulator.devices[0]!.sessions.list().map((s) => s.user)).to.have.length(1);
        expect(await withHello.rpc('<get-software-information/>')).to.include('<software-information');
      } finally {
        silent.close();
      }
    });
  });
});
