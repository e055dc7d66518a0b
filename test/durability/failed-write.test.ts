/**
 * A write that fails is an rpc-error to the RPC that changed the state (or a
 * 500 to the control API), never silence, and the device keeps serving. The
 * failure is real: the device's state folder is replaced by a regular file,
 * which stops root too (chmod would not).
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { startEmulator, type Emulator } from '../../src/index.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

const USER = { name: 'lab', password: 'lab123' };

function rpcErrorMessages(reply: string): string[] {
  return [...reply.matchAll(/<error-message>([^<]*)<\/error-message>/g)].map((m) => m[1]!);
}

describe('durability: a failing write', function () {
  let emu: Emulator;
  let stateDir: string;
  let deviceDir: string;
  const connect = (): Promise<NetconfClient> => NetconfClient.connect({ host: '127.0.0.1', port: emu.device('r1').port, username: USER.name, password: USER.password });
  const breakDisk = (): void => {
    rmSync(deviceDir, { recursive: true, force: true });
    writeFileSync(deviceDir, 'not a directory\n');
  };
  const repairDisk = (): void => rmSync(deviceDir, { force: true });
  const setHostName = (c: NetconfClient, name: string): Promise<string> =>
    c.rpc(`<load-configuration action="set" format="text"><configuration-set>set system host-name ${name}</configuration-set></load-configuration>`);

  beforeEach(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'junos-emulator-failwrite-'));
    deviceDir = join(stateDir, 'r1');
    emu = await startEmulator({ keysDir: TEST_KEYS_DIR, users: [USER], stateDir, controlPort: 0, speed: 'instant', devices: [{ name: 'r1' }] });
  });
  afterEach(async () => {
    await emu?.stop();
  });

  it('a commit whose state cannot be written answers an rpc-error; the device keeps serving and saves once it can', async () => {
    const c = await connect();
    breakDisk();
    // The load changes the candidate, which is saved too: it fails the same way.
    expect(rpcErrorMessages(await setHostName(c, 'first'))[0]).to.match(/^could not save the device state: /);
    const reply = await c.rpc('<commit-configuration/>');
    expect(reply).to.not.include('<commit-success/>');
    expect(reply).to.include('<error-severity>error</error-severity>');
    expect(rpcErrorMessages(reply)[0]).to.match(/^could not save the device state: .*(EEXIST|ENOTDIR)/);
    // Still serving: this session, a new one, a read.
    expect(await c.rpc('<get-software-information/>')).to.include('<software-information');
    const other = await connect();
    expect(await other.rpc('<get-configuration database="committed" format="set"/>')).to.include('set system host-name');
    repairDisk();
    await setHostName(c, 'second');
    expect(await c.rpc('<commit-configuration/>')).to.include('<commit-success/>');
    // What the ack promised is on disk now.
    const saved = JSON.parse(readFileSync(join(deviceDir, 'r1.state.json'), 'utf8')) as { configuration: { history: Array<{ tree: unknown }> } };
    expect(JSON.stringify(saved.configuration.history[0]!.tree)).to.include('second');
    c.close();
    other.close();
  });

  it('a snapshot whose state cannot be written answers an rpc-error', async () => {
    const c = await connect();
    breakDisk();
    const reply = await c.rpc('<request-snapshot/>');
    expect(rpcErrorMessages(reply)[0]).to.match(/^could not save the device state: /);
    expect(reply).to.not.include('<snapshot-information');
    repairDisk();
    expect(await c.rpc('<request-snapshot/>')).to.include('<snapshot-information');
    c.close();
  });

  it('a control API settings change whose state cannot be written answers 500 with a JSON error', async () => {
    breakDisk();
    const res = await fetch(`${emu.controlUrl!}/devices/r1/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'media-speed-mbps': 50 }),
    });
    expect(res.status).to.equal(500);
    const body = (await res.json()) as { error: string };
    expect(body.error).to.match(/^could not save the device state: /);
    repairDisk();
    const ok = await fetch(`${emu.controlUrl!}/devices/r1/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(ok.status).to.equal(200);
    expect(existsSync(join(deviceDir, 'r1.state.json'))).to.equal(true);
  });
});
