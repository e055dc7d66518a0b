import { expect } from 'chai';
import ssh2 from 'ssh2';
import type { AnyAuthMethod, AuthHandlerMiddleware } from 'ssh2';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { newEd25519KeyPair } from '../../src/transport/device-keys.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const { Client } = ssh2;

type Attempt =
  | { type: 'password'; username: string; password: string }
  | { type: 'publickey'; username: string; key: string }
  | { type: 'keyboard-interactive'; username: string; answer: string };

interface Outcome {
  /** Attempts the client was asked for: each after the one before was answered. */
  calls: number[];
  result: 'ready' | 'closed' | 'exhausted';
  client: InstanceType<typeof Client>;
}

/**
 * One SSH connection making `attempts` in order, as ssh2's client does when
 * its authHandler hands out one method after another. Resolves when it logs
 * in, runs out of attempts, or the server closes the connection.
 */
function attempt(port: number, attempts: Attempt[]): Promise<Outcome> {
  const c = new Client();
  const calls: number[] = [];
  let i = 0;
  const authHandler: AuthHandlerMiddleware = (_left, _partial, nextMethod) => {
    calls.push(performance.now());
    // ssh2 takes `false` for "no more methods"; its types leave that out.
    const next = nextMethod as (m: AnyAuthMethod | false) => void;
    const a = attempts[i++];
    if (!a) return next(false);
    if (a.type === 'keyboard-interactive') {
      return next({ type: 'keyboard-interactive', username: a.username, prompt: (_n, _i, _l, _p, finish) => finish([a.answer]) });
    }
    next(a);
  };
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Outcome['result']): void => {
      if (settled) return;
      settled = true;
      resolve({ calls, result, client: c });
    };
    c.once('ready', () => done('ready'));
    c.on('error', (err: Error) => {
      if (/All configured authentication methods failed/.test(err.message)) done('exhausted');
    });
    c.once('close', () => done('closed'));
    c.connect({ host: '127.0.0.1', port, username: attempts[0]!.username, authHandler, readyTimeout: 60_000 });
  });
}

const wrong = (n: number, username = TEST_USER.name): Attempt[] => Array.from({ length: n }, (_, k) => ({ type: 'password' as const, username, password: `wrong${k}` }));

function yamlDevice(limits: Record<string, unknown>): { yaml: Record<string, unknown> } {
  return { yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], limits, devices: [{ name: 'r1', port: 0 }] } };
}

