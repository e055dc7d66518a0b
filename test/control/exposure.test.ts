import { expect } from 'chai';
import { request } from 'node:http';
import { startEmulator, type Emulator } from '../../src/index.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

interface Reply {
  status: number;
  body: string;
}

/** A raw HTTP request, so Host, Origin and Content-Type can be whatever a browser or an attacker sends. */
function http(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method, path, headers, setHost: headers['host'] === undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('control API exposure: loopback, Host, Origin, content type, clock range', function () {
  let emu: Emulator;
  let url: string;
  const running = async (): Promise<boolean> => (JSON.parse((await http(url, 'GET', '/devices/r1')).body) as { running: boolean }).running;

  before(async () => {
    // Devices on another loopback address: the control API must not follow them.
    emu = await startEmulator({ keysDir: TEST_KEYS_DIR, host: '127.0.0.2', controlPort: 0, devices: [{ name: 'r1' }] });
    url = emu.controlUrl!;
  });
  after(async () => emu?.stop());

  it('listens on 127.0.0.1 unless told otherwise, whatever host the devices use', async () => {
    expect(new URL(url).hostname).to.equal('127.0.0.1');
    expect(emu.devices[0]!.host).to.equal('127.0.0.2');
    expect((await http(url, 'GET', '/clock')).status).to.equal(200);
  });

  it('refuses a DNS name in Host (DNS rebinding) without a token, and names no password', async () => {
    const port = new URL(url).port;
    const r = await http(url, 'GET', '/devices', { host: `attacker.example:${port}` });
    expect(r.status).to.equal(403);
    expect(r.body).to.not.include('admin123');
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await http(url, 'GET', '/clock', { host })).status, host).to.equal(200);
    }
  });

  it('refuses any request a web page sends (Origin, sec-fetch-site)', async () => {
    const read = await http(url, 'GET', '/devices', { origin: 'http://evil.example' });
    expect(read.status).to.equal(403);
    expect(read.body).to.not.include('admin123');
    expect((await http(url, 'GET', '/devices', { origin: 'null' })).status).to.equal(403);
    expect((await http(url, 'GET', '/devices', { 'sec-fetch-site': 'cross-site' })).status).to.equal(403);
    expect((await http(url, 'POST', '/devices/r1/stop', { origin: 'http://evil.example' })).status).to.equal(403);
    expect(await running()).to.equal(true);
  });

  it('refuses bodies that are not declared JSON with 415 (a simple cross-origin POST cannot declare it)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await http(url, 'POST', '/devices/r1/stop', { 'content-type': type }, '{}');
      expect(r.status, type).to.equal(415);
    }
    expect((await http(url, 'POST', '/clock/advance', {}, '{"by": "1s"}')).status).to.equal(415);
    expect(await running()).to.equal(true);
    const ok = await http(url, 'POST', '/clock/advance', { 'content-type': 'application/json; charset=utf-8' }, '{"by": "1s"}');
    expect(ok.status).to.equal(200);
  });

  it('answers an out-of-range /clock/advance with 400 and the clock keeps working', async () => {
    const before = JSON.parse((await http(url, 'GET', '/clock')).body) as { now: number };
    for (const by of [1e300, '99999999999999h']) {
      const r = await http(url, 'POST', '/clock/advance', { 'content-type': 'application/json' }, JSON.stringify({ by }));
      expect(r.status, String(by)).to.equal(400);
      expect(r.body).to.include('9999-12-31');
    }
    const after = await http(url, 'GET', '/clock');
    expect(after.status).to.equal(200);
    expect((JSON.parse(after.body) as { now: number }).now).to.be.within(before.now, before.now + 86_400_000);
  });

  it('answers an out-of-range /clock/speed with 400 and the clock keeps working', async () => {
    for (const speed of [1e300, 0, -1, 'fast']) {
      const r = await http(url, 'POST', '/clock/speed', { 'content-type': 'application/json' }, JSON.stringify({ speed }));
      expect(r.status, String(speed)).to.equal(400);
    }
    const after = await http(url, 'GET', '/clock');
    expect(after.status).to.equal(200);
    expect(Number.isFinite((JSON.parse(after.body) as { now: number }).now)).to.equal(true);
  });

  it('control.host / controlHost moves it; with a token a DNS name in Host is fine', async () => {
    const other = await startEmulator({ keysDir: TEST_KEYS_DIR, controlHost: '127.0.0.3', controlPort: 0, controlToken: 'tok', devices: [{ name: 'r9' }] });
    try {
      const u = other.controlUrl!;
      expect(new URL(u).hostname).to.equal('127.0.0.3');
      const port = new URL(u).port;
      expect((await http(u, 'GET', '/clock', { host: `lab-box:${port}`, authorization: 'Bearer tok' })).status).to.equal(200);
      expect((await http(u, 'GET', '/clock', { host: `lab-box:${port}` })).status).to.equal(401);
      expect((await http(u, 'GET', '/clock', { authorization: 'Bearer tok', origin: 'http://evil.example' })).status).to.equal(403);
    } finally {
      await other.stop();
    }
  });
});
