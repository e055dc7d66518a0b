/**
 * SSH workers (src/workers): sessions whose SSH runs in different worker
 * processes share one device, so locks, commits and kill-session behave as
 * in one process; flow control still holds through a worker; a worker that
 * dies takes only its connections with it.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import ssh2 from 'ssh2';
import { frameMessage } from '../../src/framing/encoder.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';
const LOCK = '<lock><target><candidate/></target></lock>';

function sessionId(c: NetconfClient): string {
  return /<session-id>(\d+)</.exec(c.serverHello)![1]!;
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  for (let i = 0; i < 600 && !cond(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!cond()) throw new Error(`never: ${what}`);
}

describe('SSH workers: sessions in different worker processes share one device', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        speed: 'instant',
        workers: 2,
        limits: { 'max-pending-rpcs': 8 },
        devices: [{ name: 'r1', port: 0 }],
      },
    });
    // Every connection to a worker, none kept by the owner: what is tested is the cross-process path.
    t.emulator.workers.ownerWeight = Number.POSITIVE_INFINITY;
    await t.emulator.workers.warm();
  });
  after(async () => t.stop());

  it('places two sessions in two workers; the second is denied the lock the first holds', async () => {
    const a = await t.client();
    const b = await t.client();
    expect(t.emulator.workers.placement()).to.deep.equal({ owner: 0, workers: [1, 1] });
    expect(await a.rpc(LOCK)).to.include('<ok/>');
    const denied = await b.rpc(LOCK);
    expect(denied).to.include('<error-tag>lock-denied</error-tag>');
    expect(denied).to.include(`<session-id>${sessionId(a)}</session-id>`);
    expect(await a.rpc('<unlock><target><candidate/></target></unlock>')).to.include('<ok/>');
    expect(await b.rpc(LOCK)).to.include('<ok/>');
    expect(await b.rpc('<unlock><target><candidate/></target></unlock>')).to.include('<ok/>');
    a.close();
    b.close();
    await until(() => t.emulator.devices[0]!.sessions.size === 0, 'sessions end');
  });

  it('a commit made through one worker is what a session in another reads', async () => {
    const a = await t.client();
    const b = await t.client();
    const set = '<load-configuration action="set" format="text"><configuration-set>set system host-name across-workers</configuration-set></load-configuration>';
    expect(await a.rpc(set)).to.not.include('<rpc-error>');
    expect(await a.rpc('<commit/>')).to.not.include('<rpc-error>');
    expect(await b.rpc('<get-config><source><running/></source></get-config>')).to.include('<host-name>across-workers</host-name>');
    a.close();
    b.close();
  });

  it('kill-session from one worker ends a session in another and releases its lock', async () => {
    const a = await t.client();
    const b = await t.client();
    expect(await a.rpc(LOCK)).to.include('<ok/>');
    expect(await b.rpc(`<kill-session><session-id>${sessionId(a)}</session-id></kill-session>`)).to.include('<ok/>');
    await a.waitClosed();
    expect(await b.rpc(LOCK)).to.include('<ok/>');
    b.close();
  });

  it('flow control holds through a worker: a client that does not read stops the server reading, then gets every reply in order', async () => {
    const c = await t.client();
    const device = t.emulator.devices[0]!;
    c.pauseReading();
    const total = 20_000;
    const batch: Buffer[] = [];
    for (let i = 1; i <= total; i++) batch.push(frameMessage(`<rpc xmlns="${NS}" message-id="${i}"><get-software-information/></rpc>`, 'eom'));
    c.sendRaw(Buffer.concat(batch));
    const session = (): { rpcCount: number } => [...device.sessions.list()].find((s) => String(s.id) === sessionId(c)) as unknown as { rpcCount: number };
    // The session stops reading (the request log says so) long before it has answered everything.
    await new Promise<void>((resolve) => {
      const off = t.emulator.requestLog.subscribe((e) => {
        if (e.direction === 'event' && /^input paused/.test(e.event ?? '')) {
          off();
          resolve();
        }
      });
    });
    expect(session().rpcCount).to.be.below(total);
    c.resumeReading();
    for (let i = 1; i <= total; i++) {
      const m = await c.next();
      if (!m.includes(`message-id="${i}"`)) throw new Error(`reply ${i} out of order: ${m.slice(0, 120)}`);
    }
    c.close();
  });

  it('replies are acknowledged by the worker in steps of 8 KiB, not one frame each; a large one arrives whole', async () => {
    const c = await t.client();
    const pool = t.emulator.workers;
    const before = pool.framesReceived().ack;
    let bytes = 0;
    for (let i = 0; i < 20; i++) {
      const reply = await c.rpc('<get-software-information/>');
      expect(reply).to.include('<software-information>');
      bytes += Buffer.byteLength(reply);
    }
    // One acknowledgement per 8 KiB the worker's ssh2 took (framing and the hello make it a little more).
    expect(pool.framesReceived().ack - before).to.be.at.most(Math.ceil(bytes / 8192) + 1);
    const set = `<load-configuration action="set" format="text"><configuration-set>${Array.from({ length: 400 }, (_, i) => `set interfaces ge-0/0/${i} description "a long enough description for line ${i}"`).join('\n')}</configuration-set></load-configuration>`;
    expect(await c.rpc(set)).to.not.include('<rpc-error>');
    const big = await c.rpc('<get-configuration database="candidate"/>');
    expect(big.length).to.be.above(40_000);
    expect(big).to.include('ge-0/0/399');
    expect(pool.framesReceived().ack - before).to.be.above(0);
    await c.rpc('<discard-changes/>');
    c.close();
  });

  it('the worker answers `none` itself with the methods offered (no round trip to the owner); the password after it logs in', async () => {
    const pool = t.emulator.workers;
    const login = async (nones: number): Promise<{ frames: number; methods: string[] }> => {
      const before = pool.framesReceived().control;
      const c = new ssh2.Client();
      const methods: string[] = [];
      let left = nones;
      await new Promise<void>((resolve, reject) => {
        c.once('ready', () => resolve());
        c.once('error', reject);
        c.connect({
          host: '127.0.0.1',
          port: t.port,
          username: TEST_USER.name,
          authHandler: (offered: string[] | null, _partial: boolean | null, next: (m: unknown) => void) => {
            if (offered) methods.splice(0, methods.length, ...offered);
            if (left-- > 0) return next('none');
            next({ type: 'password', username: TEST_USER.name, password: TEST_USER.password });
          },
        } as ssh2.ConnectConfig);
      });
      await new Promise<void>((resolve) => {
        c.once('close', () => resolve());
        c.end();
      });
      await until(() => t.emulator.devices[0]!.sessions.size === 0 && pool.placement().workers.every((n) => n === 0), 'connection gone');
      return { frames: pool.framesReceived().control - before, methods };
    };
    // Frames of an earlier connection (its last window acks, its close) can still arrive while one is measured:
    // each count is the fewer of two logins, which only such stragglers can make differ.
    const fewest = async (nones: number): Promise<{ frames: number; methods: string[] }> => {
      const [a, b] = [await login(nones), await login(nones)];
      return a.frames <= b.frames ? a : b;
    };
    const one = await fewest(1);
    const three = await fewest(3);
    expect(three.methods).to.deep.equal(['publickey', 'password', 'keyboard-interactive']);
    expect(three.frames).to.equal(one.frames);
  });

  it('a worker that dies closes its own connections only; the device, its other sessions and its locks live on, and a new worker serves', async () => {
    const a = await t.client();
    const b = await t.client();
    expect(await a.rpc(LOCK)).to.include('<ok/>');
    const [pid] = t.emulator.workers.pids();
    const before = t.emulator.workers.restartCount;
    process.kill(pid!, 'SIGKILL');
    await until(() => t.emulator.workers.restartCount === before + 1, 'the pool sees the worker exit');
    // One of a, b was in the dead worker: its session ended (and its lock with it, if it was a).
    await until(() => a.closed || b.closed, 'the dead worker\u2019s client sees its connection close');
    const survivors = [a, b].filter((c) => !c.closed);
    expect(survivors).to.have.length(1);
    await until(() => t.emulator.devices[0]!.sessions.size === 1, 'the dead worker\u2019s session ends');
    const c = await t.client();
    expect(await c.rpc('<get-config><source><running/></source></get-config>')).to.include('<host-name>across-workers</host-name>');
    const lock = await c.rpc(LOCK);
    if (survivors[0] === a) expect(lock).to.include('lock-denied');
    else expect(lock).to.include('<ok/>');
    expect(t.emulator.workers.pids()).to.have.length(2);
    for (const x of [a, b, c]) x.close();
  });
});

describe('SSH workers: OpenSSH sends its stdin right behind the subsystem request', function () {
  let t: TestEmulator;
  let key: string;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-worker-key-'));
    key = join(dir, 'id_ed25519');
    await new Promise<void>((resolve, reject) => execFile('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key], (err) => (err ? reject(err) : resolve())));
    writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${key}.pub`));
    t = await startTestEmulator({
      yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password, 'authorized-keys': join(dir, 'authorized_keys') }], speed: 'instant', workers: 1, devices: [{ name: 'r1', port: 0 }] },
    });
    t.emulator.workers.ownerWeight = Number.POSITIVE_INFINITY;
    await t.emulator.workers.warm();
  });
  after(async () => t.stop());

  it('a hello, an RPC and EOF sent before the subsystem is accepted all arrive (ssh2 drops data for a channel not yet accepted)', async () => {
    const input =
      `<hello xmlns="${NS}"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>` +
      `<rpc message-id="1" xmlns="${NS}"><get-config><source><running/></source></get-config></rpc>]]>]]>` +
      `<rpc message-id="2" xmlns="${NS}"><close-session/></rpc>]]>]]>`;
    const args = ['-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes', '-i', key, '-o', 'IdentitiesOnly=yes', '-p', String(t.port), `${TEST_USER.name}@127.0.0.1`, '-s', 'netconf'];
    for (let i = 0; i < 5; i++) {
      const out = await new Promise<string>((resolve, reject) => {
        const child = execFile('ssh', args, { timeout: 30_000 }, (err, stdout, stderr) => (err ? reject(new Error(`ssh: ${err.message} ${stderr}`)) : resolve(stdout)));
        // A child that exits before reading its stdin makes the write fail with EPIPE: its exit status tells what happened.
        child.stdin!.on('error', () => undefined);
        child.stdin!.end(input);
      });
      expect(out).to.include('<host-name>r1</host-name>');
      expect(out).to.match(/message-id="2"[^>]*>\n<ok\/>/);
    }
    expect(t.emulator.workers.placement().owner).to.equal(0);
  });
});

describe('SSH workers: 0 keeps every connection in the owner', function () {
  it('--workers 0 starts no worker process', async () => {
    const t = await startTestEmulator({ cli: { workers: '0' } });
    try {
      const a = await t.client();
      const b = await t.client();
      expect(await b.rpc('<get-software-information/>')).to.include('<software-information>');
      expect(t.emulator.workers.placement()).to.deep.equal({ owner: 2, workers: [] });
      a.close();
      b.close();
    } finally {
      await t.stop();
    }
  });

  it('a bad worker count is a configuration error', async () => {
    let err: unknown;
    try {
      await startTestEmulator({ cli: { workers: 'many' } });
    } catch (e) {
      err = e;
    }
    expect(String(err)).to.include('--workers: expected an integer');
  });
});

describe('SSH workers: a few sessions stay in the owner, on any device of a fleet', function () {
  it('keeps the first four connections (on the first and last of five devices) in the owner, the fifth goes to the worker', async () => {
    const t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        speed: 'instant',
        workers: 1,
        fleet: { count: 5, 'base-port': 0, profile: 'mx960', 'name-prefix': 'f' },
      },
    });
    const clients: NetconfClient[] = [];
    try {
      await t.emulator.workers.warm();
      const devices = t.emulator.devices;
      const port = (i: number): number => devices[i]!.ports()[0]!.port;
      // The fleet-start bench's shape: sessions on the first and the last device; a lone second session
      // once ran through the worker at half the rate of the first (issue 15).
      for (const i of [0, devices.length - 1, 0, devices.length - 1]) {
        clients.push(await t.client({ port: port(i) }));
      }
      expect(t.emulator.workers.placement()).to.deep.equal({ owner: 4, workers: [0] });
      clients.push(await t.client({ port: port(2) }));
      expect(t.emulator.workers.placement()).to.deep.equal({ owner: 4, workers: [1] });
      expect(await clients[4]!.rpc('<get-software-information/>')).to.include('<host-name>f3</host-name>');
    } finally {
      for (const c of clients) c.close();
      await t.stop();
    }
  });
});
