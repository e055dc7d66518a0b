import { expect } from 'chai';
import ssh2 from 'ssh2';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { verifyPassword, type UserAccount } from '../../src/transport/credentials.js';
import { hashPool } from '../../src/transport/hash-pool.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const { Client } = ssh2;

/** A well-formed SHA-512 crypt hash of `rounds` whose digest matches no password. */
const slowHash = (rounds: number): string => `$6$rounds=${rounds}$saltsalt$${'A'.repeat(86)}`;

/**
 * One password attempt on a fresh connection: `sent` resolves once the
 * password request is on its way, `result` with true if it logged in.
 */
function tryPassword(port: number, username: string, password: string): { sent: Promise<void>; result: Promise<boolean> } {
  const c = new Client();
  let onSent: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => (onSent = resolve));
  let asked = false;
  const result = new Promise<boolean>((resolve) => {
    c.once('ready', () => {
      c.end();
      resolve(true);
    });
    c.on('error', () => {
      c.end();
      resolve(false);
    });
    c.connect({
      host: '127.0.0.1',
      port,
      username,
      readyTimeout: 60_000,
      authHandler: (_left, _partial, next) => {
        if (asked) return (next as unknown as (m: false) => void)(false); // ssh2 takes `false` for "no more methods"
        asked = true;
        next({ type: 'password', username, password });
        setImmediate(onSent);
      },
    });
  });
  return { sent, result };
}

function loadUser(name: string, hash: string): string {
  return (
    '<load-configuration><configuration><system><login><user>' +
    `<name>${name}</name><class>operator</class><authentication><encrypted-password>${hash}</encrypted-password></authentication>` +
    '</user></login></system></configuration></load-configuration>'
  );
}

describe('SSH password hashes: bounded cost, off the event loop, same cost for every user', function () {
  this.timeout(60_000);

  describe('with the default cap (1,000,000 rounds)', () => {
    let t: TestEmulator;
    let admin: NetconfClient;
    before(async () => {
      t = await startTestEmulator();
      admin = await t.client();
    });
    after(async () => t?.stop());

    it('refuses a commit whose encrypted-password has more rounds than the cap, naming the statement', async () => {
      expect(await admin.rpc(loadUser('huge', slowHash(999_999_999)))).to.not.include('<rpc-error>');
      const reply = await admin.rpc('<commit-configuration/>');
      expect(reply).to.include('<rpc-error>');
      expect(reply).to.include('<bad-element>encrypted-password</bad-element>');
      expect(reply).to.include('[edit system login user huge authentication]');
      expect(reply).to.include('max-password-hash-rounds 1000000');
      await admin.rpc('<discard-changes/>');
    });

    it('other sessions are answered while a login attempt computes a 500,000-round hash', async () => {
      expect(await admin.rpc(loadUser('slow', slowHash(500_000)))).to.not.include('<rpc-error>');
      expect(await admin.rpc('<commit-configuration/>')).to.include('<commit-success/>');
      let answered = false;
      const { sent, result } = tryPassword(t.port, 'slow', 'guess');
      const attempt = result.then((ok) => {
        answered = true;
        return ok;
      });
      await sent;
      // On the event loop the hash would hold every reply back until the attempt is answered.
      let replies = 0;
      while (!answered && replies < 5) {
        expect(await admin.rpc('<get-software-information/>')).to.include('<software-information');
        if (!answered) replies++;
      }
      expect(replies, 'RPC replies while the hash was computed').to.equal(5);
      expect(await attempt).to.equal(false);
    });
  });

  describe('a configured cap', () => {
    let t: TestEmulator;
    let admin: NetconfClient;
    before(async () => {
      t = await startTestEmulator({
        yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], limits: { 'max-password-hash-rounds': 20_000 }, devices: [{ name: 'r1', port: 0 }] },
      });
      admin = await t.client();
    });
    after(async () => t?.stop());

    it('limits.max-password-hash-rounds: 20000 refuses rounds=20001 and takes rounds=20000', async () => {
      await admin.rpc(loadUser('a', slowHash(20_001)));
      const refused = await admin.rpc('<commit-configuration/>');
      expect(refused).to.include('rounds=20001 is more than this device computes (limits.max-password-hash-rounds 20000)');
      await admin.rpc('<discard-changes/>');
      await admin.rpc(loadUser('a', slowHash(20_000)));
      expect(await admin.rpc('<commit-configuration/>')).to.include('<commit-success/>');
    });

    it('an unknown user costs one hash, as a configured one does (a harness account with a plain password none)', async () => {
      const cost = async (user: string): Promise<number> => {
        const before = hashPool.computed;
        expect(await tryPassword(t.port, user, 'wrong').result).to.equal(false);
        return hashPool.computed - before;
      };
      expect(await cost('a')).to.equal(1);
      expect(await cost('nobody')).to.equal(1);
      expect(await cost(TEST_USER.name)).to.equal(0);
    });

    it('an unknown user is prompted for keyboard-interactive like a known one', async () => {
      const prompted = await new Promise<boolean>((resolve) => {
        const c = new Client();
        let asked = false;
        c.on('keyboard-interactive', (_n, _i, _l, _p, finish) => {
          asked = true;
          finish(['wrong']);
        });
        c.on('error', () => {
          c.end();
          resolve(asked);
        });
        c.connect({ host: '127.0.0.1', port: t.port, username: 'nobody', tryKeyboard: true, authHandler: ['keyboard-interactive'] });
      });
      expect(prompted).to.equal(true);
    });
  });

  describe('verifyPassword', () => {
    // glibc: crypt('x', '$6$rounds=1000$abc$')
    const HASH = '$6$rounds=1000$abc$zaWpAwySRl8PX4W2aEMJwxpN82bCKtDZP0RBdOD6W7BQlilBqAsWnAZuS10iUyJZneS8Ob1gxs1BZkqJi1nTi.';
    const user: UserAccount = { name: 'u', passwordHash: HASH, userClass: 'operator', keys: [] };

    it('matches on the pool; a hash above the cap never matches (it is not computed)', async () => {
      expect(await verifyPassword(user, 'x', 1000)).to.equal(true);
      expect(await verifyPassword(user, 'y', 1000)).to.equal(false);
      expect(await verifyPassword(user, 'x', 999)).to.equal(false);
    });

    it('a harness account named in the configuration logs in with its plain password or the hash', async () => {
      const both: UserAccount = { ...user, password: 'pw' };
      expect(await verifyPassword(both, 'pw', 1000)).to.equal(true);
      expect(await verifyPassword(both, 'x', 1000)).to.equal(true);
      expect(await verifyPassword(both, 'y', 1000)).to.equal(false);
    });

    it('a user with keys only costs the dummy hash, like an unknown one', async () => {
      const before = hashPool.computed;
      expect(await verifyPassword({ name: 'k', userClass: 'operator', keys: [] }, 'pw', 1000)).to.equal(false);
      expect(await verifyPassword(undefined, 'pw', 1000)).to.equal(false);
      expect(hashPool.computed - before).to.equal(2);
    });
  });
});
