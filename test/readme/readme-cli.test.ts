/**
 * The README's CLI section, run as a user types it: `ssh -p 8830
 * admin@127.0.0.1` to the default device (admin/admin123), the commands after
 * each prompt, and the screen compared with the README's block; the exec
 * example with its output. Only the port differs (tests take a free one); the
 * password goes through sshpass and the host key is accepted by option.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { REPO_ROOT, requireClient } from '../support/python.js';
import { haveTmux, sshCommand, stopTmux, TmuxTerminal } from '../support/tmux.js';

const run = promisify(execFile);
const README_PORT = 8830;

function cliSection(): string {
  const text = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const from = text.indexOf('## The Junos CLI over SSH');
  const to = text.indexOf('\n## ', from + 1);
  return text.slice(from, to);
}

function consoleBlocks(section: string): string[] {
  return [...section.matchAll(/^```console\n([^]*?)^```$/gm)].map((m) => m[1]!);
}

describe('README: the CLI section', function () {
  let t: TestEmulator;
  const section = cliSection();
  const blocks = consoleBlocks(section);
  before(async function () {
    requireClient(this, 'tmux and sshpass', haveTmux());
    t = await startTestEmulator({ cli: { port: 0, users: [] } });
  });
  after(async () => {
    await stopTmux();
    await t?.stop();
  });

  it('logs in as it says and shows what its block shows', async () => {
    expect(section).to.include(`\`ssh -p ${README_PORT} admin@127.0.0.1\``).and.include('password `admin123`');
    const block = blocks[0]!.trimEnd();
    const prompt = 'admin@junos1> ';
    const commands = block.split('\n').filter((l) => l.startsWith(prompt)).map((l) => l.slice(prompt.length));
    expect(commands.at(-1)).to.equal('exit');
    const term = await TmuxTerminal.open(sshCommand(t.port, 'admin', 'admin123'));
    try {
      await term.waitForEnd(prompt);
      for (const c of commands) {
        await term.line(c);
        if (c !== 'exit') await term.waitFor((s) => s.endsWith(`\n${prompt.trimEnd()}`) && s.includes(`${prompt}${c}`), c);
      }
      await term.waitExited();
      const screen = await term.screen();
      expect(screen.slice(0, screen.indexOf(`${prompt}exit`) + prompt.length + 4)).to.equal(block);
    } finally {
      await term.close();
    }
  });

  it('the exec example prints what it says', async () => {
    const lines = blocks[1]!.trimEnd().split('\n');
    const m = /^\$ ssh -p (\d+) admin@127\.0\.0\.1 '([^']+)'$/.exec(lines[0]!);
    expect(m, lines[0]).to.not.equal(null);
    expect(Number(m![1])).to.equal(README_PORT);
    const argv = sshCommand(t.port, 'admin', 'admin123').filter((a) => a !== '-tt');
    const { stdout } = await run(argv[0]!, [...argv.slice(1), m![2]!]);
    expect(stdout.trimEnd()).to.equal(lines.slice(1).join('\n'));
  });
});
