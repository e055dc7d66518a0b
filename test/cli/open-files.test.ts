import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

/** The command line under `prlimit --nofile=SOFT:HARD`, until its banner's limits line. */
function startLimited(nofile: string, args: string[]): Promise<{ banner: string[]; stop(): Promise<void> }> {
  const child = spawn('prlimit', [`--nofile=${nofile}`, process.execPath, MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/^open files: .*\n/m.test(out)) {
        resolve({
          banner: out.trim().split('\n'),
          stop: () =>
            new Promise((res) => {
              child.once('exit', () => res());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out} ${err}`)));
  });
}

describe('open-file limit', function () {
  before(function () {
    if (!hasPrlimit) {
      if (process.env['CI'] === 'true') throw new Error('prlimit (util-linux) is missing');
      console.log('    (skipped: prlimit from util-linux is not installed)');
      this.skip();
    }
  });

  it('under a soft limit of 256 (hard 1024) the banner says 1,024 and 300 sessions are held at once', async function () {
    this.timeout(180_000);
    const dir = mkdtempSync(join(tmpdir(), 'nofile-'));
    const config = join(dir, 'c.yaml');
    writeFileSync(config, stringify({ limits: { 'connection-limit': 400, 'max-unauthenticated': 400 }, devices: [{ name: 'r1', port: 0 }] }));
    const run = await startLimited('256:1024', ['--config', config, '--keys-dir', TEST_KEYS_DIR, '--log-level', 'silent', '--speed', 'instant']);
    const clients: NetconfClient[] = [];
    try {
      const port = Number(/port (\d+)/.exec(run.banner[0]!)![1]);
      const line = run.banner.find((l) => l.startsWith('open files:'))!;
      expect(line).to.match(/^open files: limit 1,024 \(hard 1,024\): room for 400 SSH sessions at once \(\d{3} by open files, 400 by the devices' connection-limit\)$/);
      const byFiles = Number(/\((\d+) by open files/.exec(line)![1]);
      expect(byFiles).to.be.above(300).and.below(1024);
      // More sessions than the soft limit it was started with had descriptors for.
      const wanted = 300;
      let next = 0;
      const open = async (): Promise<void> => {
        while (next < wanted) {
          next++;
          clients.push(await NetconfClient.connect({ host: '127.0.0.1', port, username: 'admin', password: 'admin123' }));
        }
      };
      await Promise.all(Array.from({ length: 8 }, open));
      expect(clients).to.have.length(wanted);
      // Every one is still open and answers.
      const replies = await Promise.all([clients[0]!, clients[wanted - 1]!].map((c) => c.rpc('<get-software-information/>')));
      for (const r of replies) expect(r).to.include('<host-name>r1</host-name>');
    } finally {
      for (const c of clients) c.close();
      await run.stop();
    }
  });

  it('--open-files above the hard limit says what stopped it when the process may not raise it', async function () {
    const run = await startLimited('512:512', ['--port', '0', '--keys-dir', TEST_KEYS_DIR, '--log-level', 'silent', '--open-files', '600']);
    try {
      const line = run.banner.find((l) => l.startsWith('open files:'))!;
      // Privileged (CAP_SYS_RESOURCE) it is raised; otherwise prlimit's refusal is named.
      expect(line).to.match(/^open files: limit (600 \(hard 600\)|512 \(hard 512; asked for 600: prlimit: .+\)): room for 75 SSH sessions/);
    } finally {
      await run.stop();
    }
  });

  it('refuses to start a fleet the limit cannot even listen for, saying how to raise it', async () => {
    const r = spawnSync('prlimit', ['--nofile=200:200', process.execPath, MAIN, '--devices', '300', '--base-port', '0', '--keys-dir', TEST_KEYS_DIR], { encoding: 'utf8' });
    expect(r.status).to.equal(2);
    expect(r.stderr).to.match(/300 listening endpoints need at least 364 open files; the limit is 200 \(hard 200\): raise it/);
  });
});
