import { expect } from 'chai';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { startEmulator, type Emulator } from '../../src/index.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';
import { waitFor } from '../support/wait.js';

// Response bodies are checked field by field; a loose type keeps the assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const USER = { name: 'lab', password: 'lab123' };
const TOKEN = 't0ken';

/** Every endpoint of the control API over HTTP, with our own NETCONF client on the wire. */
describe('control API over HTTP', function () {
  let emu: Emulator;
  const call = async (method: string, path: string, body?: unknown, token: string | null = TOKEN): Promise<{ status: number; json: Json }> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    const res = await fetch(`${emu.controlUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  };
  const connect = (device = 'r1'): Promise<NetconfClient> =>
    NetconfClient.connect({ host: '127.0.0.1', port: emu.device(device).port, username: USER.name, password: USER.password });

  before(async () => {
    emu = await startEmulator({
      keysDir: TEST_KEYS_DIR,
      users: [USER],
      controlPort: 0,
      controlToken: TOKEN,
      speed: 1000,
      devices: [{ name: 'r1' }, { name: 'j1', profile: 'j2350', settings: { 'inserted-media': ['usb'] } }],
    });
  });
  after(async () => emu?.stop());

  it('refuses a missing or wrong token with 401', async () => {
    expect((await call('GET', '/devices', undefined, null)).status).to.equal(401);
    expect((await call('GET', '/devices', undefined, 'nope')).status).to.equal(401);
  });

  it('lists devices with ports, logins and live sessions; kills a session', async () => {
    const c = await connect();
    const { json } = await call('GET', '/devices');
    expect(json.map((d: { name: string }) => d.name)).to.deep.equal(['r1', 'j1']);
    const r1 = json[0];
    expect(r1.ports[0].port).to.equal(emu.device('r1').port);
    expect(r1.users[0]).to.deep.include({ name: 'lab', password: 'lab123' });
    expect(r1.sessions).to.have.length(1);
    const id = r1.sessions[0].id;
    expect((await call('DELETE', `/devices/r1/sessions/${id}`)).json).to.deep.equal({ killed: id });
    await c.waitClosed();
    expect((await call('GET', '/devices/r1/sessions')).json).to.deep.equal([]);
    expect((await call('DELETE', '/devices/r1/sessions/99')).status).to.equal(404);
    expect((await call('GET', '/devices/nope')).status).to.equal(404);
  });

  it('stop makes the port refuse connections; start brings it back on the same port', async () => {
    const port = emu.device('r1').port;
    expect((await call('POST', '/devices/r1/stop')).json.running).to.equal(false);
    let refused = false;
    await connect().catch(() => (refused = true));
    expect(refused).to.equal(true);
    const started = await call('POST', '/devices/r1/start');
    expect(started.json.ports[0].port).to.equal(port);
    (await connect()).close();
  });

  it('reads and changes settings; bad keys and values are 400 naming the key; reset restores', async () => {
    expect((await call('GET', '/devices/r1/settings')).json['boot-media']).to.equal('flash');
    const changed = await call('PATCH', '/devices/r1/settings', { 'boot-media': 'disk', 'mirror-flash-on-disk': true });
    expect(changed.json).to.deep.include({ 'boot-media': 'disk', 'mirror-flash-on-disk': true });
    const c = await connect();
    const refused = await c.rpc('<request-snapshot/>');
    expect(refused).to.include('mirror-flash-on-disk is configured');
    c.close();
    const bad = await call('PATCH', '/devices/r1/settings', { 'boot-media': 'tape' });
    expect(bad.status).to.equal(400);
    expect(bad.json.error).to.match(/settings\.boot-media/);
    expect((await call('PATCH', '/devices/r1/settings', { colour: 'red' })).json.error).to.match(/settings\.colour: unknown setting/);
    expect((await call('PATCH', '/devices/r1/settings', '[')).status).to.equal(400);
    const reset = await call('POST', '/devices/r1/reset');
    expect(reset.json).to.deep.include({ 'boot-media': 'flash', 'mirror-flash-on-disk': false });
  });

  it('clock: pause, a 15-minute snapshot waits, advance completes it; speed and resume', async () => {
    expect((await call('POST', '/clock/pause')).json.paused).to.equal(true);
    const c = await connect();
    let done = false;
    const reply = c.rpc('<request-snapshot/>').then((r) => ((done = true), r));
    // The snapshot waits on the clock once its request has arrived; a fixed sleep may end before that on a loaded machine.
    await waitFor(async () => (await call('GET', '/clock')).json.pending >= 1, 'the snapshot waiting on the clock');
    expect(done).to.equal(false);
    await call('POST', '/clock/advance', { by: '15m' });
    expect(await reply).to.include('<snapshot-copy>');
    c.close();
    expect((await call('POST', '/clock/advance', { by: 'soon' })).status).to.equal(400);
    expect((await call('POST', '/clock/speed', { speed: 'instant' })).json.speed).to.equal('instant');
    expect((await call('POST', '/clock/speed', { speed: -1 })).status).to.equal(400);
    expect((await call('POST', '/clock/resume')).json.paused).to.equal(false);
  });

  it('request log: every message in and out with framing, filterable; clear', async () => {
    await call('DELETE', '/log');
    const c = await connect();
    await c.rpc('<get-system-storage/>');
    c.close();
    const all = (await call('GET', '/log?device=r1')).json;
    expect(all.map((e: { direction: string }) => e.direction)).to.include.members(['in', 'out']);
    const ins = (await call('GET', '/log?device=r1&direction=in&rpc=get-system-storage')).json;
    expect(ins).to.have.length(1);
    expect(ins[0]).to.include({ framing: 'eom', rpc: 'get-system-storage' });
    expect(ins[0].time).to.match(/^\d{4}-/);
    const since = (await call('GET', `/log?since=${ins[0].seq}&direction=out&limit=1`)).json;
    expect(since).to.have.length(1);
    expect(since[0].xml).to.include('system-storage-information');
    expect((await call('GET', '/log?colour=red')).status).to.equal(400);
    expect((await call('GET', '/log?direction=sideways')).status).to.equal(400);
  });

  it('faults: arm, list, clear one, clear all; a bad spec is 400 naming the key', async () => {
    const armed = await call('POST', '/faults', [{ id: 'a', device: 'r1', action: 'hang' }, { device: 'j1', action: 'delay', delay: '1s' }]);
    expect(armed.json.map((f: { id: string }) => f.id)).to.have.length(2);
    expect((await call('GET', '/faults')).json).to.have.length(2);
    expect((await call('DELETE', '/faults/a')).json).to.deep.equal({ cleared: 'a' });
    expect((await call('DELETE', '/faults/a')).status).to.equal(404);
    expect((await call('DELETE', '/faults')).status).to.equal(200);
    expect((await call('GET', '/faults')).json).to.deep.equal([]);
    const bad = await call('POST', '/faults', { action: 'delay', delay: '1s', colour: 'red' });
    expect(bad.status).to.equal(400);
    expect(bad.json.error).to.equal('fault.colour: unknown key for action delay');
    expect((await call('POST', '/faults', { action: 'explode' })).status).to.equal(400);
    expect((await call('POST', '/faults', { action: 'hang', device: 'ghost' })).json.error).to.match(/ghost/);
    expect((await call('PUT', '/faults')).status).to.equal(405);
  });
});
