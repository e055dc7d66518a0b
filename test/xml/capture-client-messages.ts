/**
 * Records what real NETCONF clients send, as the seeds of the parser's
 * mutation test (test/xml/client-messages.json). Not a test: run it again when
 * a client release changes what it sends.
 *
 *   npx tsc -p tsconfig.json && node dist/test/xml/capture-client-messages.js [/work/shared/clients]
 *
 * Debian's ncclient and PyEZ run under /usr/bin/python3 as installed; the
 * current releases from the clients folder (see its VERSIONS.md) on PYTHONPATH.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../src/index.js';
import { SYSTEM_PYTHON } from '../support/python.js';

const SOURCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'xml');
const clientsDir = process.argv[2] ?? '/work/shared/clients';
const current = ['paramiko', 'ncclient', 'py-junos-eznc/lib', 'yamlloader/src', 'scrapli', 'scrapli_netconf'].map((d) => join(clientsDir, d)).join(':');

const RUNS: Array<{ name: string; client: string; pythonPath?: string }> = [
  { name: 'ncclient 0.7.1', client: 'ncclient', pythonPath: current },
  { name: 'ncclient 0.7.1, device_params junos', client: 'ncclient-junos', pythonPath: current },
  { name: 'PyEZ 2.8.0 with ncclient 0.7.1', client: 'pyez', pythonPath: current },
  { name: 'scrapli_netconf 2026.01.12', client: 'scrapli', pythonPath: current },
  { name: 'ncclient 0.6.13 (Debian)', client: 'ncclient' },
  { name: 'ncclient 0.6.13 (Debian), device_params junos', client: 'ncclient-junos' },
  { name: 'PyEZ 2.1.7 (Debian)', client: 'pyez' },
];

const emu = await startEmulator({
  devices: [{ name: 'r1', profile: 'mx960' }],
  users: [{ name: 'lab', password: 'lab123' }],
  transcriptDir: mkdtempSync(join(tmpdir(), 'capture-')),
});
const d = emu.device('r1');
const home = mkdtempSync(join(tmpdir(), 'capture-home-'));
const out: Array<{ client: string; messages: string[] }> = [];
for (const run of RUNS) {
  emu.clearRequestLog();
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: home, ...(run.pythonPath ? { PYTHONPATH: run.pythonPath } : {}) };
  const params = JSON.stringify({ client: run.client, host: d.host, port: d.port, user: 'lab', password: 'lab123' });
  try {
    // Asynchronously: the emulator answers from this same process.
    const { stdout } = await promisify(execFile)(SYSTEM_PYTHON, [join(SOURCE_DIR, 'capture_clients.py'), params], { env, timeout: 120_000 });
    console.log(run.name, stdout.trim());
  } catch (err) {
    console.log(run.name, 'failed:', (err as Error).message.split('\n')[0]);
    continue;
  }
  const messages = d.requestLog({ direction: 'in' }).map((e) => e.xml ?? '').filter((x) => x !== '');
  out.push({ client: run.name, messages: [...new Set(messages)] });
}
await emu.stop();
writeFileSync(join(SOURCE_DIR, 'client-messages.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${out.reduce((s, c) => s + c.messages.length, 0)} messages from ${out.length} clients`);
