/**
 * `?` in configuration mode lists what the device's release allows at that
 * point, from its configuration schema (docs/cli.md): through OpenSSH with a
 * pty in tmux, on a 9.3 device (17.4 schema) and a 23.4 one, whose lists differ.
 */
import { expect } from 'chai';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { requireClient } from '../support/python.js';
import { fromLast, haveTmux, sshCommand, stopTmux, TmuxTerminal } from '../support/tmux.js';

const CONFIG = 'user@host# ';

describe('terminal: ? in configuration mode lists the schema of the device release', function () {
  let t: TestEmulator;
  const terms: TmuxTerminal[] = [];
  const configure = async (device: string): Promise<TmuxTerminal> => {
    const port = t.emulator.device(device)!.ports()[0]!.port;
    const term = await TmuxTerminal.open(sshCommand(port, 'user', 'user123'), { rows: 200 });
    terms.push(term);
    await term.waitForEnd('user@host> ');
    await term.line('configure');
    await term.waitForEnd(CONFIG);
    return term;
  };
  /** The listing `?` prints after `line`, without the redrawn line. */
  const help = async (term: TmuxTerminal, line: string): Promise<string[]> => {
    await term.keys('C-u');
    await term.type(`${line}?`);
    const s = await term.waitFor((x) => x.endsWith(`${CONFIG}${line}`.trimEnd()) && fromLast(x, `${CONFIG}${line}?`).split('\n').length > 2, `the listing after ${line}`);
    const lines = fromLast(s, `${CONFIG}${line}?`).split('\n');
    return lines.slice(1, -1);
  };

  before(async function () {
    requireClient(this, 'tmux and sshpass', haveTmux());
    t = await startTestEmulator({
      yaml: {
        users: [{ name: 'user', password: 'user123', class: 'super-user' }],
        speed: 'instant',
        devices: [
          { name: 'old', port: 0, profile: 'mx960', hostname: 'host' },
          { name: 'new', port: 0, profile: 'mx960-23.4', hostname: 'host' },
        ],
      },
    });
  });
  after(async () => {
    for (const term of terms) await term.close();
    await stopTmux();
    await t?.stop();
  });

  it('lists the statements of the release with marks, Junos help where known and a leaf type otherwise', async () => {
    const old = await configure('old');
    const now = await configure('new');
    const oldNetconf = await help(old, 'set system services netconf ');
    const newNetconf = await help(now, 'set system services netconf ');
    // `netconf hello-message` came with 21.4: only the 23.4 device offers it.
    expect(oldNetconf).to.deep.equal([
      'Possible completions:',
      '  <[Enter]>            Execute this command',
      '+ apply-groups         Groups from which to inherit configuration data',
      "+ apply-groups-except  Don't inherit configuration data from these groups",
      '> apply-macro          Macro and parameters for commit script expansion',
      '  rfc-compliant',
      '> ssh',
      '> traceoptions',
      '  yang-compliant',
      '> yang-modules',
      '  |                    Pipe through a command',
      '[edit]',
    ]);
    expect(newNetconf).to.include('> hello-message');
    expect(newNetconf).to.include('  flatten-commit-results');
    const sys = await help(old, 'set system ');
    for (const row of [
      '  host-name            Hostname for this router',
      '> login                Names, login classes, and passwords for users',
      '+ domain-search        String',
      '  saved-core-files     Number (1..10)',
      '+ authentication-order One of: radius, tacplus, password',
      '> ntp',
      '  no-redirects',
    ]) {
      expect(sys, row).to.include(row);
    }
    // Relative to the edit level, as Junos reads a path there.
    await old.keys('C-u');
    await old.line('edit system login');
    await old.waitForEnd(CONFIG);
    expect(await help(old, 'set retry-options ')).to.include('  tries-before-disconnect Number (2..10)');
  });
});
