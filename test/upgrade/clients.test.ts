/**
 * The upgrade through real clients, on both client stacks (Debian's PyEZ
 * 2.1.7 and PyEZ 2.8.0): SW.validate, SW.install with validate, a reboot
 * onto the package's release, SW.rollback back; a damaged and a
 * wrong-platform package fail as PyEZ fails against a real box.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatedDevice } from '../../src/device/device.js';
import { makePackage } from '../../src/packages/index.js';
import { startProfiles, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython } from '../support/python.js';
import { placeFile, placePackage, rebooted, sliceVersions, runUpgradeSteps, type Step } from './support.js';

for (const stack of CLIENT_STACKS) {
  describe(`upgrade through PyEZ SW (${stack.label})`, function () {
    let t: TestEmulator;
    const local = mkdtempSync(join(tmpdir(), 'junos-emulator-pkgs-'));
    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      t = await startProfiles({ modern: 'mx960-21.4', srx: 'srx300', classic: 'mx960' });
    });
    after(async () => t?.stop());
    const dev = (name: string): EmulatedDevice => t.emulator.device(name)!;
    const run = (name: string, steps: unknown[]): Promise<Step[]> => runUpgradeSteps(t, stack, name, steps);

    it('SW.validate and SW.install(no_copy, validate) of a package on the box, reboot: facts report the release; SW.rollback returns', async () => {
      const pkg = await placePackage(dev('modern'), { release: '22.3R1.11', platforms: ['mx'] });
      const [v, inst, again, facts] = await run('modern', [
        { validate: pkg },
        { install: { package: pkg, no_copy: true, validate: true } },
        { install: { package: pkg, no_copy: true, validate: false } },
        { facts: ['version'] },
      ]);
      expect(v!.ok, JSON.stringify(v)).to.equal(true);
      expect(inst!.ok, JSON.stringify(inst)).to.equal(true);
      // 2.8.0 asks request-package-checks-pending-install first and stops at the pending install; 2.1.7 does not ask.
      expect(again!.ok, JSON.stringify(again)).to.equal(stack.name === 'debian');
      if (stack.name === 'current') expect(again!.log!.join('\n')).to.include('There is already an install pending.');
      if (stack.name === 'current') expect(inst!.msg).to.include("NOTICE: 'pending' set will be activated at next reboot...");
      expect((facts!['facts'] as Record<string, unknown>)['version']).to.equal('21.4R3.15');
      const [reboot] = await run('modern', [{ reboot: true }]);
      expect(String(reboot!['status'])).to.match(/Shutdown NOW!/);
      await rebooted(dev('modern'), '22.3R1.11');
      const [after, back, show] = await run('modern', [{ facts: ['version', 'version_RE0'] }, { rollback: true }, { cli: 'show version' }]);
      expect(after!['facts']).to.deep.include({ version: '22.3R1.11', version_RE0: '22.3R1.11' });
      expect(back!['output']).to.include('Restoring 21.4R3.15');
      expect(show!['text']).to.include('Junos: 22.3R1.11');
      await run('modern', [{ reboot: true }]);
      await rebooted(dev('modern'), '21.4R3.15');
    });

    it('a damaged package and another platform\'s: SW.validate False, SW.install fails as against a real box; nothing installs', async () => {
      const good = makePackage({ release: '15.1X49-D170.4', platforms: ['srx-branch'] });
      const damaged = Buffer.from(good.bytes);
      damaged[Math.floor(damaged.length / 2)]! ^= 0x55;
      await placeFile(dev('srx'), '/var/tmp/junos-srxsme-15.1X49-D170.4-domestic.tgz', damaged);
      const mxPkg = await placePackage(dev('srx'), { release: '21.4R3.15', platforms: ['mx'] });
      const steps = await run('srx', [
        { validate: '/var/tmp/junos-srxsme-15.1X49-D170.4-domestic.tgz' },
        { install: { package: '/var/tmp/junos-srxsme-15.1X49-D170.4-domestic.tgz', no_copy: true, validate: false } },
        { install: { package: mxPkg, no_copy: true, validate: true } },
        { install: { package: '/var/tmp/absent.tgz', no_copy: true, validate: false } },
      ]);
      const [v, damagedAdd, wrong, absent] = steps;
      expect(v!.ok).to.equal(false);
      expect(damagedAdd!.ok, JSON.stringify(damagedAdd)).to.equal(false);
      expect(wrong!.ok, JSON.stringify(wrong)).to.equal(false);
      if (stack.name === 'current') {
        expect(damagedAdd!.msg).to.include('gzip: stdin: invalid compressed data--crc error');
        expect(wrong!.msg).to.equal('Package validation failed');
        // 2.8.0 reads the MX80-style `is not found or empty` text as a failure.
        expect(absent!.ok).to.equal(false);
      } else {
        // 2.1.7 takes a reply without package-result for success, as it would from the real box.
        expect(absent!.ok).to.equal(true);
      }
      expect(dev('srx').system.pending).to.equal(null);
    });

    /** Writes a package where the automation host keeps it; returns its path. */
    const localPackage = (o: Parameters<typeof makePackage>[0], mangle?: (b: Buffer) => Buffer): string => {
      const made = makePackage(o);
      const file = join(local, made.fileName);
      writeFileSync(file, mangle ? mangle(Buffer.from(made.bytes)) : made.bytes);
      return file;
    };

    it('SW.put copies the package over SCP (paramiko) into /var/tmp; SW.install then installs it, a damaged copy fails', async () => {
      const good = localPackage({ release: '23.4R2.13', platforms: ['mx'], payloadBytes: 512 * 1024 });
      const damaged = localPackage({ release: '22.4R3.25', platforms: ['mx'] }, (b) => {
        b[Math.floor(b.length / 2)]! ^= 0x55;
        return b;
      });
      const [put, inst, putBad, bad] = await run('modern', [
        { put: good },
        { install: { package: good, no_copy: true, validate: true } },
        { put: damaged },
        { install: { package: damaged, no_copy: true, validate: true } },
      ]);
      expect(put!['done'], JSON.stringify(put)).to.equal(true);
      expect(inst!.ok, JSON.stringify(inst)).to.equal(true);
      expect(dev('modern').files.stat('re0', '/var/tmp/junos-install-mx-x86-64-23.4R2.13.tgz')?.size).to.equal(readFileSync(good).length);
      expect(putBad!['done']).to.equal(true);
      expect(bad!.ok, JSON.stringify(bad)).to.equal(false);
      expect(dev('modern').system.pending?.version).to.equal('23.4R2.13');
      await run('modern', [{ rollback: true }]);
      expect(dev('modern').system.pending).to.equal(null);
    });

    it("the spec's workflow: snapshot a known-good system, upgrade (validate, install, reboot), verify, snapshot again", async () => {
      const pkg = await placePackage(dev('classic'), { release: '12.3R12.4', platforms: ['mx'] });
      const [snap1, info1, inst] = await run('classic', [{ rpc: 'request_snapshot' }, { rpc: 'get_snapshot_information' }, { install: { package: pkg, no_copy: true, validate: true } }]);
      expect(snap1!['xml']).to.include('snapshot-information');
      expect(sliceVersions(String(info1!['xml']))).to.deep.equal({ primary: '9.3R4.4', backup: '9.3R4.4' });
      expect(inst!.ok, JSON.stringify(inst)).to.equal(true);
      await run('classic', [{ reboot: true }]);
      await rebooted(dev('classic'), '12.3R12.4');
      const [facts, ver, info2, , info3] = await run('classic', [
        { facts: ['version'] },
        { cli: 'show version' },
        { rpc: 'get_snapshot_information' },
        { rpc: 'request_snapshot' },
        { rpc: 'get_snapshot_information' },
      ]);
      expect((facts!['facts'] as Record<string, unknown>)['version']).to.equal('12.3R12.4');
      expect(ver!['text']).to.include('JUNOS Base OS boot [12.3R12.4]');
      // Upgraded and verified: the alternate still holds the known-good release until the second snapshot.
      expect(sliceVersions(String(info2!['xml']))).to.deep.equal({ primary: '12.3R12.4', backup: '9.3R4.4' });
      expect(sliceVersions(String(info3!['xml']))).to.deep.equal({ primary: '12.3R12.4', backup: '12.3R12.4' });
    });
  });
}
