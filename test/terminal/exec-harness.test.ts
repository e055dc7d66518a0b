/**
 * The exec channel through OpenSSH (`ssh host 'COMMAND'`: the output, no
 * prompt, the exit status), and the harness around CLI sessions: the
 * session list and kill, the fault plan scoped by CLI command, the request
 * log and transcripts.
 */
import { expect } from 'chai';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { clientEnv, requireClient } from '../support/python.js';
import { SAMPLE_1 } from '../support/spec-samples.js';
import { haveBinaries } from '../support/tmux.js';

const USER = { name: 'user', password: 'user123' };

interface Exec {
  stdout: string;
  status: number | null;
}

/** `ssh -p PORT user@127.0.0.1 COMMAND` (password through sshpass); `tty` adds -tt. */
async function ssh(port: number, command: string, o: { tty?: boolean; input?: string; onStdout?: (all: string) => void } = {}): Promise<Exec> {
  const args = ['-p', USER.password, 'ssh', ...(o.tty ? ['-tt'] : []), '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-p', String(port), `${USER.name}@127.0.0.1`, command];
  const child = spawn('sshpass', args, { env: await clientEnv(), stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (o.input !== undefined) {
    // A child that exits before reading its stdin makes the write fail with EPIPE: its exit status tells what happened.
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(o.input);
  }
  let stdout = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (d: string) => {
    stdout += d;
    o.onStdout?.(stdout);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, status }));
  });
}

