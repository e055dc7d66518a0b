/**
 * request-package-validate and request-package-add over NETCONF, deciding by
 * the bytes of the file on the device: good, cut, damaged, foreign and
 * wrong-platform packages; no-copy, unlink, reboot; the CLI forms.
 */
import { expect } from 'chai';
import { makePackage } from '../../src/packages/index.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { fileExists, placeFile, placePackage } from './support.js';
import { WAIT_LIMIT_MS, waitFor } from '../support/wait.js';

/** `used-blocks` (512-byte blocks) of the file system mounted on `mount`, as get-system-storage reports it. */
const usedBlocks = (xml: string, mount: string): number => {
  for (const fs of xml.split('<filesystem>')) if (fs.includes(`<mounted-on>${mount}</mounted-on>`)) return Number(/<used-blocks[^>]*>(\d+)</.exec(fs)![1]);
  throw new Error(`no ${mount} in ${xml}`);
};
const MB = 1024 * 1024;

const version = (xml: string): string | undefined => /<junos-version>([^<]+)<\/junos-version>/.exec(xml)?.[1];

describe('upgrade: package RPCs decide by the file on the device', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        speed: 'instant',
        devices: [
          { name: 'mx', profile: 'mx960-21.4', port: 0 },
          { name: 'ex', profile: 'ex4300-vc', port: 0 },
        ],
      },
    });
  });
  after(async () => t?.stop());
  const dev = (name: string) => t.emulator.device(name)!;
  const client = (name: string) => t.client({ port: dev(name).ports()[0]!.port });

  it('validate of a good package: Validation succeeded, package-result 0, nothing installed', async () => {
    const pkg = await placePackage(dev('mx'), { release: '22.3R1.11', platforms: ['mx'] });
    const c = await client('mx');
    const r = await c.rpc(`<request-package-validate><package-name>${pkg}</package-name></request-package-validate>`);
    expect(r).to.include('Verified junos-install-mx-x86-64-22.3R1.11 signed by PackageProductionECP256_2022 method ECDSA256+SHA256');
    expect(r).to.include('Validation succeeded\n</output>\n<package-result>0</package-result>');
    expect(dev('mx').system.pending).to.equal(null);
  });

  it('a cut, a damaged, a foreign file and another platform\'s package: package-result 1, nothing pending', async () => {
    const good = makePackage({ release: '22.3R1.11', platforms: ['mx'] }).bytes;
    const damaged = Buffer.from(good);
    damaged[Math.floor(good.length / 2)]! ^= 0x55;
    await placeFile(dev('mx'), '/var/tmp/cut.tgz', good.subarray(0, good.length - 300));
    await placeFile(dev('mx'), '/var/tmp/damaged.tgz', damaged);
    await placeFile(dev('mx'), '/var/tmp/notes.tgz', Buffer.from('release notes\n'));
    const srx = await placePackage(dev('mx'), { release: '15.1X49-D170.4', platforms: ['srx-branch'] });
    const c = await client('mx');
    const cases: Array<[string, string]> = [
      ['/var/tmp/cut.tgz', 'gzip: stdin: unexpected end of file\nERROR: /var/tmp/cut.tgz is not a valid package\n'],
      ['/var/tmp/damaged.tgz', 'gzip: stdin: invalid compressed data--crc error\nERROR: /var/tmp/damaged.tgz is not a valid package\n'],
      ['/var/tmp/notes.tgz', 'gzip: stdin: not in gzip format\nERROR: /var/tmp/notes.tgz is not a valid package\n'],
      [srx, 'ERROR: junos-srxsme-15.1X49-D170.4 is not supported on this platform (mx960)\n'],
    ];
    for (const [path, text] of cases) {
      for (const rpc of ['request-package-validate', 'request-package-add']) {
        const r = await c.rpc(`<${rpc}><package-name>${path}</package-name></${rpc}>`);
        expect(r, `${rpc} ${path}`).to.include(`${text}</output>\n<package-result>1</package-result>`);
      }
    }
    expect(dev('mx').system.pending).to.equal(null);
    expect(fileExists(dev('mx'), '/var/sw/pkg/damaged.tgz')).to.equal(false);
  });

  it('add keeps a copy in /var/sw/pkg unless no-copy; unlink removes the file it installed from', async () => {
    const c = await client('mx');
    const var0 = usedBlocks(await c.rpc('<get-system-storage/>'), '/var');
    const a = await placePackage(dev('mx'), { release: '22.3R1.11', platforms: ['mx'], payloadBytes: 4 * MB });
    const var1 = usedBlocks(await c.rpc('<get-system-storage/>'), '/var');
    expect(var1 - var0).to.be.within(8000, 8400);
    const r = await c.rpc(`<request-package-add><package-name>${a}</package-name><no-validate/></request-package-add>`);
    expect(r).to.include("Saving package file in /var/sw/pkg/junos-install-mx-x86-64-22.3R1.11.tgz ...").and.include("NOTICE: 'pending' set will be activated at next reboot...\n</output>\n<package-result>0</package-result>");
    expect(r).to.not.include('Validation succeeded');
    expect(fileExists(dev('mx'), '/var/sw/pkg/junos-install-mx-x86-64-22.3R1.11.tgz')).to.equal(true);
    expect(fileExists(dev('mx'), a)).to.equal(true);
    expect(dev('mx').system.pending?.version).to.equal('22.3R1.11');
    // The saved copy takes its space on /var as on a real box.
    const var2 = usedBlocks(await c.rpc('<get-system-storage/>'), '/var');
    expect(var2 - var1).to.be.within(8000, 8400);

    const b = await placePackage(dev('mx'), { release: '23.4R2.13', platforms: ['mx'], payloadBytes: 4 * MB });
    const var3 = usedBlocks(await c.rpc('<get-system-storage/>'), '/var');
    const r2 = await c.rpc(`<request-package-add><package-name>${b}</package-name><no-copy/><unlink/></request-package-add>`);
    expect(r2).to.include('Validation succeeded').and.include('<package-result>0</package-result>');
    expect(r2).to.not.include('Saving package file');
    expect(fileExists(dev('mx'), '/var/sw/pkg/junos-install-mx-x86-64-23.4R2.13.tgz')).to.equal(false);
    expect(fileExists(dev('mx'), b)).to.equal(false);
    // unlink freed what the copy to /var/tmp took, no-copy kept nothing.
    expect(usedBlocks(await c.rpc('<get-system-storage/>'), '/var')).to.equal(var2);
    expect(var3 - var2).to.be.within(8000, 8400);
    expect(dev('mx').system.pending?.version).to.equal('23.4R2.13');
  });

  it('request-package-checks-pending-install: 0 with nothing pending, 1 and the pending text after an add; an unknown RPC before 15.1', async () => {
    const c = await client('mx');
    dev('mx').system.pending = null;
    expect(await c.rpc('<request-package-checks-pending-install/>')).to.include('<output>\n</output>\n<package-result>0</package-result>');
    const pkg = await placePackage(dev('mx'), { release: '22.3R1.11', platforms: ['mx'] });
    await c.rpc(`<request-package-add><package-name>${pkg}</package-name><no-validate/></request-package-add>`);
    expect(await c.rpc('<request-package-checks-pending-install/>')).to.include('There is already an install pending.\n').and.include('<package-result>1</package-result>');
    await c.rpc('<request-package-rollback/>');
    const e = await client('ex');
    expect(await e.rpc('<request-package-checks-pending-install/>')).to.include('<rpc-error>').and.include('syntax error');
  });

  it('add with reboot: the device comes back on the manifest\'s release, whatever the file is called', async () => {
    const made = makePackage({ release: '22.3R1.11', platforms: ['mx'] });
    await placeFile(dev('mx'), '/var/tmp/upgrade.tgz', made.bytes);
    const c = await client('mx');
    const r = await c.rpc('<command>request system software add /var/tmp/upgrade.tgz no-validate reboot</command>');
    expect(r).to.include('Rebooting ...').and.include('<package-result>0</package-result>');
    await c.waitClosed(WAIT_LIMIT_MS);
    await waitFor(() => dev('mx').running && dev('mx').model.settings.softwareVersion === '22.3R1.11', 'the device back up on 22.3R1.11');
    const c2 = await client('mx');
    expect(version(await c2.rpc('<get-software-information/>'))).to.equal('22.3R1.11');
    // 22.3 behaviour now: request system snapshot takes `delete`.
    expect(await c2.rpc('<command>request system snapshot delete snap.1</command>')).to.not.include('syntax error');
  });

  it('a relative package name is looked up in the user\'s home, as a CLI session starts there', async () => {
    const c = await client('mx');
    const made = makePackage({ release: '23.4R2.13', platforms: ['mx'] });
    await placeFile(dev('mx'), `/var/home/${TEST_USER.name}/${made.fileName}`, made.bytes);
    expect(await c.rpc(`<request-package-validate><package-name>${made.fileName}</package-name></request-package-validate>`)).to.include('<package-result>0</package-result>');
    expect(await c.rpc(`<request-package-validate><package-name>~/${made.fileName}</package-name></request-package-validate>`)).to.include('<package-result>0</package-result>');
  });

  it('the CLI forms: request system software validate in text; unlink is not an EX option; member is', async () => {
    const c = await client('mx');
    const pkg = await placePackage(dev('mx'), { release: '23.4R2.13', platforms: ['mx'] });
    const text = await c.rpc(`<command format="text">request system software validate ${pkg}</command>`);
    expect(text).to.include('<output>Checking compatibility with configuration\n');
    expect(text).to.not.include('package-result');
    const e = await client('ex');
    const expkg = await placePackage(dev('ex'), { release: '15.1R7.9', platforms: ['ex'], model: 'ex4300-48t' });
    expect(expkg).to.equal('/var/tmp/jinstall-ex-4300-15.1R7.9-signed.tgz');
    expect(await e.rpc(`<command>request system software add ${expkg} unlink</command>`)).to.include('syntax error');
    const ok = await e.rpc(`<request-package-add><package-name>${expkg}</package-name><no-validate/><member>1</member></request-package-add>`);
    expect(ok).to.include('Verified jinstall-ex-4300-15.1R7.9 signed by PackageProductionEc_2015\n').and.include('A reboot is required').and.include('<package-result>0</package-result>');
  });
});
