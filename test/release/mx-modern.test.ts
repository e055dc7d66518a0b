/**
 * MX960 on Junos with upgraded FreeBSD (18.4, 21.4, 23.4): the options each
 * release takes, per-RE text output, `show system snapshot` as text only with
 * its recovery section, and what changes when the release changes.
 */
import { expect } from 'chai';
import { handler as softwareInformation } from '../../rpc/get-software-information.js';
import type { ProfileName } from '../../src/engine/index.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { RECOVERY_DATE, RECOVERY_SECTION } from './captures.js';
import { bodyOf, call, device, refusal, showSnapshot, snapshot, textOf } from './support.js';
import { placePackage } from '../upgrade/support.js';
import { WAIT_LIMIT_MS, waitFor } from '../support/wait.js';

/** What the audit script of the captures (code index 24379412079) reads out of the text. */
function auditParse(text: string): { nonRecovery: string[]; recovery: string | undefined; totalRecovery: string | undefined } {
  const [nonRecovery, recovery] = text.split('\nRecovery Snapshots:\n');
  return {
    nonRecovery: [...(nonRecovery ?? '').matchAll(/Snapshot\s(.*):\n\s+Location:\s.*\n\s+Creation date:\s.*\n\s+Junos version:\s(.*)\n/g)].map((m) => `${m[1]}=${m[2]}`),
    recovery: /Junos version: (.*)\n/.exec(recovery ?? '')?.[1],
    totalRecovery: /Total recovery snapshots: (\d+)\n/.exec(recovery ?? '')?.[1],
  };
}

const MODERN: ReadonlyArray<readonly [ProfileName, string]> = [
  ['mx960-18.4', '18.4R3.3'],
  ['mx960-21.4', '21.4R3.15'],
  ['mx960-23.4', '23.4R2.13'],
];

describe('release: MX960 with upgraded FreeBSD', () => {
  for (const [profile, version] of MODERN) {
    it(`${profile}: snapshot and recovery snapshot on both REs, each RE's text in its own <output>`, async () => {
      const dev = device(profile);
      expect(dev.model.settings.softwareVersion).to.equal(version);
      const xml = bodyOf(await snapshot(dev, { recovery: true, 'routing-engine': 'both' }, 'xml'));
      const outputs = [...xml.matchAll(/<re-name>(re[01])<\/re-name>\n<output>([\s\S]*?)<\/output>/g)];
      expect(outputs.map((m) => m[1])).to.deep.equal(['re0', 're1']);
      // Field scripts (code index 37451860305) look for this in each RE's output.
      for (const m of outputs) expect(m[2]).to.include('created successfully');
      await snapshot(dev);
      const shown = textOf(await showSnapshot(dev));
      expect(auditParse(shown).recovery).to.equal(version);
      expect(auditParse(shown).nonRecovery).to.have.length(1);
      expect(auditParse(shown).nonRecovery[0]).to.match(new RegExp(`^snap\\.\\d+=${version.replace(/\./g, '\\.')}$`));
      // show system snapshot | display xml is <output> only (README, 17.3R3).
      expect(bodyOf(await showSnapshot(dev, {}, 'xml'))).to.match(/^<output>Non-recovery snapshots:\n[\s\S]*<\/output>\n$/);
    });
  }

  it('the recovery section is the README capture, byte for byte', async () => {
    const dev = device('mx960-18.4');
    dev.model.routingEngine('re0')!.junosVolume!.recovery = { name: 'recovery.ufs', version: '15.1X53-D66.8', config: null, created: RECOVERY_DATE, factory: false };
    const text = textOf(await showSnapshot(dev));
    expect(text).to.equal(`No non-recovery snapshots available on the Junos volume\n\n${RECOVERY_SECTION}`);
  });

  it('options follow the release: recovery from 15.1, delete and load from 22.1, snapshot-name and force from 22.3; no partition', async () => {
    const syntax = (bad: string) => ({ message: 'syntax error', bad });
    expect(await refusal(snapshot(device('mx960-18.4'), { partition: true }))).to.deep.equal(syntax('partition'));
    expect(await refusal(snapshot(device('mx960-21.4'), { delete: 'snap.1' }))).to.deep.equal(syntax('delete'));
    expect(await refusal(snapshot(device('mx960-21.4'), { 'snapshot-name': 'pre' }))).to.deep.equal(syntax('snapshot-name'));
    expect(await refusal(snapshot(device('mx960'), { recovery: true }))).to.deep.equal(syntax('recovery'));
    const dev = device('mx960-23.4');
    expect(textOf(await snapshot(dev, { 'snapshot-name': 'pre-upgrade' }))).to.equal('Creating snapshot pre-upgrade ...\nSnapshot pre-upgrade created successfully\n');
    expect((await refusal(snapshot(dev, { 'snapshot-name': 'pre-upgrade' }))).message).to.equal('snapshot pre-upgrade already exists on re0; use force to replace it');
    await snapshot(dev, { 'snapshot-name': 'pre-upgrade', force: true, 'no-configuration': true });
    expect(textOf(await snapshot(dev, { load: 'pre-upgrade' }))).to.include('will be booted at the next reboot');
    expect(dev.system.pending?.version).to.equal('23.4R2.13');
    expect(textOf(await snapshot(dev, { delete: 'pre-upgrade' }))).to.equal('Deleting snapshot pre-upgrade ...\nSnapshot pre-upgrade deleted\n');
    expect(textOf(await showSnapshot(dev))).to.match(/^No non-recovery snapshots available on the Junos volume\n/);
    expect((await refusal(snapshot(dev, { media: 'usb' }))).bad).to.equal('usb');
  });

  it('show version: the upgraded-FreeBSD packages with <junos-version>, no namespace on software-information', async () => {
    const xml = bodyOf(await call(softwareInformation, device('mx960-18.4')));
    expect(xml.startsWith('<software-information>\n<host-name>r1</host-name>\n<product-model>mx960</product-model>\n<product-name>mx960</product-name>\n<junos-version>18.4R3.3</junos-version>\n')).to.equal(true);
    const names = [...xml.matchAll(/<name>([^<]+)<\/name>/g)].map((m) => m[1]);
    expect(names.slice(0, 4)).to.deep.equal(['os-kernel', 'os-libs', 'os-runtime', 'zoneinfo']);
    expect(names).to.include.members(['netstack', 'junos-modules', 'junos-libs', 'jdocs']).and.not.include('jbase');
    expect(xml).to.match(/<comment>JUNOS OS Kernel 64-bit {2}\[\d{8}\.[0-9a-f]+_builder_stable_\d+\]<\/comment>/);
    expect(xml).to.include('<comment>JUNOS modules [18.4R3.3]</comment>');
  });
});

