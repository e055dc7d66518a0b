/**
 * The npm package as people get it: `npm pack` from a clean clone, installed
 * into a TypeScript project (scripts off, as npm 11 does for dependencies by
 * default) and globally by root for another user to run. One tarball per run.
 */
import { expect } from 'chai';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO_ROOT, SYSTEM_PYTHON, requirePython } from '../support/python.js';
import { mustRun, packCleanClone, removePack, run, runnableBlocks, startUntil, type Packed } from './pack-support.js';

const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const NODE_TYPES = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).devDependencies['@types/node'] as string;
const NPM_INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund'];

/** What may ship: runtime code, its types, and the files it reads or documents. */
const SHIPS = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/(src|rpc)\/.+\.(js|d\.ts)$/,
  /^yang\/[^/]+\.yang$/,
  /^schemas\/config\/[^/]+\.json\.gz$/, // the configuration schemas generated from Juniper's YANG
  /^patches\/ssh2\+[\d.]+\.patch$/,
  /^docs\/[^/]+\.md$/,
  /^python\/pyproject\.toml$/,
  /^python\/(junos_emulator|examples)\/[^/]+\.py$/,
  /^node_modules\//, // bundled: the patched ssh2 and what it needs
];

describe('the npm package (npm pack from a clean clone)', function () {
  this.timeout(900_000);
  let pack: Packed;

  before(async () => {
    pack = await packCleanClone();
    console.log(`      tarball: ${pack.size} bytes, ${pack.unpackedSize} unpacked, ${pack.files.length} files`);
  });
  after(() => removePack());

  it('ships the built runtime, yang/, patches/, docs, the Python helper, README and LICENSE; no tests, benchmarks or sources', () => {
    for (const f of ['dist/src/cli/main.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/rpc/index.js', 'dist/src/transport/crypt-worker.js', 'yang/junos-emulator-snapshot.yang', 'schemas/config/junos-18.4R1.json.gz', 'patches/ssh2+1.17.0.patch', 'README.md', 'LICENSE', 'python/pyproject.toml', 'python/junos_emulator/__init__.py', 'python/junos_emulator/pytest_plugin.py', 'docs/library.md', 'node_modules/ssh2/lib/server.js']) {
      expect(pack.files, f).to.include(f);
    }
    const stray = pack.files.filter((f) => !SHIPS.some((re) => re.test(f)));
    expect(stray, 'files outside the list').to.deep.equal([]);
    expect(pack.files.filter((f) => /^(dist\/)?(test|bench)\//.test(f) || /\.map$/.test(f) || /^keys\//.test(f))).to.deep.equal([]);
    expect(pack.bundled).to.include('ssh2');
  });

  it('has a LICENSE at the top: MIT, copyright the junos-emulator authors', () => {
    const text = readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8');
    expect(text).to.match(/^MIT License\n/);
    expect(text).to.match(/Copyright \(c\) \d{4} the junos-emulator authors/);
    expect(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).license).to.equal('MIT');
  });

  describe('installed into a strict TypeScript project, install scripts off', () => {
    let project: string;
    let home: string;
    before(async () => {
      project = mkdtempSync(join(tmpdir(), 'junos-emulator-consumer-'));
      home = mkdtempSync(join(tmpdir(), 'junos-emulator-consumer-home-'));
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
      await mustRun('npm', [...NPM_INSTALL, '--ignore-scripts', pack.tarball, `@types/node@${NODE_TYPES}`], { cwd: project });
    });
    after(() => {
      for (const d of [project, home]) if (d) rmSync(d, { recursive: true, force: true });
    });

    it('loads the bundled ssh2, which carries the fix of patches/ although no script ran', async () => {
      // The ssh2 the package's code resolves, read directly: the patch's two changes are there.
      const ssh2 = dirname(createRequire(join(project, 'node_modules/junos-emulator/dist/src/index.js')).resolve('ssh2/package.json'));
      expect(readFileSync(join(ssh2, 'lib/protocol/Protocol.js'), 'utf8')).to.include("'ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,'");
      expect(readFileSync(join(ssh2, 'lib/server.js'), 'utf8')).to.not.match(/\|\| acceptedAuthSvc\n/);
      const out = await mustRun(process.execPath, [join(project, 'node_modules/junos-emulator/dist/src/transport/ssh2-fix.js'), '--check'], { cwd: project });
      expect(out).to.include(join(project, 'node_modules/junos-emulator/node_modules/ssh2'));
    });

    it('compiles with tsc --strict and no skipLibCheck, and its NetconfClient works through the package entry point', async () => {
      writeFileSync(
        join(project, 'check.ts'),
        `import { startEmulator, NetconfClient, NetconfConnectError, NetconfRpcError, NetconfError, type DeviceHandle } from 'junos-emulator';
const emu = await startEmulator({ devices: [{ name: 'r1' }, { name: 'r2', rfcCompliant: true }] });
const out: Record<string, unknown> = {};
try {
  for (const d of emu.devices as readonly DeviceHandle[]) {
    const password: string = d.password;
    const c = await NetconfClient.connect({ host: d.host, port: d.port, username: d.username, password });
    const reply = await c.rpc('<get-software-information/>');
    let tag = '';
    try {
      await c.call('<get-no-such-information/>');
    } catch (err) {
      if (err instanceof NetconfRpcError && err instanceof NetconfError) tag = err.errors[0]?.tag ?? '';
    }
    c.close();
    await c.waitClosed();
    out[d.name] = { framing: c.framing, software: reply.includes('<software-information>'), tag };
  }
  out['refused'] = await NetconfClient.connect({ host: '127.0.0.1', port: emu.devices[0]!.port, username: 'admin', password: 'wrong' }).then(
    () => 'connected',
    (err: unknown) => (err instanceof NetconfConnectError ? err.code : String(err)),
  );
} finally {
  await emu.stop();
}
console.log(JSON.stringify(out));
`,
      );
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'out', types: ['node'] }, files: ['check.ts'] }),
      );
      const tsc = await run(process.execPath, [TSC, '--strict', '-p', 'tsconfig.json'], { cwd: project });
      expect(tsc.code, tsc.stdout + tsc.stderr).to.equal(0);
      const result = JSON.parse(await mustRun(process.execPath, ['out/check.js'], { cwd: project, env: { ...process.env, HOME: home } })) as Record<string, { framing: string; software: boolean; tag: string }>;
      expect(result['r1']).to.deep.include({ framing: 'eom', software: true });
      expect(result['r2']).to.deep.include({ framing: 'chunked', software: true });
      expect(result['r1']!.tag).to.not.equal('');
      expect(result['refused']).to.equal('connect');
      // An installed copy keeps its keys in the user's state directory, not in the package.
      expect(readdirSync(join(home, '.local/state/junos-emulator/keys'))).to.include('ssh_host_rsa_key');
      expect(existsSync(join(project, 'node_modules/junos-emulator/keys'))).to.equal(false);
    });

    it('runs every code block of the docs marked runnable, as pasted', async () => {
      const docs = ['README.md', ...readdirSync(join(REPO_ROOT, 'docs')).map((f) => `docs/${f}`)];
      const blocks = runnableBlocks(docs);
      expect(blocks.map((b) => b.file)).to.include.members(['README.md', 'docs/library.md']);
      // docs/library.md's first example is the first block of the file.
      expect(blocks.find((b) => b.file === 'docs/library.md')?.index).to.equal(1);
      const dir = mkdtempSync(join(project, 'docs-'));
      const ts = blocks.filter((b) => b.lang === 'ts');
      ts.forEach((b, i) => writeFileSync(join(dir, `block${i}.ts`), b.code));
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'out', types: ['node'] }, include: ['*.ts'] }),
      );
      const tsc = await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: dir });
      expect(tsc.code, tsc.stdout + tsc.stderr).to.equal(0);
      const env = { ...process.env, HOME: home, PATH: `${join(project, 'node_modules/.bin')}:${process.env['PATH']}` };
      for (const [i, b] of ts.entries()) {
        const r = await run(process.execPath, [join(dir, 'out', `block${i}.js`)], { cwd: dir, env, timeoutMs: 120_000 });
        expect(r.code, `${b.file} block ${b.index}:\n${r.stdout}\n${r.stderr}`).to.equal(0);
      }
      for (const b of blocks.filter((x) => x.lang === 'sh')) {
        const cwd = mkdtempSync(join(dir, 'sh-'));
        const r = await run('bash', ['-e', '-c', b.code], { cwd, env, timeoutMs: 120_000 });
        expect(r.code, `${b.file} block ${b.index}:\n${r.stdout}\n${r.stderr}`).to.equal(0);
        expect(r.stdout, b.file).to.match(/^device \S+ \(re0\): /m);
      }
      expect(blocks.filter((b) => b.lang !== 'ts' && b.lang !== 'sh'), 'runnable blocks in a language this test cannot run').to.deep.equal([]);
    });
  });

  describe('installed globally by root, run by another user', () => {
    let prefix: string;
    let home: string;
    let top: string | undefined;
    after(() => {
      if (top) rmSync(top, { recursive: true, force: true });
    });
    before(async function () {
      if (process.getuid?.() !== 0) {
        console.log('      (skipped: installing as root for another user needs root; CI runs as root)');
        this.skip();
      }
      top = mkdtempSync(join(tmpdir(), 'junos-emulator-global-'));
      chmodSync(top, 0o755);
      prefix = join(top, 'prefix');
      await mustRun('npm', [...NPM_INSTALL, '-g', '--prefix', prefix, pack.tarball]);
      home = join(top, 'home');
      mkdirSync(home);
      chownSync(home, 65534, 65534); // nobody
    });

    it('starts as nobody, keeps its keys in that user state directory, and serves a snapshot to ncclient', async function () {
      requirePython(this, 'ncclient');
      const env = { PATH: `${join(prefix, 'bin')}:${process.env['PATH']}`, HOME: home };
      const { child, stdout } = await startUntil('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', join(prefix, 'bin', 'junos-emulator'), '--port', '0', '--speed', 'instant'], /^host keys: .+\n/m, { env, cwd: home });
      try {
        const port = Number(/port (\d+),/.exec(stdout)![1]);
        const keys = join(home, '.local/state/junos-emulator/keys');
        expect(stdout).to.include(`host keys: ${keys}\n`);
        expect(statSync(join(keys, 'ssh_host_rsa_key')).uid).to.equal(65534);
        const script = join(mkdtempSync(join(tmpdir(), 'junos-emulator-nc-')), 'snap.py');
        // The README's ncclient example, with the port the emulator took.
        const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
        const example = /```python\n(from ncclient import manager[^]*?)```/.exec(readme)![1]!;
        writeFileSync(script, example.replace('port=8830', `port=${port}`));
        const out = await mustRun(SYSTEM_PYTHON, [script], { env: { ...process.env, HOME: home }, timeoutMs: 120_000 });
        expect(out).to.include('The following filesystems were archived: / /config');
      } finally {
        child.kill('SIGTERM');
      }
    });

    it('its Python helper installs with pip offline and its ncclient parameters take string RPCs', async function () {
      requirePython(this, 'ncclient');
      const target = mkdtempSync(join(tmpdir(), 'junos-emulator-pip-'));
      const src = mkdtempSync(join(tmpdir(), 'junos-emulator-pysrc-'));
      await mustRun('cp', ['-r', join(REPO_ROOT, 'python'), src]);
      await mustRun(SYSTEM_PYTHON, ['-m', 'pip', 'install', '--no-build-isolation', '--no-index', '--target', target, join(src, 'python')]);
      const script = join(target, 'use_helper.py');
      writeFileSync(
        script,
        `from junos_emulator import Emulator
from ncclient import manager
with Emulator(devices=1) as emu:
    with manager.connect(**emu.devices[0].ncclient_params()) as m:
        print(m.rpc('<request-snapshot format="text"/>'))
`,
      );
      const env = { ...process.env, PYTHONPATH: target, PATH: `${join(prefix, 'bin')}:${process.env['PATH']}`, HOME: home };
      const out = await mustRun(SYSTEM_PYTHON, [script], { env, cwd: target, timeoutMs: 120_000 });
      expect(out).to.include('The following filesystems were archived: / /config');
    });
  });
});
