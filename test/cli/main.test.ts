import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

interface Run {
  banner: string[];
  stop(): Promise<number | null>;
}

/** Every command line a test started and has not seen exit: afterEach kills them, so a failing test leaves no process behind. */
const running = new Set<ReturnType<typeof spawn>>();

/** Starts the real command line and waits for its banner. */
function startCli(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no banner: ${out} ${err}`)), 20_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve({
          banner: out.trim().split('\n'),
          stop: () =>
            new Promise((res) => {
              child.once('exit', (code) => res(code));
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${err}`));
    });
  });
}

function runToExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describe('junos-emulator command line', function () {
  afterEach(() => {
    for (const child of running) child.kill('SIGKILL');
    running.clear();
  });

  it('starts a working default device and prints address, port, profile and login', async () => {
    const run = await startCli(['--port', '0', '--keys-dir', TEST_KEYS_DIR, '--log-level', 'silent']);
    try {
      const m = /^device junos1 \(re0\): 127\.0\.0\.1 port (\d+), profile mx960, login admin\/admin123 \(class super-user\)$/.exec(run.banner[0]!);
      expect(m, run.banner[0]).to.not.equal(null);
      const c = await NetconfClient.connect({ host: '127.0.0.1', port: Number(m![1]), username: 'admin', password: 'admin123' });
      expect(await c.rpc('<request-snapshot/>')).to.include('<snapshot-information');
      c.close();
    } finally {
      expect(await run.stop()).to.equal(0);
    }
  });

  it('generates host keys (an ed25519 seed, an RSA key) 0600 on first start and reuses them', async () => {
    const keys = mkdtempSync(join(tmpdir(), 'junos-emulator-hostkeys-'));
    const seen: string[] = [];
    for (let i = 0; i < 2; i++) {
      const run = await startCli(['--port', '0', '--keys-dir', keys, '--log-level', 'silent']);
      const port = Number(/port (\d+)/.exec(run.banner[0]!)![1]);
      let hostKey = '';
      try {
        const c = await NetconfClient.connect({ host: '127.0.0.1', port, username: 'admin', password: 'admin123', hostVerifier: (k: Buffer) => ((hostKey = k.toString('base64')), true) });
        c.close();
      } finally {
        await run.stop();
      }
      seen.push(hostKey);
    }
    expect(seen[0]).to.not.equal('');
    expect(seen[1]).to.equal(seen[0]);
    for (const f of ['fleet_host_key_seed', 'ssh_host_rsa_key']) {
      expect(statSync(join(keys, f)).mode & 0o777).to.equal(0o600);
    }
  });

  it('refuses a bad configuration at start, naming the key, with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-badcfg-'));
    writeFileSync(join(dir, 'c.yaml'), 'devices:\n  - { name: r1, port: 0, flavour: vanilla }\n');
    const r = await runToExit(['--config', join(dir, 'c.yaml'), '--keys-dir', TEST_KEYS_DIR]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('devices[0].flavour: unknown key');
  });

  it('--help lists the contract flags', async () => {
    const child = spawn(process.execPath, [MAIN, '--help'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((r) => child.once('exit', r));
    for (const flag of ['--config', '--host', '--port', '--profile', '--user', '--authorized-keys', '--state-dir', '--rfc-compliant', '--help']) {
      expect(out).to.include(flag);
    }
  });
});