/** Polls until `test` holds. */
async function until(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('terminal: exec channel and harness (OpenSSH)', function () {
  let t: TestEmulator;
  const transcripts = mkdtempSync(join(tmpdir(), 'junos-emulator-cli-transcripts-'));
  before(async function () {
    requireClient(this, 'sshpass', haveBinaries('sshpass'));
    t = await startTestEmulator({
      yaml: {
        users: [{ name: USER.name, password: USER.password, class: 'super-user' }],
        speed: 'instant',
        'transcript-dir': transcripts,
        devices: [{ name: 'r1', port: 0, profile: 'mx960', hostname: 'host' }],
      },
    });
  });
  afterEach(() => t.emulator.faults.clear());
  after(async () => t?.stop());

  it('runs one command with pipes and exits 0; a refused line exits 1', async () => {
    const ok = await ssh(t.port, 'show version | match Hostname');
    expect(ok).to.deep.equal({ stdout: 'Hostname: host\n', status: 0 });
    const snap = await ssh(t.port, 'request system snapshot');
    expect(snap).to.deep.equal({ stdout: SAMPLE_1, status: 0 });
    const bad = await ssh(t.port, 'show foo');
    expect(bad.status).to.equal(1);
    expect(bad.stdout).to.equal('     ^\nsyntax error, expecting <command>.\n');
  });

  it("runs `cli -c '...'`, with a pty too (CR LF line ends)", async () => {
    expect(await ssh(t.port, `cli -c "show version | match Model"`)).to.deep.equal({ stdout: 'Model: mx960\n', status: 0 });
    const tty = await ssh(t.port, `cli -c 'show version | count'`, { tty: true });
    expect(tty.stdout).to.equal('Count: 10 lines\r\n');
    expect(tty.status).to.equal(0);
  });

  it('an rpc-error exits 1 with the error line', async () => {
    await t.emulator.control.updateSettings('r1', { 'mirror-flash-on-disk': true });
    try {
      const r = await ssh(t.port, 'request system snapshot');
      expect(r).to.deep.equal({ stdout: 'Snapshot is not possible since mirror-flash-on-disk is configured.\n', status: 1 });
    } finally {
      await t.emulator.control.updateSettings('r1', { 'mirror-flash-on-disk': false });
    }
  });

  it('the fault plan scopes by CLI command: a delay holds the output until the clock moves', async () => {
    const clock = t.emulator.clock;
    t.emulator.faults.arm({ action: 'delay', delay: '60s', command: 'show version' });
    clock.pause();
    try {
      let out = '';
      const done = ssh(t.port, 'sh ver | match Hostname', { onStdout: (s) => (out = s) });
      await until(() => t.emulator.requestLog.query({ direction: 'fault' }).length > 0 && clock.pending() > 0, 'the delay');
      expect(out).to.equal('');
      clock.advance(60_000);
      expect(await done).to.deep.equal({ stdout: 'Hostname: host\n', status: 0 });
    } finally {
      clock.resume();
    }
    // Another command is not in the fault's scope.
    expect((await ssh(t.port, 'show system storage | count')).status).to.equal(0);
  });

  it('drop mid-output cuts the connection after part of the text', async () => {
    t.emulator.faults.arm({ action: 'drop', at: 'mid-reply', command: 'request system snapshot' });
    const r = await ssh(t.port, 'request system snapshot');
    expect(r.status).to.equal(255);
    expect(r.stdout.length).to.be.greaterThan(0);
    expect(SAMPLE_1.startsWith(r.stdout)).to.equal(true);
    expect(r.stdout.length).to.be.lessThan(SAMPLE_1.length);
  });

  it('hang: no output while the session is listed; killing it through the control API ends ssh', async () => {
    t.emulator.faults.arm({ action: 'hang', command: 'show system snapshot' });
    const before = new Set(t.emulator.control.sessions('r1').map((s) => s.id));
    const done = ssh(t.port, 'show system snapshot');
    await until(() => t.emulator.requestLog.query({ direction: 'fault' }).some((e) => e.fault?.action === 'hang'), 'the hang');
    const mine = t.emulator.control.sessions('r1').filter((s) => !before.has(s.id));
    expect(mine).to.have.length(1);
    expect(mine[0]).to.include({ user: 'user', userClass: 'super-user', routingEngine: 're0' });
    t.emulator.control.killSession('r1', mine[0]!.id);
    const r = await done;
    expect(r.stdout).to.equal('');
    expect(r.status).to.not.equal(0);
    expect(t.emulator.control.sessions('r1').map((s) => s.id)).to.not.include(mine[0]!.id);
  });

  it('a NETCONF session kills a CLI session with <kill-session>', async () => {
    const before = new Set(t.emulator.device('r1')!.sessions.list().map((s) => s.id));
    const since = t.emulator.requestLog.query().at(-1)?.seq ?? 0;
    t.emulator.faults.arm({ action: 'hang', command: 'show version' });
    const done = ssh(t.port, 'show version');
    await until(() => t.emulator.requestLog.query({ direction: 'fault', since }).some((e) => e.fault?.action === 'hang'), 'the hang');
    const cli = t.emulator.device('r1')!.sessions.list().find((s) => !before.has(s.id))!;
    const nc = await t.client();
    const reply = await nc.rpc(`<kill-session><session-id>${cli.id}</session-id></kill-session>`);
    expect(reply).to.include('<ok/>');
    expect((await done).status).to.equal(1);
    expect(t.emulator.device('r1')!.sessions.get(cli.id)).to.equal(undefined);
  });

  it('the request log holds CLI lines (with the RPC they ran) and their output; the transcript file too', async () => {
    const since = t.emulator.requestLog.query().at(-1)?.seq ?? 0;
    await ssh(t.port, 'show version | match Model');
    const entries = t.emulator.requestLog.query({ since });
    const inLine = entries.find((e) => e.direction === 'cli-in');
    const outText = entries.find((e) => e.direction === 'cli-out');
    expect(inLine).to.include({ text: 'show version | match Model', rpc: 'get-software-information', user: 'user', device: 'r1' });
    expect(outText).to.include({ text: 'Model: mx960\n', session: inLine!.session });
    expect(entries.some((e) => e.direction === 'event' && e.session === inLine!.session && e.event?.startsWith('session end'))).to.equal(true);
    expect(t.emulator.control.requestLog({ direction: 'cli-in', contains: 'match Model', since })).to.have.length(1);
    const file = join(transcripts, 'r1', `cli-${inLine!.session}.log`);
    await until(() => readdirSync(join(transcripts, 'r1')).includes(`cli-${inLine!.session}.log`) && readFileSync(file, 'utf8').includes('Model: mx960'), 'the transcript');
    const text = readFileSync(file, 'utf8');
    expect(text).to.match(/\[CLI\] - \[\d+\] Incoming: show version \| match Model\n/);
    expect(text).to.match(/\[CLI\] - \[\d+\] Outgoing:\nModel: mx960\n/);
  });

  it('a question reads its answer from the channel: EOF is no, yes reboots the device', async () => {
    const no = await ssh(t.port, 'request system reboot');
    expect(no).to.deep.equal({ stdout: 'Reboot the system ? [yes,no] (no) \n', status: 0 });
    const dev = t.emulator.device('r1')!;
    const bootedAt = dev.system.bootedAt;
    const yes = await ssh(t.port, 'request system reboot', { input: 'yes\n' });
    expect(yes.stdout).to.match(/^Reboot the system \? \[yes,no\] \(no\) Shutdown NOW!\n\[pid \d+\]\n$/);
    await until(() => dev.running && dev.system.bootedAt !== bootedAt, 'the device to boot again');
    expect((await ssh(t.port, 'show version | match Model')).stdout).to.equal('Model: mx960\n');
  });

  it('the NETCONF exec entry points still open NETCONF', async () => {
    const c = await t.client({ exec: 'xml-mode netconf need-trailer' });
    expect(c.serverHello).to.include('<session-id>');
    const j = await t.client({ exec: 'junoscript netconf need-trailer' });
    expect(j.serverHello).to.include('<session-id>');
  });
});
