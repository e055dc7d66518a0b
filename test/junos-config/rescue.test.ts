/**
 * The rescue configuration and the commit history over NETCONF and as CLI
 * commands (issue 12): request-save/delete-rescue-configuration,
 * get-rescue-information, load-configuration rescue="rescue",
 * get-rollback-information; durable like commits, kept across a restart.
 */
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const setLoad = (lines: string): string => `<load-configuration action="set" format="text"><configuration-set>${lines}</configuration-set></load-configuration>`;
const output = (r: string): string | undefined => /<configuration-output>([\s\S]*?)<\/configuration-output>/.exec(r)?.[1];
const message = (r: string): string | undefined => /<error-message>([\s\S]*?)<\/error-message>/.exec(r)?.[1];

describe('configuration: rescue configuration and rollback information', function () {
  const stateDir = mkdtempSync(join(tmpdir(), 'junos-emulator-rescue-'));
  const yaml = {
    users: [
      { name: TEST_USER.name, password: TEST_USER.password },
      { name: 'op', password: 'op123', class: 'operator' },
    ],
    speed: 'instant',
    'state-dir': stateDir,
    devices: [{ name: 'r1', profile: 'mx960', port: 0 }],
  };
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({ yaml });
  });
  after(async () => t?.stop());

  it('no rescue yet: get-rescue-information and rescue="rescue" are errors; delete is ok regardless', async () => {
    const c = await t.client();
    expect(message(await c.rpc('<get-rescue-information><format>text</format></get-rescue-information>'))).to.equal('rescue configuration is not set');
    expect(message(await c.rpc('<load-configuration rescue="rescue"/>'))).to.equal('rescue configuration is not set');
    expect(await c.rpc('<request-delete-rescue-configuration/>')).to.include('<ok/>');
  });

  it('save keeps the committed configuration (not the candidate); get shows it as text and XML; reload makes it the candidate', async () => {
    const c = await t.client();
    await c.rpc(setLoad('set system host-name rescued'));
    await c.rpc('<commit-configuration/>');
    await c.rpc(setLoad('set system host-name uncommitted'));
    expect(await c.rpc('<request-save-rescue-configuration/>')).to.include('<ok/>');
    const text = await c.rpc('<get-rescue-information><format>text</format></get-rescue-information>');
    expect(text).to.match(/<rescue-information>\n<configuration-information>\n<configuration-output>/);
    expect(output(text)).to.include('    host-name rescued;\n').and.not.include('uncommitted');
    const xml = await c.rpc('<get-rescue-information/>');
    expect(xml).to.match(/<rescue-information>\n<configuration>/).and.include('<host-name>rescued</host-name>');
    // Move on, then load the rescue configuration back into the candidate.
    await c.rpc(setLoad('set system host-name later'));
    await c.rpc('<commit-configuration/>');
    expect(await c.rpc('<load-configuration rescue="rescue"/>')).to.include('<load-configuration-results>');
    expect(output(await c.rpc('<get-configuration compare="rollback" rollback="0" format="text"/>'))).to.equal('\n[edit system]\n-  host-name later;\n+  host-name rescued;\n');
    await c.rpc('<discard-changes/>');
  });

  it('the CLI forms run the same RPCs (<command>)', async () => {
    const c = await t.client();
    expect(output(await c.rpc('<command format="text">show system configuration rescue</command>'))).to.include('host-name rescued;');
    expect(await c.rpc('<command>request system configuration rescue delete</command>')).to.include('<ok/>');
    expect(message(await c.rpc('<command format="text">show system configuration rescue</command>'))).to.equal('rescue configuration is not set');
    expect(await c.rpc('<command>request system configuration rescue save</command>')).to.include('<ok/>');
  });

  it('an operator may read but not save or delete it (maintenance)', async () => {
    const op = await t.client({ username: 'op', password: 'op123' });
    expect(message(await op.rpc('<request-save-rescue-configuration/>'))).to.equal('permission denied');
    expect(message(await op.rpc('<request-delete-rescue-configuration/>'))).to.equal('permission denied');
    expect(await op.rpc('<get-rescue-information/>')).to.include('<rescue-information>');
  });

  it('get-rollback-information: rollback N as XML and text, and compare M as a Junos diff', async () => {
    const c = await t.client();
    const xml = await c.rpc('<get-rollback-information><rollback>1</rollback></get-rollback-information>');
    expect(xml).to.match(/<rollback-information>\n<ok\/>\n<configuration junos:commit-seconds="\d+"/).and.include('<host-name>rescued</host-name>');
    const text = await c.rpc('<get-rollback-information><rollback>1</rollback><format>text</format></get-rollback-information>');
    expect(output(text)).to.match(/^\n?## Last commit: .* by lab\n/).and.include('host-name rescued;');
    const diff = await c.rpc('<get-rollback-information><rollback>1</rollback><compare>0</compare></get-rollback-information>');
    expect(output(diff)).to.equal('\n[edit system]\n-  host-name rescued;\n+  host-name later;\n');
    expect(output(await c.rpc('<command format="text">show system rollback 1 compare 0</command>'))).to.equal(output(diff));
    expect(message(await c.rpc('<get-rollback-information><rollback>30</rollback></get-rollback-information>'))).to.equal('rollback 30 does not exist');
    expect(message(await c.rpc('<get-rollback-information/>'))).to.match(/^missing argument/);
  });

  it('the rescue configuration is kept with the device state across a restart', async () => {
    await t.stop();
    t = await startTestEmulator({ yaml });
    const c = await t.client();
    expect(output(await c.rpc('<get-rescue-information><format>text</format></get-rescue-information>'))).to.include('host-name later;');
  });
});
