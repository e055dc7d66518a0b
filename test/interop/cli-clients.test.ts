/**
 * CLI-over-SSH clients against the emulator's Junos CLI, with their defaults
 * in a workstation HOME: netmiko's juniper_junos (Debian's 2.4.2 and 4.6.0),
 * scrapli's JunosDriver over OpenSSH (current only: Debian has no scrapli),
 * and PyEZ's StartShell (Debian's 2.1.7 and 2.8.0).
 */
import { expect } from 'chai';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython, runPython, type ClientStack } from '../support/python.js';
import { SAMPLE_1 } from '../support/spec-samples.js';

const USER = { name: 'user', password: 'user123' };

function yaml(hostname: string): Record<string, unknown> {
  return {
    users: [{ name: USER.name, password: USER.password, class: 'super-user' }],
    speed: 'instant',
    devices: [{ name: 'r1', port: 0, profile: 'mx960', hostname }],
  };
}

interface NetmikoResult {
  version: string;
  base_prompt: string;
  show_version: string;
  snapshot: string;
  bad_command: string;
  config_set: string;
  commit_check: string;
  commit: string;
  exit_config: string;
  committed: string;
  in_config_mode_after: boolean;
}

interface Sent {
  result: string;
  failed: boolean;
}

interface ScrapliResult {
  prompt: string;
  snapshot: Sent;
  info: Sent;
  bad: Sent;
  configs: { results: string[]; failed: boolean };
  private: { results: string[]; failed: boolean };
  committed: string;
  prompt_after: string;
}

interface ShellRun {
  ok: boolean;
  text: string;
}

const stacks = (...names: Array<ClientStack['name']>): ClientStack[] => CLIENT_STACKS.filter((s) => names.includes(s.name));

for (const stack of stacks('debian', 'current')) {
  describe(`interop: netmiko juniper_junos over the CLI (${stack.label})`, function () {
    // netmiko 2.4.2 paces itself with sleeps: its run takes about 40 s on an idle machine, which left
    // mocha's 60 s default (shorter than the script's own 120 s) little room on a slower or loaded one.
    this.timeout(180_000);
    let t: TestEmulator;
    before(async function () {
      requirePython(this, 'netmiko', stack);
      t = await startTestEmulator({ yaml: yaml('r1') });
    });
    after(async () => t?.stop());

    it('prepares the session, sends commands, configures, commits and leaves configuration mode', async () => {
      const domain = `netmiko-${stack.name}.example.net`;
      const r = await runPython<NetmikoResult>('netmiko_cli.py', { host: '127.0.0.1', port: t.port, user: USER.name, password: USER.password, domain }, 120_000, stack);
      expect(r.version).to.match(stack.name === 'debian' ? /^2\.4\./ : /^4\.6\./);
      expect(r.base_prompt).to.equal('user@r1');
      expect(r.show_version).to.include('Hostname: r1\nModel: mx960\nJUNOS Base OS boot [9.3R4.4]\n');
      expect(r.snapshot.trimEnd()).to.equal(SAMPLE_1.trimEnd());
      expect(r.bad_command).to.include('syntax error, expecting <command>.');
      expect(r.config_set).to.include('Entering configuration mode');
      expect(r.commit_check).to.include('configuration check succeeds');
      expect(r.commit).to.include('commit complete');
      expect(r.committed).to.include(`domain-name ${domain};`);
      expect(r.in_config_mode_after).to.equal(false);
      const dev = t.emulator.device('r1')!;
      expect(dev.configuration.lastCommit()).to.include({ user: USER.name, comment: 'netmiko' });
      // The netmiko session asked for a pty of its size and paged nothing.
      expect(r.show_version).to.not.include('---(more');
    });
  });
}

for (const stack of stacks('current')) {
  describe(`interop: scrapli JunosDriver, system transport (${stack.label})`, function () {
    let t: TestEmulator;
    before(async function () {
      requirePython(this, 'scrapli', stack);
      t = await startTestEmulator({ yaml: yaml('r1') });
    });
    after(async () => t?.stop());

    it('opens, sends commands and configs (shared and private), sees a failing command as failed', async () => {
      const domain = 'scrapli.example.net';
      const r = await runPython<ScrapliResult>('scrapli_cli.py', { host: '127.0.0.1', port: t.port, user: USER.name, password: USER.password, domain }, 120_000, stack);
      expect(r.prompt).to.equal('user@r1>');
      expect(r.snapshot).to.deep.equal({ result: SAMPLE_1.trimEnd(), failed: false });
      expect(r.info.failed).to.equal(false);
      expect(r.info.result.split('\n')).to.have.length(2);
      expect(r.bad.failed).to.equal(true);
      expect(r.bad.result).to.include('syntax error, expecting <command>.');
      expect(r.configs.failed).to.equal(false);
      expect(r.configs.results[1]).to.include('commit complete');
      expect(r.private.failed).to.equal(false);
      expect(r.private.results[1]).to.include('commit complete');
      expect(r.committed).to.include(`domain-name ${domain};`).and.include('message private-edit;');
      expect(r.prompt_after).to.equal('user@r1>');
    });
  });
}

for (const stack of stacks('debian', 'current')) {
  describe(`interop: PyEZ StartShell (${stack.label})`, function () {
    let t: TestEmulator;
    // PyEZ 2.1.7 connects StartShell to port 22 unless the device is `localhost` by name and by facts.
    const debian = stack.name === 'debian';
    before(async function () {
      requirePython(this, 'jnpr.junos.utils.start_shell', stack);
      t = await startTestEmulator({ yaml: yaml(debian ? 'localhost' : 'r1') });
    });
    after(async () => t?.stop());

    it('starts the shell from the CLI prompt and runs cli -c with its status', async () => {
      const r = await runPython<Record<string, ShellRun>>(
        'pyez_startshell.py',
        { host: debian ? 'localhost' : '127.0.0.1', port: t.port, user: USER.name, password: USER.password, open_first: debian },
        60_000,
        stack,
      );
      expect(r['snapshot']!.ok).to.equal(true);
      expect(r['snapshot']!.text).to.equal(`cli -c "request system snapshot"\r\n${SAMPLE_1.replace(/\n/g, '\r\n')}% `);
      expect(r['info']).to.deep.include({ ok: true });
      expect(r['info']!.text).to.match(/Information for snapshot on/);
      expect(r['bad']!.ok).to.equal(false);
      expect(r['bad']!.text).to.include('syntax error, expecting <command>.');
      expect(r['echo']).to.deep.equal({ ok: true, text: 'echo hello\r\nhello\r\n% ' });
    });
  });
}
