/**
 * stop() must settle for a caller with nothing else to wait on: the SSH
 * workers are unref'd (they never keep the owner alive), so a stop that
 * waited on their exit without holding a reference left an empty event loop
 * and Node ended the script with exit code 13 (an unsettled top-level await)
 * instead of running the line after `await emu.stop()`.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const INDEX = fileURLToPath(new URL('../../src/index.js', import.meta.url));

/** Two devices, a session on each and a refused login: the owner keeping no connection first, one lands in the worker, and the listener's close waits on its IPC report. */
const SCRIPT_WORKER_CONNECTION = `
import { NetconfClient, startEmulator } from ${JSON.stringify('__INDEX__')};
const emu = await startEmulator({ devices: [{ name: 'r1' }, { name: 'r2' }], workers: 1 });
emu.running.workers.ownerFirst = 0; // place by weight alone, so the second session goes to the worker
for (const d of emu.devices) {
  const c = await NetconfClient.connect({ host: d.host, port: d.port, username: d.username, password: d.password });
  await c.rpc('<get-software-information/>');
  c.close();
}
await NetconfClient.connect({ host: '127.0.0.1', port: emu.devices[0].port, username: 'admin', password: 'wrong' }).catch(() => undefined);
await emu.stop();
console.log('after stop');
`;

const SCRIPT = `
import { NetconfClient, startEmulator } from ${JSON.stringify(INDEX)};
const emu = await startEmulator({ devices: [{ name: 'r1' }], workers: 1 });
const d = emu.devices[0];
const c = await NetconfClient.connect({ host: d.host, port: d.port, username: d.username, password: d.password });
await c.rpc('<get-software-information/>');
c.close();
await emu.stop();
console.log('after stop');
`;

describe('SSH workers: stopping the emulator', function () {
  this.timeout(60_000);

  it('a script whose last await is emu.stop() runs the line after it and exits 0, worker included', async () => {
    for (const script of [SCRIPT, SCRIPT_WORKER_CONNECTION.replace('"__INDEX__"', JSON.stringify(INDEX))]) for (let i = 0; i < 3; i++) {
      const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 }, (err, out) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: out }),
        );
        child.stdin?.end();
      });
      expect({ code, stdout }).to.deep.equal({ code: 0, stdout: 'after stop\n' });
    }
  });
});