describe('SSH login attempts: Junos retry-options per connection', function () {
  this.timeout(30_000);

  describe('tries-before-disconnect and the backoff', () => {
    let t: TestEmulator;
    before(async () => {
      t = await startTestEmulator(yamlDevice({ 'tries-before-disconnect': 3, 'backoff-threshold': 1, 'backoff-factor': '60ms' }));
    });
    after(async () => t?.stop());

    it('closes the connection at the 3rd failed password; a 4th is never asked for', async () => {
      const o = await attempt(t.port, wrong(20));
      expect(o.result).to.equal('closed');
      // The first call asks for attempt 1; each later call follows an answered failure.
      expect(o.calls).to.have.length(3);
    });

    it('answers each failure from backoff-threshold on no sooner than factor x (failures - threshold + 1)', async () => {
      const o = await attempt(t.port, wrong(20));
      const gaps = o.calls.slice(1).map((at, k) => at - o.calls[k]!);
      expect(gaps[0]).to.be.at.least(60 - 1); // failure 1: 60 ms
      expect(gaps[1]).to.be.at.least(120 - 1); // failure 2: 120 ms
    });

    it('keyboard-interactive answers are password tries too', async () => {
      const kbd: Attempt = { type: 'keyboard-interactive', username: TEST_USER.name, answer: 'nope' };
      const o = await attempt(t.port, [kbd, kbd, kbd, kbd, kbd]);
      expect(o.result).to.equal('closed');
      expect(o.calls).to.have.length(3);
    });

    it('the right password within the tries still logs in', async () => {
      const o = await attempt(t.port, [...wrong(2), { type: 'password', username: TEST_USER.name, password: TEST_USER.password }]);
      expect(o.result).to.equal('ready');
      o.client.end();
    });
  });

  describe('a connection waiting out its backoff stalls nobody', () => {
    let t: TestEmulator;
    before(async () => {
      t = await startTestEmulator(yamlDevice({ 'backoff-threshold': 1, 'backoff-factor': '60s' }));
    });
    after(async () => t?.stop());

    it('another client logs in and runs RPCs while the failure is unanswered', async () => {
      let answered = false;
      const pending = attempt(t.port, wrong(2)).then((o) => {
        answered = true;
        return o;
      });
      const other = await t.client();
      expect(await other.rpc('<get-software-information/>')).to.include('<software-information');
      other.close();
      expect(answered, 'the failed attempt is still waiting for its answer').to.equal(false);
      await t.stop(); // ends the waiting connection
      await pending;
    });
  });

  describe('public keys', () => {
    let t: TestEmulator;
    before(async () => {
      t = await startTestEmulator(yamlDevice({ 'tries-before-disconnect': 1, 'max-publickey-tries': 4 }));
    });
    after(async () => t?.stop());
    const keys = Array.from({ length: 6 }, (_, k) => newEd25519KeyPair(`agent-key-${k}`).private);
    const offer = (n: number): Attempt[] => keys.slice(0, n).map((key) => ({ type: 'publickey' as const, username: TEST_USER.name, key }));

    it('keys an agent offers are not password tries: 3 unknown keys, then the password logs in (tries-before-disconnect 1)', async () => {
      const o = await attempt(t.port, [...offer(3), { type: 'password', username: TEST_USER.name, password: TEST_USER.password }]);
      expect(o.result).to.equal('ready');
      o.client.end();
    });

    it('they have their own budget: max-publickey-tries 4 closes the connection at the 4th unknown key', async () => {
      const o = await attempt(t.port, [...offer(6), { type: 'password', username: TEST_USER.name, password: TEST_USER.password }]);
      expect(o.result).to.equal('closed');
      expect(o.calls).to.have.length(4);
    });
  });

  describe('system login retry-options in the device configuration', () => {
    let t: TestEmulator;
    let admin: NetconfClient;
    before(async () => {
      t = await startTestEmulator(); // no limits: only the configuration sets retry-options
      admin = await t.client();
    });
    after(async () => t?.stop());

    const commit = async (set: string): Promise<string> => {
      const load = await admin.rpc(`<load-configuration action="set" format="text"><configuration-set>${set}</configuration-set></load-configuration>`);
      expect(load).to.not.include('<rpc-error>');
      return admin.rpc('<commit-configuration/>');
    };

    it('a committed tries-before-disconnect applies to the next connection', async () => {
      // backoff-threshold 3: the two failures are answered at once.
      const set = 'set system login retry-options tries-before-disconnect 2\nset system login retry-options backoff-threshold 3';
      expect(await commit(set)).to.include('<commit-success/>');
      const o = await attempt(t.port, wrong(6));
      expect(o.result).to.equal('closed');
      expect(o.calls).to.have.length(2);
    });

    it('values outside Junos ranges are refused (by the release schema, at load)', async () => {
      const reply = await admin.rpc('<load-configuration action="set" format="text"><configuration-set>set system login retry-options backoff-factor 11</configuration-set></load-configuration>');
      expect(reply).to.include('<load-configuration-results>\n<rpc-error>');
      expect(reply).to.include('<bad-element>backoff-factor</bad-element>');
      expect(reply).to.include('Value 11 is not within range (5..10)');
      expect(await admin.rpc('<commit-configuration/>')).to.include('<commit-success/>');
      await admin.rpc('<discard-changes/>');
    });
  });
});