describe('release: changing the release changes behaviour', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        speed: 'instant',
        devices: [
          { name: 'up', profile: 'mx960-21.4', port: 0 },
          { name: 'set', profile: 'mx960', port: 0, 'software-version': '18.4R3.3' },
        ],
      },
    });
  });
  after(async () => t?.stop());

  it('mx960 with software-version 18.4R3.3 behaves as an 18.4 MX960 (the release decides, not the profile name)', async () => {
    const port = t.emulator.device('set')!.ports()[0]!.port;
    const c = await t.client({ port });
    expect(await c.rpc('<request-snapshot><recovery/></request-snapshot>')).to.include('<output>').and.include('Recovery snapshot created successfully');
    expect(await c.rpc('<get-software-information/>')).to.include('xmlns:junos="http://xml.juniper.net/junos/18.4R3/junos"');
  });

  it('an upgrade through request-package-add and reboot brings 22.3 behaviour: delete exists, xx.yR0 namespace', async () => {
    const dev = t.emulator.device('up')!;
    const port = dev.ports()[0]!.port;
    let c = await t.client({ port });
    expect(await c.rpc('<command>request system snapshot delete snap.1</command>')).to.include('<bad-element>delete</bad-element>');
    expect(await c.rpc('<get-software-information/>')).to.include('xmlns:junos="http://xml.juniper.net/junos/21.4R0/junos"');
    const pkg = await placePackage(dev, { release: '22.3R1.11', platforms: ['mx'] });
    expect(await c.rpc(`<request-package-add><package-name>${pkg}</package-name><no-validate/></request-package-add>`)).to.include('<package-result>0</package-result>');
    await c.rpc('<request-reboot/>');
    await c.waitClosed(WAIT_LIMIT_MS);
    await waitFor(() => dev.model.settings.softwareVersion === '22.3R1.11' && dev.running, 'the device back up on 22.3R1.11');
    c = await t.client({ port });
    expect(await c.rpc('<get-software-information/>')).to.include('xmlns:junos="http://xml.juniper.net/junos/22.3R0/junos"').and.include('<junos-version>22.3R1.11</junos-version>');
    await c.rpc('<command>request system snapshot snapshot-name before-23</command>');
    expect(await c.rpc('<command format="text">request system snapshot delete before-23</command>')).to.include('Snapshot before-23 deleted');
  });
});
