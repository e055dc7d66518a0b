/**
 * The command as a tool: --version, one exit code for every usage error, a
 * stdout reader that goes away, and where host keys live when nothing says.
 */
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { USAGE_EXIT_CODE } from '../../src/cli/process-io.js';
import { defaultKeysDir } from '../../src/transport/device-keys.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';
import { REPO_ROOT } from '../support/python.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

function run(args: string[], env: NodeJS.ProcessEnv = process.env): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('junos-emulator as a tool', function () {
  it('--version prints the package version and exits 0', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = run([flag]);
      expect(r.code).to.equal(0);
      expect(r.stdout.trim()).to.equal(version);
    }
  });

  it(`every usage error exits ${USAGE_EXIT_CODE}, with a message on stderr`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-usage-'));
    writeFileSync(join(dir, 'bad.yaml'), 'devices:\n  - { name: r1, port: 0, flavour: vanilla }\n');
    const cases: string[][] = [
      ['--bogus'],
      ['--port', '99999'],
      ['--port', 'abc'],
      ['--devices', '0'],
      ['--base-port', '-1'],
      ['--control-port', '70000'],
      ['--log-level', 'loud'],
      ['--port'],
      ['extra-argument'],
      ['--config', join(dir, 'bad.yaml'), '--keys-dir', TEST_KEYS_DIR],
      ['--speed', 'warp', '--keys-dir', TEST_KEYS_DIR],
      ['--profile', 'mx9999', '--keys-dir', TEST_KEYS_DIR],
    ];
    for (const args of cases) {
      const r = run(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).to.equal(USAGE_EXIT_CODE);
      expect(r.stderr, args.join(' ')).to.match(/error|expected|unknown|invalid/i);
    }
    expect(run(['--help']).code).to.equal(0);
  });

  it('goes on serving after a reader of its stdout goes away (| head -2)', async function () {
    // 2,000 banner lines are more than a pipe holds, so the banner is still being
    // written when head exits: the next write fails with EPIPE.
    const cmd = `"${process.execPath}" "${MAIN}" --devices 2000 --base-port 0 --speed instant --log-level silent --keys-dir "${TEST_KEYS_DIR}" | { head -2; echo head-exited; }`;
    const shell = spawn('bash', ['-c', cmd], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let err = '';
    shell.stderr.on('data', (d: Buffer) => (err += d.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        shell.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('head-exited\n')) resolve();
        });
        shell.once('exit', () => reject(new Error(`the pipeline ended: ${out} ${err}`)));
      });
      const lines = out.trim().split('\n');
      expect(lines).to.have.length(3);
      const port = Number(/^device junos1 \(re0\): 127\.0\.0\.1 port (\d+),/.exec(lines[0]!)?.[1]);
      expect(port, lines[0]).to.be.greaterThan(0);
      const c = await NetconfClient.connect({ host: '127.0.0.1', port, username: 'admin', password: 'admin123' });
      expect(await c.rpc('<get-software-information/>')).to.include('<software-information>');
      c.close();
      // A second connection after the first: the process did not die between them.
      const c2 = await NetconfClient.connect({ host: '127.0.0.1', port, username: 'admin', password: 'admin123' });
      expect(await c2.rpc('<request-snapshot/>')).to.include('<snapshot-information');
      c2.close();
      expect(err).to.not.include('EPIPE');
    } finally {
      if (shell.exitCode === null) process.kill(-shell.pid!, 'SIGTERM');
    }
  });

  describe('where host keys live by default', () => {
    it('keys/ of a writable checkout (a git work tree)', () => {
      const root = mkdtempSync(join(tmpdir(), 'junos-emulator-checkout-'));
      mkdirSync(join(root, '.git'));
      expect(defaultKeysDir({ HOME: '/home/u' }, root)).to.equal(join(root, 'keys'));
      const worktree = mkdtempSync(join(tmpdir(), 'junos-emulator-worktree-'));
      writeFileSync(join(worktree, '.git'), 'gitdir: /elsewhere\n'); // a git worktree has a .git file
      expect(defaultKeysDir({ HOME: '/home/u', XDG_STATE_HOME: '/var/xdg' }, worktree)).to.equal(join(worktree, 'keys'));
    });

    it('the user state directory for a checkout the user may not write (root-owned, run as nobody)', function () {
      if (process.getuid?.() !== 0) this.skip();
      const root = mkdtempSync(join(tmpdir(), 'junos-emulator-rootcheckout-'));
      chmodSync(root, 0o755);
      mkdirSync(join(root, '.git'));
      const lib = fileURLToPath(new URL('../../src/transport/device-keys.js', import.meta.url));
      const code = `import { defaultKeysDir } from ${JSON.stringify(lib)}; console.log(defaultKeysDir({ HOME: '/home/u' }, ${JSON.stringify(root)}));`;
      const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--input-type=module', '-e', code], { encoding: 'utf8' });
      expect(r.stderr).to.equal('');
      expect(r.stdout.trim()).to.equal('/home/u/.local/state/junos-emulator/keys');
    });

    it('the user state directory for an installed copy: $XDG_STATE_HOME, else ~/.local/state', () => {
      const root = mkdtempSync(join(tmpdir(), 'junos-emulator-installed-'));
      expect(defaultKeysDir({ HOME: '/home/u', XDG_STATE_HOME: '/var/xdg' }, root)).to.equal('/var/xdg/junos-emulator/keys');
      expect(defaultKeysDir({ HOME: '/home/u' }, root)).to.equal('/home/u/.local/state/junos-emulator/keys');
      // The XDG spec ignores a relative path.
      expect(defaultKeysDir({ HOME: '/home/u', XDG_STATE_HOME: 'rel' }, root)).to.equal('/home/u/.local/state/junos-emulator/keys');
    });

    it('the start lines say where the keys are', async () => {
      const child = spawn(process.execPath, [MAIN, '--port', '0', '--keys-dir', TEST_KEYS_DIR, '--log-level', 'silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            // The keys line follows the banner (device lines, then the open-files line).
            if (/host keys: [^\n]*\n/.test(out)) resolve();
          });
          child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
        });
      } finally {
        child.kill('SIGTERM');
      }
      expect(out).to.include(`host keys: ${TEST_KEYS_DIR}\n`);
    });
  });
});
