/**
 * The upgrade through the Junos CLI front end (OpenSSH exec channel, as
 * `ssh box 'request system software add ...'` runs it): validate, add and
 * rollback print the installer's text; a damaged package is refused.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePackage } from '../../src/packages/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { clientEnv, requireClient } from '../support/python.js';
import { haveBinaries } from '../support/tmux.js';
import { placeFile, placePackage } from './support.js';

const USER = { name: 'user', password: 'user123' };

/** `scp -O LOCAL user@127.0.0.1:REMOTE` (the scp protocol), password through sshpass; resolves with the exit status. */
async function scp(port: number, local: string, remote: string): Promise<number | null> {
  const args = ['-p', USER.password, 'scp', '-O', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-P', String(port), local, `${USER.name}@127.0.0.1:${remote}`];
  const child = spawn('sshpass', args, { env: await clientEnv(), stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
}

async function ssh(port: number, command: string): Promise<string> {
  const args = ['-p', USER.password, 'ssh', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-p', String(port), `${USER.name}@127.0.0.1`, command];
  const child = spawn('sshpass', args, { env: await clientEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

describe('upgrade: request system software through the CLI (OpenSSH exec)', function () {
  let t: TestEmulator;
  before(async function () {
    requireClient(this, 'ssh and sshpass', haveBinaries('ssh', 'sshpass'));
    t = await startTestEmulator({ yaml: { users: [USER], speed: 'instant', devices: [{ name: 'mx', profile: 'mx960', port: 0 }] } });
  });
  after(async () => t?.stop());

  it('validate, add and rollback print what the installer says; a damaged package is refused', async () => {
    const dev = t.emulator.devices[0]!;
    const port = dev.ports()[0]!.port;
    const pkg = await placePackage(dev, { release: '12.3R12.4', platforms: ['mx'] });
    const v = await ssh(port, `request system software validate ${pkg}`);
    expect(v).to.include('Checking compatibility with configuration').and.include('Verified jinstall-12.3R12.4 signed by PackageProduction_12_3_0').and.include('Validation succeeded');
    const add = await ssh(port, `request system software add ${pkg}`);
    expect(add).to.include(`NOTICE: Validating configuration against jinstall-12.3R12.4-domestic-signed.tgz.`);
    expect(add).to.include('Saving package file in /var/sw/pkg/jinstall-12.3R12.4-domestic-signed.tgz ...').and.include('WARNING: A reboot is required to install the software');
    expect(dev.system.pending?.version).to.equal('12.3R12.4');
    expect(await ssh(port, 'request system software rollback')).to.include('Deleting pending install of 12.3R12.4');
    expect(dev.system.pending).to.equal(null);
    const good = makePackage({ release: '12.3R12.4', platforms: ['mx'] }).bytes;
    await placeFile(dev, '/var/tmp/bad.tgz', good.subarray(0, 4000));
    expect(await ssh(port, 'request system software add /var/tmp/bad.tgz')).to.include('gzip: stdin: unexpected end of file\nERROR: /var/tmp/bad.tgz is not a valid package');
    expect(dev.system.pending).to.equal(null);
  });

  it('OpenSSH scp puts the package in /var/tmp and the add installs it; a copy corrupted on its way is refused', async () => {
    const dev = t.emulator.devices[0]!;
    const port = dev.ports()[0]!.port;
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-scp-pkg-'));
    // Another build than the one the first test placed (root's file there is not the user's to overwrite).
    const made = makePackage({ release: '12.3R11.2', platforms: ['mx'], payloadBytes: 256 * 1024 });
    const local = join(dir, made.fileName);
    writeFileSync(local, made.bytes);
    expect(await scp(port, local, '/var/tmp/')).to.equal(0);
    expect(await ssh(port, `file checksum sha-256 /var/tmp/${made.fileName}`)).to.include(createHash('sha256').update(made.bytes).digest('hex'));
    const add = await ssh(port, `request system software add /var/tmp/${made.fileName} no-validate`);
    expect(add).to.include('Adding jinstall-12.3R11.2 ...').and.include('WARNING: A reboot is required');
    expect(dev.system.pending?.version).to.equal('12.3R11.2');
    await ssh(port, 'request system software rollback');

    t.emulator.faults.arm([{ id: 'corrupt', rpc: 'scp', action: 'copy-corrupt', progress: 0.5, direction: 'put', count: 1 }] as never);
    expect(await scp(port, local, '/var/tmp/again.tgz')).to.equal(0);
    const bad = await ssh(port, 'request system software add /var/tmp/again.tgz no-validate');
    expect(bad).to.match(/gzip: stdin: invalid compressed data--crc error\nERROR: \/var\/tmp\/again.tgz is not a valid package|fingerprint mismatch/);
    expect(dev.system.pending).to.equal(null);
  });
});
