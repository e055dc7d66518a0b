/**
 * Configuration mode of the interactive CLI as a person at a terminal sees
 * it, through OpenSSH with a pty in tmux: configure, set, show | compare,
 * commit (check, comment, confirmed), rollback and rescue, the
 * uncommitted-changes question, private and exclusive candidates.
 */
import { expect } from 'chai';
import { CONFIG, PROMPT, cliScreenSuite } from '../support/cli-screen.js';
import { fromLast } from '../support/tmux.js';

describe('terminal: configuration mode in the interactive CLI (OpenSSH, pty, tmux)', function () {
  const screen = cliScreenSuite();
  const { login, run } = screen;

  it('configure, set, show | compare, commit, rollback, exit with the uncommitted-changes question', async () => {
    const term = await login();
    await term.line('configure');
    let s = await term.waitForEnd(CONFIG);
    expect(fromLast(s, `${PROMPT}configure`)).to.equal(`${PROMPT}configure\nEntering configuration mode\n\n[edit]\n${CONFIG.trimEnd()}`);
    expect(await run(term, 'set system domain-name example.net', CONFIG)).to.equal(`${CONFIG}set system domain-name example.net\n\n[edit]\n${CONFIG.trimEnd()}`);
    // Junos's compare (SRX320 capture, ruby-junos-ez-stdlib#65): the banner right after the command line.
    expect(await run(term, 'show | compare', CONFIG)).to.equal(`${CONFIG}show | compare\n[edit system]\n+  domain-name example.net;\n\n[edit]\n${CONFIG.trimEnd()}`);
    // A statement the release schema does not have: the caret under it, as Junos.
    expect(await run(term, 'set sytem host-name x', CONFIG)).to.equal(`${CONFIG}set sytem host-name x\n${' '.repeat(CONFIG.length + 4)}^\nsyntax error.\n\n[edit]\n${CONFIG.trimEnd()}`);
    expect(await run(term, 'set system login retry-options tries-before-disconnect 99', CONFIG)).to.include('\n    Value 99 is not within range (2..10)\n');
    expect(await run(term, 'edit system', CONFIG)).to.equal(`${CONFIG}edit system\n\n[edit system]\n${CONFIG.trimEnd()}`);
    expect(await run(term, 'show domain-name', CONFIG)).to.include('domain-name example.net;');
    expect(await run(term, 'top', CONFIG)).to.include('\n[edit]\n');
    expect(await run(term, 'commit check', CONFIG)).to.include('\nconfiguration check succeeds\n');
    expect(await run(term, 'commit comment "from the terminal"', CONFIG)).to.include('\ncommit complete\n');
    expect(screen.t.emulator.device('r1')!.configuration.lastCommit()).to.include({ user: 'user', comment: 'from the terminal' });
    expect(await run(term, 'rollback 1', CONFIG)).to.include('\nload complete\n');
    expect(await run(term, 'show system domain-name', CONFIG)).to.not.include('example.net');
    await term.line('exit');
    s = await term.waitFor((x) => x.endsWith('Exit with uncommitted changes? [yes,no] (yes)'), 'the question');
    expect(s).to.include('The configuration has been changed but not committed\n');
    await term.line('yes');
    s = await term.waitForEnd(PROMPT);
    expect(s).to.include('Exiting configuration mode\n');
    expect(await run(term, 'show configuration system domain-name')).to.include('domain-name example.net;');
    await term.line('configure');
    s = await term.waitForEnd(CONFIG);
    expect(fromLast(s, `${PROMPT}configure`)).to.include('Entering configuration mode\nThe configuration has been changed but not committed\n');
    expect(await run(term, 'rollback 0', CONFIG)).to.include('\nload complete\n');
    expect(await run(term, 'exit', CONFIG, PROMPT)).to.equal(`${CONFIG}exit\nExiting configuration mode\n\n${PROMPT.trimEnd()}`);
    // A private candidate is refused while the shared one holds uncommitted changes (a live Junos capture).
    await term.line('configure');
    await term.waitForEnd(CONFIG);
    await run(term, 'set system location building shared', CONFIG);
    await term.line('exit');
    await term.waitFor((x) => x.endsWith('Exit with uncommitted changes? [yes,no] (yes)'), 'the question');
    await term.line('yes');
    await term.waitForEnd(PROMPT);
    s = await run(term, 'configure private');
    expect(s).to.include(`${PROMPT}configure private\nerror: shared configuration database modified\n`).and.not.include('Entering configuration mode');
    await term.line('configure');
    await term.waitForEnd(CONFIG);
    expect(await run(term, 'rollback 0', CONFIG)).to.include('\nload complete\n');
    await run(term, 'exit', CONFIG, PROMPT);
    await term.line('configure private');
    s = await term.waitForEnd(CONFIG);
    expect(s).to.include('warning: uncommitted changes will be discarded on exit\nEntering configuration mode\n');
    expect(await run(term, 'exit configuration-mode', CONFIG, PROMPT)).to.include('Exiting configuration mode');
  });

  it('commit confirmed prints the rollback notice the reply carries, read back with the one parser', async () => {
    const term = await login();
    await term.line('configure');
    await term.waitForEnd(CONFIG);
    expect(await run(term, 'set system domain-name confirmed.example', CONFIG)).to.include('set system domain-name confirmed.example');
    expect(await run(term, 'commit confirmed 7', CONFIG)).to.include(
      '\nconfiguration check succeeds\ncommit confirmed will be automatically rolled back in 7 minutes unless confirmed\ncommit complete\n',
    );
    expect(await run(term, 'commit', CONFIG)).to.include('\ncommit complete\n');
    expect(await run(term, 'exit', CONFIG, PROMPT)).to.include('Exiting configuration mode');
  });

  it('issue 12: deactivate/activate, statement not found, show | compare rollback N, rescue save and rollback rescue', async () => {
    const term = await login();
    expect(await run(term, 'request system configuration rescue save')).to.equal(`${PROMPT}request system configuration rescue save\n\n${PROMPT.trimEnd()}`);
    await term.line('configure');
    await term.waitForEnd(CONFIG);
    expect(await run(term, 'delete system ntp', CONFIG)).to.include('\nwarning: statement not found\n');
    // A missing mandatory statement: its parent under the grandparent's path, then Junos's reason (vQFX capture).
    await run(term, 'set system login user bob uid 2001', CONFIG);
    const missing = "[edit system login]\n  'user bob'\n    Missing mandatory statement: 'class'\n";
    expect(await run(term, 'commit check', CONFIG)).to.include(`commit check\n${missing}error: configuration check-out failed: (missing mandatory statements)\n`);
    expect(await run(term, 'commit', CONFIG)).to.include(`commit\n${missing}error: commit failed: (missing mandatory statements)\n`);
    await run(term, 'delete system login user bob', CONFIG);
    await run(term, 'set system location building lab', CONFIG);
    await run(term, 'deactivate system location', CONFIG);
    expect(await run(term, 'show system location', CONFIG)).to.include('inactive: location {');
    expect(await run(term, 'show | display set | match location', CONFIG)).to.include('set system location building lab\ndeactivate system location\n');
    expect(await run(term, 'deactivate system ntp', CONFIG)).to.include('\nwarning: statement not found\n');
    await run(term, 'activate system location', CONFIG);
    expect(await run(term, 'show | compare rollback 0', CONFIG)).to.include('show | compare rollback 0\n[edit system]\n+   location {\n+       building lab;\n+   }\n');
    expect(await run(term, 'commit', CONFIG)).to.include('\ncommit complete\n');
    // The rescue configuration (saved before the location) becomes the candidate again.
    expect(await run(term, 'rollback rescue', CONFIG)).to.include('\nload complete\n');
    expect(await run(term, 'show | compare', CONFIG)).to.include('[edit system]\n-   location {\n-       building lab;\n-   }\n');
    await run(term, 'rollback 0', CONFIG);
    await run(term, 'exit', CONFIG, PROMPT);
    expect(await run(term, 'show system rollback 1 compare 0')).to.include('[edit system]\n+   location {\n');
    expect(await run(term, 'show configuration | compare rollback 1')).to.include('show configuration | compare rollback 1\n[edit system]\n+   location {\n');
    expect(await run(term, 'show system configuration rescue')).to.include('host-name host;');
  });

  it('configure exclusive holds the same lock NETCONF uses, until exit', async () => {
    const term = await login();
    await term.line('configure exclusive');
    await term.waitForEnd(CONFIG);
    const nc = await screen.t.client({ username: 'user', password: 'user123' });
    expect(await nc.rpc('<lock-configuration/>')).to.include('<error-tag>lock-denied</error-tag>');
    expect(await nc.rpc('<load-configuration action="set" format="text"><configuration-set>set system domain-name nc.net</configuration-set></load-configuration>')).to.include('configuration database locked by another session');
    await run(term, 'exit', CONFIG, PROMPT);
    expect(await nc.rpc('<lock-configuration/>')).to.include('<ok/>');
    // And the other way round: a NETCONF lock refuses `configure exclusive`.
    expect(await run(term, 'configure exclusive')).to.include('error: configuration database locked by:');
    expect(await nc.rpc('<unlock-configuration/>')).to.include('<ok/>');
  });

  it('insert moves a firewall term before another, at the top or at an edit level', async () => {
    const term = await login();
    await term.line('configure');
    await term.waitForEnd(CONFIG);
    for (const t of ['a', 'b', 'c']) await run(term, `set firewall filter f term ${t} then accept`, CONFIG);
    await run(term, 'insert firewall filter f term c before term a', CONFIG);
    await run(term, 'edit firewall filter f', CONFIG);
    await run(term, 'insert term a after term b', CONFIG);
    const shown = await run(term, 'show | display set', CONFIG);
    expect(shown.split('\n').filter((l) => l.startsWith('set ')).map((l) => l.split(' ')[5])).to.deep.equal(['c', 'b', 'a']);
    await run(term, 'top', CONFIG);
    await run(term, 'rollback 0', CONFIG);
    await run(term, 'exit', CONFIG, PROMPT);
  });

  it('one-line statements in show and show | compare (docs/config-text-forms.md)', async () => {
    const term = await login();
    await term.line('configure');
    await term.waitForEnd(CONFIG);
    await run(term, 'set routing-options static route 0.0.0.0/0 next-hop 192.0.2.1', CONFIG);
    await run(term, 'set firewall filter f term t then accept', CONFIG);
    const shown = await run(term, 'show routing-options', CONFIG);
    expect(shown, shown).to.include('    route 0.0.0.0/0 next-hop 192.0.2.1;\n');
    expect(await run(term, 'show | compare', CONFIG)).to.include(
      // firewall first, whatever order they were set in: Junos's top-level order (docs/statement-order.md).
      '[edit]\n+  firewall {\n+      filter f {\n+          term t {\n+              then accept;\n+          }\n+      }\n+  }\n+  routing-options {\n+      static {\n+          route 0.0.0.0/0 next-hop 192.0.2.1;\n+      }\n+  }\n',
    );
    await run(term, 'rollback 0', CONFIG);
    await run(term, 'exit', CONFIG, PROMPT);
  });
});
