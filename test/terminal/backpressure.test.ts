/**
 * A CLI client that sends commands and never reads: the session stops
 * reading the next line until its output has gone out, so what it holds is
 * bounded by the SSH window, not by how much the client sends.
 */
import { expect } from 'chai';
import { performance } from 'node:perf_hooks';
import ssh2 from 'ssh2';
import type { ClientChannel } from 'ssh2';
import type { CliSession } from '../../src/terminal/cli-session.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

async function until(test: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('terminal flow control: a client that sends and never reads', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator();
  });
  after(async () => t.stop());

  it('waits for its output to drain before the next line, then answers every command', async () => {
    const client = new ssh2.Client();
    await new Promise<void>((resolve, reject) => {
      client.on('ready', () => resolve()).on('error', reject);
      client.connect({ host: '127.0.0.1', port: t.port, username: TEST_USER.name, password: TEST_USER.password });
    });
    const shell = await new Promise<ClientChannel>((resolve, reject) => client.shell({ rows: 0, cols: 200, term: 'vt100' }, (err, ch) => (err ? reject(err) : resolve(ch))));
    shell.pause();
    const total = 20_000;
    shell.write('show version\n'.repeat(total));
    const device = t.emulator.devices[0]!;
    const session = (): CliSession => device.sessions.list()[0] as unknown as CliSession;
    await until(() => device.sessions.size === 1 && (session().blocked || session().rpcCount >= total), 'the session to block');
    const blockedAt = session().rpcCount;
    expect(session().blocked, 'the session ran every command without the client reading').to.equal(true);
    expect(blockedAt).to.be.lessThan(total);
    let seen = 0;
    shell.on('data', (d: Buffer) => {
      seen += (d.toString('latin1').match(/Hostname: /g) ?? []).length;
    });
    shell.resume();
    await until(() => seen === total, 'every output');
    expect(session().rpcCount).to.equal(total);
    client.end();
  });
});
