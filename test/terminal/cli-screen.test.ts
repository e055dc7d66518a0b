/**
 * The interactive CLI as a person at a terminal sees it, through OpenSSH with
 * a pty in tmux: `?` listings, carets, pipes, the pager, line editing,
 * login-class refusals, the shell and logout. Configuration mode is in
 * cli-screen-config.test.ts.
 */
import { expect } from 'chai';
import { PROMPT, cliScreenSuite } from '../support/cli-screen.js';
import { fromLast, sshCommand, TmuxTerminal } from '../support/tmux.js';

describe('terminal: the interactive CLI (OpenSSH, pty, tmux)', function () {
  const screen = cliScreenSuite();
  const { login, run, terms } = screen;

  it('? lists the completions in Junos layout and redraws the line', async () => {
    const term = await login();
    await term.type('request system snapshot ?');
    // The line before the ? ends the same way: wait for the ? and its listing too.
    const s = await term.waitFor((x) => x.includes(`${PROMPT}request system snapshot ?\n`) && x.endsWith(`${PROMPT}request system snapshot`), 'the redrawn line');
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
    const p = await term.waitFor((x) => x.includes(`${PROMPT}show sys?\n`) && x.endsWith(`${PROMPT}show sys`), 'the partial word redrawn');
    expect(fromLast(p, `${PROMPT}show sys?`)).to.equal([`${PROMPT}show sys?`, 'Possible completions:', '  system               Show system information', `${PROMPT}show sys`].join('\n'));
    await term.keys('C-u');
    await term.type('show syx?');
    const none = await term.waitFor((x) => x.includes(`${PROMPT}show syx?\n`) && x.endsWith(`${PROMPT}show syx`), 'no completions');
    expect(fromLast(none, `${PROMPT}show syx?`)).to.equal([`${PROMPT}show syx?`, 'No valid completions', `${PROMPT}show syx`].join('\n'));
    await term.keys('C-u');
    expect(await run(term, 'set cli screen-width')).to.include('syntax error, expecting <command>.');
    // What the class may not run is not listed.
    const oper = await login('oper');
    await oper.type('request system ?');
    const o = await oper.waitFor((x) => x.includes('oper@host> request system ?\n') && x.endsWith('oper@host> request system'), 'the listing');
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
    // Not waitForEnd(PROMPT): the login screen ends with the prompt too, until the keys come back.
    let s = await term.waitFor((x) => fromLast(x, `${PROMPT}show version | match Hostname`).endsWith(`\n${PROMPT.trimEnd()}`), 'the completed command and its output');
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
    const s = await term.waitFor((x) => x.includes(`${PROMPT}show cli ?\n`) && x.endsWith(`${PROMPT}show cli`), 'the redrawn line');
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
    const clock = screen.t.emulator.clock;
    clock.pause();
    try {
      await term.line('request system snapshot');
      await term.waitFor((x) => x.endsWith('(this may take a few minutes)'), 'the first copy line');
      await term.keys('C-c');
      let s = await term.waitForEnd(PROMPT);
      expect(fromLast(s, `${PROMPT}request system snapshot`)).to.equal(
        `${PROMPT}request system snapshot\numount: /altroot: not currently mounted\nCopying / to /altroot.. (this may take a few minutes)\n\n${PROMPT.trimEnd()}`,
      );
      const model = screen.t.emulator.device('r1')!.model;
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
    expect(screen.t.emulator.device('r1')!.running).to.equal(true);
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
    const root = await TmuxTerminal.open(sshCommand(screen.t.port, 'root', 'root123'));
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
    const before = screen.t.emulator.device('r1')!.sessions.size;
    await term.line('exit');
    await term.waitExited();
    expect(screen.t.emulator.device('r1')!.sessions.size).to.equal(before - 1);
  });
});
