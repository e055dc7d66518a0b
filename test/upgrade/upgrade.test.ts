/**
 * The spec's workflow end to end over NETCONF: snapshot, upgrade, reboot,
 * verify, snapshot again; and what every step shows in between.
 */
import { expect } from 'chai';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { placePackage } from './support.js';
import { WAIT_LIMIT_MS, waitFor } from '../support/wait.js';

// mx960 runs the spec's era (9.3R4.4): an upgrade within that generation keeps the spec's snapshot behaviour.
const PKG = '/var/tmp/jinstall-12.3R12.4-domestic-signed.tgz';

/** Releases `show system snapshot` lists per role, e.g. { primary: '9.3R4.4', backup: '9.2R3.5' }. */
function sliceVersions(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /<snapshot-medium>[^<]*\((primary|backup)\)\s*<\/snapshot-medium>[\s\S]*?<package-version>([^<]+)<\/package-version>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out[m[1]!] = m[2]!;
  return out;
}

/** The running release: `<junos-version>` from 15.1 on, else the `junos` package comment's brackets (as PyEZ reads it). */
const version = (xml: string): string | undefined =>
  /<junos-version>([^<]+)<\/junos-version>/.exec(xml)?.[1] ?? /<name>junos<\/name>\n<comment>[^<[]*\[([^\]]+)\]<\/comment>/.exec(xml)?.[1];

describe('upgrade: snapshot, software add, reboot, verify, snapshot again', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960', port: 0 }] },
    });
  });
  after(async () => t?.stop());

  it('tells the truth at every step, and the old release is gone from the alternate after the second snapshot', async () => {
    const clock = t.emulator.clock;
    expect(await placePackage(t.emulator.devices[0]!, { release: '12.3R12.4', platforms: ['mx'] })).to.equal(PKG);
    let c = await t.client();
    await c.rpc('<request-snapshot/>');
    expect(sliceVersions(await c.rpc('<get-snapshot-information/>'))).to.deep.equal({ primary: '9.3R4.4', backup: '9.3R4.4' });

    const add = await c.rpc(`<command>request system software add ${PKG}</command>`);
    expect(add).to.include('<package-result>0</package-result>').and.include('A reboot is required');
    // Installed for the next boot only.
    expect(version(await c.rpc('<get-software-information/>'))).to.equal('9.3R4.4');
    expect(sliceVersions(await c.rpc('<get-snapshot-information/>'))).to.deep.equal({ primary: '9.3R4.4', backup: '9.3R4.4' });

    clock.pause();
    try {
      expect(await c.rpc('<request-reboot/>')).to.match(/<request-reboot-status reboot-time="\d+">\nShutdown NOW!\n\[pid \d+\]\n<\/request-reboot-status>/);
      await c.waitClosed(WAIT_LIMIT_MS);
      expect(c.closed).to.equal(true);
      // While it boots, the port refuses connections like a box that is down.
      const refused = await NetconfClient.connect({ host: '127.0.0.1', port: t.port, username: TEST_USER.name, password: TEST_USER.password, readyTimeoutMs: 2000 }).then(
        (x) => {
          x.close();
          return false;
        },
        () => true,
      );
      expect(refused).to.equal(true);
      clock.advance(10 * 60_000);
    } finally {
      clock.resume();
    }
    await waitFor(() => t.emulator.devices[0]!.running, 'the device back up after the reboot');
    c = await t.client();
    expect(version(await c.rpc('<get-software-information/>'))).to.equal('12.3R12.4');
    expect(await c.rpc('<command format="text">show version</command>')).to.include('JUNOS Base OS boot [12.3R12.4]');
    expect(c.serverHello).to.be.a('string');
    expect(sliceVersions(await c.rpc('<get-snapshot-information/>'))).to.deep.equal({ primary: '12.3R12.4', backup: '9.3R4.4' });
    await c.rpc('<request-snapshot/>');
    expect(sliceVersions(await c.rpc('<get-snapshot-information/>'))).to.deep.equal({ primary: '12.3R12.4', backup: '12.3R12.4' });
    // The reply namespace follows the running release, without its build number.
    expect(await c.rpc('<get-software-information/>')).to.include('xmlns:junos="http://xml.juniper.net/junos/12.3R12/junos"');
  });

  it('software rollback withdraws a pending install, or brings back the release before the upgrade', async () => {
    const c = await t.client();
    const pkg = await placePackage(t.emulator.devices[0]!, { release: '20.4R3.8', platforms: ['mx'] });
    expect(pkg).to.equal('/var/tmp/junos-install-mx-x86-64-20.4R3.8.tgz');
    await c.rpc(`<request-package-add><package-name>${pkg}</package-name><no-validate/></request-package-add>`);
    expect(await c.rpc('<request-package-rollback/>')).to.include('Deleting pending install of 20.4R3.8').and.include('<package-result>0</package-result>');
    expect(await c.rpc('<command>request system software rollback</command>')).to.include('Restoring 9.3R4.4');
    expect(t.emulator.devices[0]!.system.pending?.version).to.equal('9.3R4.4');
    await c.rpc('<request-package-rollback/>');
    expect(t.emulator.devices[0]!.system.pending).to.equal(null);
  });

  it('a missing package: the output names it and carries no package-result (the MX80 capture); nothing is pending', async () => {
    const c = await t.client();
    const r = await c.rpc('<request-package-add><package-name>/var/tmp/notes.tgz</package-name></request-package-add>');
    expect(r).to.include('<output>\nERROR: package: /var/tmp/notes.tgz is not found or empty\n</output>\n</rpc-reply>').and.not.include('package-result');
    expect(t.emulator.devices[0]!.system.pending).to.equal(null);
  });
});

describe('facts: multi-RE show version with an RE down', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({ yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960', port: 0 }] } });
  });
  after(async () => t?.stop());

  it('answers the reachable RE and an rpc-error naming the other (setting unreachable-re, changed live)', async () => {
    const c = await t.client();
    t.emulator.devices[0]!.model.updateSettings({ unreachableRe: ['re1'] });
    const r = await c.rpc('<command>show version invoke-on all-routing-engines</command>');
    expect(r).to.match(/<rpc-error>[\s\S]*<error-message>Could not connect to re1 : No route to host<\/error-message>[\s\S]*<\/rpc-error>\n<multi-routing-engine-results>/);
    expect(r).to.include('<re-name>re0</re-name>').and.not.include('<re-name>re1</re-name>');
    t.emulator.devices[0]!.model.updateSettings({ unreachableRe: [] });
    expect(await c.rpc('<command>show version invoke-on all-routing-engines</command>')).to.include('<re-name>re1</re-name>').and.not.include('rpc-error');
  });
});
