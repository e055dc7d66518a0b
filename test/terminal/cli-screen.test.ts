/**
 * The interactive CLI as a person at a terminal sees it, through OpenSSH with
 * a pty in tmux: `?` listings, carets, pipes, the pager, line editing,
 * configuration mode, login-class refusals and logout.
 */
import { expect } from 'chai';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { requireClient } from '../support/python.js';
import { fromLast, haveTmux, sshCommand, stopTmux, TmuxTerminal } from '../support/tmux.js';

const PROMPT = 'user@host> ';
const CONFIG = 'user@host# ';

describe('terminal: the interactive CLI (OpenSSH, pty, tmux)', function () {
  let t: TestEmulator;
  const terms: TmuxTerminal[] = [];
  const login = async (user = 'user', o: { rows?: number } = {}): Promise<TmuxTerminal> => {
    const term = await TmuxTerminal.open(sshCommand(t.port, user, `${user}123`), o);
    terms.push(term);
    await term.waitForEnd(`${user}@host> `);
    return term;
  };
  /** Runs a line and returns what the screen shows from it to the next prompt. */
  const run = async (term: TmuxTerminal, line: string, prompt = PROMPT, next = prompt): Promise<string> => {
    await term.line(line);
    const s = await term.waitFor((x) => fromLast(x, `${prompt}${line}`).endsWith(`\n${next.trimEnd()}`), `the prompt after ${line}`);
    return fromLast(s, `${prompt}${line}`);
  };

  before(async function () {
    requireClient(this, 'tmux and sshpass', haveTmux());
    t = await startTestEmulator({
      yaml: {
        users: [
          { name: 'user', password: 'user123', class: 'super-user' },
          { name: 'oper', password: 'oper123', class: 'operator' },
          { name: 'viewer', password: 'viewer123', class: 'read-only' },
          { name: 'root', password: 'root123', class: 'super-user' },
        ],
        speed: 'instant',
        devices: [{ name: 'r1', port: 0, profile: 'mx960', hostname: 'host' }],
      },
    });
  });
  after(async () => {
    for (const term of terms) await term.close();
    await stopTmux();
    await t?.stop();
  });

  it('? lists the completions in Junos layout and redraws the line', async () => {
    const term = await login();
    await term.type('request system snapshot ?');
    const s = await term.waitFor((x) => x.endsWith(`${PROMPT}request system snapshot`), 'the redrawn line');
    expect(fromLast(s, `${PROMPT}request system snapshot ?`)).to.equal(
      [
        `${PROMPT}request system snapshot ?`,
        'Possible completions:',
        '  <[Enter]>            Execute this command',
        '  partition            Partition the media',
        '  |                    Pipe through a command',
        `${PROMPT}request system snapshot`,
      ].join('\n'),
    );
    await term.keys('C-u');
    await term.type('show sys?');
    const p = await term.waitFor((x) => x.endsWith(`${PROMPT}show sys`), 'the partial word redrawn');
    expect(fromLast(p, `${PROMPT}show sys?`)).to.equal([`${PROMPT}show sys?`, 'Possible completions:', '  system               Show system information', `${PROMPT}show sys`].join('\n'));
    await term.keys('C-u');
    await term.type('show syx?');
    const none = await term.waitFor((x) => x.endsWith(`${PROMPT}show syx`), 'no completions');
    expect(fromLast(none, `${PROMPT}show syx?`)).to.equal([`${PROMPT}show syx?`, 'No valid completions', `${PROMPT}show syx`].join('\n'));
    await term.keys('C-u');
    expect(await run(term, 'set cli screen-width')).to.include('syntax error, expecting <command>.');
    // What the class may not run is not listed.
    const oper = await login('oper');
    await oper.type('request system ?');
    const o = await oper.waitFor((x) => x.endsWith('oper@host> request system'), 'the listing');
    expect(fromLast(o, 'oper@host> request system ?')).to.not.include('snapshot');
    await oper.keys('C-u');
  });

  it('puts the caret under the word that is wrong, with the message', async () => {
    const term = await login();
    expect(await run(term, 'show foo')).to.equal([`${PROMPT}show foo`, `${' '.repeat(PROMPT.length + 5)}^`, 'syntax error, expecting <command>.', '', PROMPT.trimEnd()].join('\n'));
    expect(await run(term, 'bogus')).to.equal([`${PROMPT}bogus`, `${' '.repeat(PROMPT.length)}^`, 'unknown command.', '', PROMPT.trimEnd()].join('\n'));
    const amb = await run(term, 'show c');
    expect(amb).to.equal(
      [
        `${PROMPT}show c`,
        `${' '.repeat(PROMPT.length + 5)}^`,
        "'c' is ambiguous.",
        'Possible completions:',
        '  chassis              Show chassis information',
        '  cli                  Show command-line interface settings',
        '  configuration        Show current configuration',
        '',
        PROMPT.trimEnd(),
      ].join('\n'),
    );
    const range = await run(term, 'request system snapshot lcc 9');
    expect(range).to.include(`${' '.repeat(PROMPT.length + 24)}^\nsyntax error, expecting <command>.`);
    const value = await run(term, 'show version invoke-on');
    expect(value).to.include(`${' '.repeat(PROMPT.length + 23)}^\nsyntax error, expecting <routing-engines>.`);
  });

  it('completes unique prefixes on Enter, Tab and space', async () => {
    const term = await login();
    // complete-on-space (on at login) rewrites each word as it is typed.
    await term.line('sh ver | m Hostname');
    let s = await term.waitForEnd(PROMPT);
    expect(fromLast(s, `${PROMPT}show version | match Hostname`)).to.equal(`${PROMPT}show version | match Hostname\nHostname: host\n\n${PROMPT.trimEnd()}`);
    await term.type('show sys');
    await term.keys('Tab');
    await term.waitFor((x) => x.endsWith(`${PROMPT}show system`), 'Tab completing system');
    await term.type('snap');
    await term.keys('Space');
    await term.waitFor((x) => x.endsWith(`${PROMPT}show system snapshot`), 'space completing snapshot');
    await term.keys('C-u');
    expect(await run(term, 'set cli complete-on-space off')).to.include('\nDisabling complete-on-space\n');
    await term.type('show sys ');
    await term.waitFor((x) => x.endsWith(`${PROMPT}show sys`), 'space inserted as typed');
    await term.keys('C-u');
    // Without completion on space the prefixes still name the command on Enter.
    s = await run(term, 'sh ver | m Hostname');
    expect(s).to.equal(`${PROMPT}sh ver | m Hostname\nHostname: host\n\n${PROMPT.trimEnd()}`);
  });

  it('pipes: match, except, count, last, trim, display xml / json / xml rpc, no-more', async () => {
    const term = await login();
    expect(await run(term, 'show version | match Hostname')).to.equal(`${PROMPT}show version | match Hostname\nHostname: host\n\n${PROMPT.trimEnd()}`);
    // Junos matches without regard to case.
    expect(await run(term, 'show version | match "junos base os boot"')).to.include('\nJUNOS Base OS boot [9.3R4.4]\n\n');
    expect(await run(term, 'show version | except "\\[" | except Model')).to.equal(`${PROMPT}show version | except "\\[" | except Model\nHostname: host\n\n${PROMPT.trimEnd()}`);
    expect(await run(term, 'show version | count')).to.include('\nCount: 10 lines\n');
    expect(await run(term, 'show version | last 1')).to.include('\nJUNOS Routing Software Suite [9.3R4.4]\n\n');
    expect(await run(term, 'show version | match Hostname | trim 5')).to.include('\name: host\n');
    const rpc = await run(term, 'show system snapshot media usb | display xml rpc');
    expect(rpc).to.include(
      [
        '<rpc-reply xmlns:junos="http://xml.juniper.net/junos/9.3R4/junos">',
        '    <rpc>',
        '        <get-snapshot-information>',
        '            <media>usb</media>',
        '        </get-snapshot-information>',
        '    </rpc>',
        '    <cli>',
        '        <banner></banner>',
        '    </cli>',
        '</rpc-reply>',
      ].join('\n'),
    );
    const xml = await run(term, 'show version | display xml | match host-name');
    expect(xml).to.include('\n        <host-name>host</host-name>\n');
    expect(await run(term, 'show system storage | display json | count')).to.match(/Count: \d+ lines/);
    expect(await run(term, 'show version | no-more')).to.include('JUNOS Routing Software Suite');
    expect(await run(term, 'show version | frobnicate')).to.include('syntax error, expecting <command>.');
  });

  it('pages at the screen length: ---(more N%)---, space, Enter and q', async () => {
    const term = await login();
    expect(await run(term, 'set cli screen-length 5')).to.include('\nScreen length set to 5\n');
    await term.line('show version');
    let s = await term.waitFor((x) => x.endsWith('---(more 40%)---'), 'the first more prompt');
    expect(fromLast(s, `${PROMPT}show version`).split('\n')).to.have.length(6);
    await term.keys('Space');
    s = await term.waitFor((x) => x.endsWith('---(more 80%)---'), 'the second page');
    expect(s).to.include('JUNOS Packet Forwarding Engine Support (MX Common)').and.not.include('JUNOS Online Documentation');
    await term.keys('Enter');
    s = await term.waitFor((x) => x.endsWith('---(more 90%)---'), 'one more line');
    expect(s).to.include('JUNOS Online Documentation');
    await term.type('q');
    s = await term.waitForEnd(PROMPT);
    expect(s).to.not.include('JUNOS Routing Software Suite');
    expect(s).to.not.include('---(more');
    expect(await run(term, 'show version | no-more')).to.include('JUNOS Routing Software Suite');
    expect(await run(term, 'show cli | no-more')).to.include('\nCLI screen-length set to 5\n');
  });

  it('the screen length follows the window until set cli sets it', async () => {
    const term = await login('user', { rows: 8 });
    await term.line('show version');
    await term.waitFor((x) => x.endsWith('---(more 70%)---'), 'a page of the 8-row window');
    await term.type('q');
    await term.waitForEnd(PROMPT);
    await term.resize(100, 40);
    expect(await run(term, 'show version')).to.include('JUNOS Routing Software Suite');
    expect(await run(term, 'show cli | match screen-length')).to.include('CLI screen-length set to 40');
  });

  it('set cli directory: file list without a path lists it, show cli directory and show cli name it, ? offers it', async () => {
    const term = await login();
    expect(await run(term, 'show cli directory')).to.include('\nCurrent directory: /var/home/user\n');
    expect(await run(term, 'set cli directory /var/tmp')).to.include('\nCurrent directory: /var/tmp\n');
    const list = await run(term, 'file list');
    expect(list).to.include('\n/var/tmp/:\n').and.include('\ngres-tp/\n').and.include('\ninstall/\n');
    expect(await run(term, 'file list pics')).to.include('\n/var/tmp/pics/:\n');
    expect(await run(term, 'show cli directory')).to.include('\nCurrent directory: /var/tmp\n');
    expect(await run(term, 'show cli | match directory')).to.include("CLI working directory is '/var/tmp'");
    expect(await run(term, 'set cli directory /var/nope')).to.include('\nerror: Invalid directory: No such file or directory\n');
    await term.type('show cli ?');
    const s = await term.waitFor((x) => x.endsWith(`${PROMPT}show cli`), 'the redrawn line');
    expect(fromLast(s, `${PROMPT}show cli ?`)).to.include('  directory            Show current working directory\n');
    await term.keys('C-u');
  });

  it('edits lines: backspace, ^U, ^W, ^C, history', async () => {
    const term = await login();
    await term.type('show versoin');
    await term.keys('BSpace', 'BSpace', 'BSpace');
    await term.type('ion');
    await term.keys('Enter');
    await term.waitFor((x) => x.includes('Hostname: host') && x.endsWith(PROMPT.trimEnd()), 'show version output');
    await term.type('request system reboot');
    await term.keys('C-w', 'C-w');
    await term.waitFor((x) => x.endsWith(`${PROMPT}request`), '^W erasing words');
    await term.keys('C-c');
    await term.waitFor((x) => x.endsWith(`request\n\n${PROMPT.trimEnd()}`), '^C giving a new prompt');
    await term.keys('Up');
    await term.waitFor((x) => x.endsWith(`${PROMPT}show version`), 'history');
    await term.keys('C-u');
  });

  it('^C during a command stops waiting for it; the work goes on without printing', async () => {
    const term = await login();
    const clock = t.emulator.clock;
    clock.pause();
    try {
      await term.line('request system snapshot');
      await term.waitFor((x) => x.endsWith('(this may take a few minutes)'), 'the first copy line');
      await term.keys('C-c');
      let s = await term.waitForEnd(PROMPT);
      expect(fromLast(s, `${PROMPT}request system snapshot`)).to.equal(
        `${PROMPT}request system snapshot\numount: /altroot: not currently mounted\nCopying / to /altroot.. (this may take a few minutes)\n\n${PROMPT.trimEnd()}`,
      );
      const model = t.emulator.device('r1')!.model;
      expect(model.isBusy('re0')).to.equal(true);
      clock.advance(3_600_000);
      // The snapshot finishes behind the prompt: the RE is free again, nothing more is printed.
      while (model.isBusy('re0')) await new Promise((r) => setTimeout(r, 10));
      s = await run(term, 'show version | match Model');
      expect(s).to.equal(`${PROMPT}show version | match Model\nModel: mx960\n\n${PROMPT.trimEnd()}`);
      expect(await term.screen()).to.not.include('archived');
    } finally {
      clock.resume();
    }
  });

  it('asks before a reboot and does nothing on no', async () => {
    const term = await login();
    await term.line('request system reboot');
    await term.waitFor((x) => x.endsWith('Reboot the system ? [yes,no] (no)'), 'the question');
    await term.line('no');
    await term.waitForEnd(PROMPT);
    expect(t.emulator.device('r1')!.running).to.equal(true);
  });

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
    expect(t.emulator.device('r1')!.configuration.lastCommit()).to.include({ user: 'user', comment: 'from the terminal' });
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
    const nc = await t.client({ username: 'user', password: 'user123' });
    expect(await nc.rpc('<lock-configuration/>')).to.include('<error-tag>lock-denied</error-tag>');
    expect(await nc.rpc('<load-configuration action="set" format="text"><configuration-set>set system domain-name nc.net</configuration-set></load-configuration>')).to.include('configuration database locked by another session');
    await run(term, 'exit', CONFIG, PROMPT);
    expect(await nc.rpc('<lock-configuration/>')).to.include('<ok/>');
    // And the other way round: a NETCONF lock refuses `configure exclusive`.
    expect(await run(term, 'configure exclusive')).to.include('error: configuration database locked by:');
    expect(await nc.rpc('<unlock-configuration/>')).to.include('<ok/>');
  });

  it('login classes: what the class may not run is a command it does not see', async () => {
    const term = await login('oper');
    const o = 'oper@host> ';
    const refused = await run(term, 'request system snapshot', o);
    expect(refused).to.equal([`${o}request system snapshot`, `${' '.repeat(o.length + 15)}^`, 'syntax error, expecting <command>.', '', o.trimEnd()].join('\n'));
    expect(await run(term, 'show system snapshot | count', o)).to.match(/Count: \d+ lines/);
    const viewer = await login('viewer');
    const v = 'viewer@host> ';
    expect(await run(viewer, 'configure', v)).to.equal([`${v}configure`, `${' '.repeat(v.length)}^`, 'unknown command.', '', v.trimEnd()].join('\n'));
  });

  it('start shell: cli -c, echo $?, exit back to the CLI; root lands in the shell and types cli', async () => {
    const term = await login();
    await term.line('start shell');
    await term.waitForEnd('% ');
    await term.line('cli -c "show version | match Model"');
    let s = await term.waitFor((x) => x.endsWith('Model: mx960\n%'), 'cli -c output');
    await term.line('cli -c "show foo"');
    await term.line('echo $?');
    s = await term.waitFor((x) => x.endsWith('\n1\n%'), 'the status of the failed command');
    expect(s).to.include('syntax error, expecting <command>.');
    await term.line('exit');
    await term.waitForEnd(PROMPT);
    const root = await TmuxTerminal.open(sshCommand(t.port, 'root', 'root123'));
    terms.push(root);
    await root.waitForEnd('root@host:~ % ');
    await root.line('cli');
    await root.waitForEnd('root@host> ');
    await root.line('exit');
    await root.waitForEnd('root@host:~ % ');
    await root.line('exit');
    await root.waitExited();
  });

  it('exit logs out: the session leaves the device and ssh ends', async () => {
    const term = await login();
    const before = t.emulator.device('r1')!.sessions.size;
    await term.line('exit');
    await term.waitExited();
    expect(t.emulator.device('r1')!.sessions.size).to.equal(before - 1);
  });
});
