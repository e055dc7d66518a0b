/**
 * The emulator's package format: what make-package writes is a real gzip'd
 * tar that `tar` lists and `md5sum` hashes, and the reader tells a good
 * package from a cut, damaged, foreign or wrong-platform one.
 */
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { makePackage, packageName, readPackage } from '../../src/packages/index.js';
import { judgePackage } from '../../src/packages/install.js';
import { readTar, writeTar } from '../../src/packages/tar.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const MX = { line: 'mx', model: 'mx960', running: '18.4R3.3' } as const;

describe('packages: format, names, reader', function () {
  it('names each platform and generation as Juniper does', () => {
    expect(packageName('mx', '21.4R3.15').fileName).to.equal('junos-install-mx-x86-64-21.4R3.15.tgz');
    expect(packageName('mx', '12.3R12.4').fileName).to.equal('jinstall-12.3R12.4-domestic-signed.tgz');
    expect(packageName('mx-ppc', '15.1R7.8').fileName).to.equal('jinstall-ppc-15.1R7.8-signed.tgz');
    expect(packageName('ex', '15.1R6.7', 'ex4300-48t').fileName).to.equal('jinstall-ex-4300-15.1R6.7-signed.tgz');
    expect(packageName('srx-branch', '15.1X49-D170.4').fileName).to.equal('junos-srxsme-15.1X49-D170.4-domestic.tgz');
    expect(packageName('j-series', '9.3R4.4').fileName).to.equal('junos-jsr-9.3R4.4-domestic.tgz');
  });

  it('is a gzip tar with +MANIFEST first, readable by tar, and the same bytes each time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pkg-'));
    const file = execFileSync(process.execPath, [MAIN, 'make-package', '--release', '21.4R3.15', '--platform', 'mx', '-o', dir]).toString().trim();
    expect(file).to.equal(join(dir, 'junos-install-mx-x86-64-21.4R3.15.tgz'));
    expect(execFileSync('tar', ['tzf', file]).toString().split('\n').filter(Boolean)).to.deep.equal(['+MANIFEST', '+COMMENT', 'junos-install-mx-x86-64-21.4R3.15.img']);
    const manifest = execFileSync('tar', ['xzOf', file, '+MANIFEST']).toString();
    expect(manifest).to.include('release: 21.4R3.15\n').and.include('platforms: mx\n');
    const bytes = readFileSync(file);
    expect(bytes.equals(makePackage({ release: '21.4R3.15', platforms: ['mx'] }).bytes)).to.equal(true);
    const check = readPackage(bytes);
    expect(check.ok && check.manifest.release).to.equal('21.4R3.15');
  });

  it('make-package takes a profile for its platform and refuses unknown platforms with exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pkg-'));
    const out = execFileSync(process.execPath, [MAIN, 'make-package', '--release', '15.1R6.7', '--platform', 'ex4300-vc', '-o', dir]).toString().trim();
    expect(out).to.equal(join(dir, 'jinstall-ex-4300-15.1R6.7-signed.tgz'));
    const bad = spawnSync(process.execPath, [MAIN, 'make-package', '--release', '15.1R6.7', '--platform', 'nexus'], { encoding: 'utf8' });
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.include('--platform nexus');
    const noRelease = spawnSync(process.execPath, [MAIN, 'make-package'], { encoding: 'utf8' });
    expect(noRelease.status).to.equal(2);
  });

  it('tells a truncated, a damaged, a foreign and a tampered package apart', () => {
    const good = makePackage({ release: '21.4R3.15', platforms: ['mx'] }).bytes;
    expect(readPackage(good.subarray(0, good.length - 200))).to.deep.equal({ ok: false, problem: { kind: 'truncated' } });
    const damaged = Buffer.from(good);
    damaged[Math.floor(good.length / 2)]! ^= 0x55;
    const d = readPackage(damaged);
    expect(d.ok === false && d.problem.kind).to.equal('corrupt');
    expect(readPackage(Buffer.from('not a package\n'))).to.deep.equal({ ok: false, problem: { kind: 'not-gzip' } });
    const foreign = gzipSync(writeTar([{ name: 'README', data: Buffer.from('hello\n') }]));
    const f = readPackage(foreign);
    expect(f.ok === false && f.problem.kind).to.equal('not-package');
    // Same manifest, image changed, archive rebuilt: gzip and tar are sound, the hash is not.
    const entries = readTar(gunzipSync(good)).map((e) => (e.name.endsWith('.img') ? { ...e, data: Buffer.alloc(e.data.length, 7) } : e));
    const t = readPackage(gzipSync(writeTar(entries)));
    expect(t.ok === false && t.problem.kind).to.equal('payload-mismatch');
  });

  it('judges as the device prints it: missing, corrupted, wrong platform', () => {
    const path = '/var/tmp/junos-install-mx-x86-64-21.4R3.15.tgz';
    expect(judgePackage(path, undefined, MX)).to.deep.equal({ ok: false, lines: [`ERROR: package: ${path} is not found or empty`], result: null });
    const good = makePackage({ release: '21.4R3.15', platforms: ['mx'] }).bytes;
    const cut = judgePackage(path, good.subarray(0, 1000), MX);
    expect(cut.ok === false && cut.result).to.equal(1);
    const srx = makePackage({ release: '15.1X49-D170.4', platforms: ['srx-branch'] }).bytes;
    const wrong = judgePackage('/var/tmp/junos-srxsme-15.1X49-D170.4-domestic.tgz', srx, MX);
    expect(wrong.ok === false && wrong.lines.at(-1)).to.equal('ERROR: junos-srxsme-15.1X49-D170.4 is not supported on this platform (mx960)');
    expect(judgePackage(path, good, MX).ok).to.equal(true);
  });
});
