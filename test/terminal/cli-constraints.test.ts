/**
 * The schema's constraints as a person at the CLI sees them (OpenSSH, pty,
 * tmux): `set` of one case of a choice replaces the other (`show` after it),
 * a pattern refuses a value, and `commit check` prints a junos:must failure
 * in Junos's commit layout.
 */
import { expect } from 'chai';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { requireClient } from '../support/python.js';
import { haveTmux, runAt, sshCommand, stopTmux, TmuxTerminal } from '../support/tmux.js';

const PROMPT = 'user@host> ';
const CONFIG = 'user@host# ';

describe('terminal: schema constraints at the CLI (OpenSSH, pty, tmux)', function () {
  let t: TestEmulator;
  let term: TmuxTerminal | undefined;
  const run = (line: string, prompt = CONFIG): Promise<string> => runAt(term!, line, prompt);

  before(async function () {
    requireClient(this, 'tmux and sshpass', haveTmux());
    t = await startTestEmulator({
      yaml: { users: [{ name: 'user', password: 'user123', class: 'super-user' }], speed: 'instant', devices: [{ name: 'r1', port: 0, profile: 'mx960', hostname: 'host' }] },
    });
    term = await TmuxTerminal.open(sshCommand(t.port, 'user', 'user123'));
    await term.waitForEnd(PROMPT);
    await term.line('configure');
    await term.waitForEnd(CONFIG);
  });
  after(async () => {
    await term?.close();
    await stopTmux();
    await t?.stop();
  });

  it('set of another syslog level replaces the first (a choice), as show then shows', async () => {
    await run('set system syslog file messages any notice');
    await run('set system syslog file messages any info');
    const shown = await run('show system syslog | display set');
    expect(shown).to.include('set system syslog file messages any info').and.not.include('notice');
  });

  it('a value its pattern refuses is not set, with the pattern-message', async () => {
    expect(await run('set system host-name "bad name"')).to.include('Must be a string of alphanumericals, dashes or underscores');
    expect(await run('show system host-name')).to.not.include('bad name');
  });

  it('commit check prints a junos:must failure under its hierarchy, then check-out failed', async () => {
    await run('set access ldap-server 192.0.2.1');
    const out = await run('commit check');
    expect(out).to.include("[edit access]\n  'ldap-server 192.0.2.1'\n    ldap-options must be configured when ldap-server is configured\nerror: configuration check-out failed");
    await run('set access ldap-options base-distinguished-name dc=example');
    expect(await run('commit check')).to.include('configuration check succeeds');
  });
});
