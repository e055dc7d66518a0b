/**
 * The harness of the interactive-CLI screen suites (test/terminal/cli-screen*.test.ts):
 * one emulator with an mx960 named `host` and users of four classes, terminals
 * that log in through OpenSSH with a pty in tmux, and `run`, which types a line
 * and returns what the screen shows from it to the next prompt.
 */
import { startTestEmulator, type TestEmulator } from './emulator.js';
import { requireClient } from './python.js';
import { haveTmux, runAt, sshCommand, stopTmux, TmuxTerminal } from './tmux.js';

export const PROMPT = 'user@host> ';
export const CONFIG = 'user@host# ';

export interface CliScreen {
  /** The suite's emulator (started by the suite's before hook). */
  readonly t: TestEmulator;
  /** Terminals closed after the suite; a test that opens one itself adds it. */
  readonly terms: TmuxTerminal[];
  /** A terminal logged in as `user` (password `<user>123`), at its prompt. */
  login(user?: string, o?: { rows?: number }): Promise<TmuxTerminal>;
  /** Runs a line and returns what the screen shows from it to the next prompt. */
  run(term: TmuxTerminal, line: string, prompt?: string, next?: string): Promise<string>;
}

/** Registers the suite's before and after hooks: call it inside describe(). */
export function cliScreenSuite(): CliScreen {
  let t: TestEmulator | undefined;
  const terms: TmuxTerminal[] = [];
  const screen: CliScreen = {
    get t(): TestEmulator {
      if (!t) throw new Error('cli screen: the emulator is not started');
      return t;
    },
    terms,
    login: async (user = 'user', o = {}) => {
      const term = await TmuxTerminal.open(sshCommand(screen.t.port, user, `${user}123`), o);
      terms.push(term);
      await term.waitForEnd(`${user}@host> `);
      return term;
    },
    // runAt waits for this run's own line: an earlier run of the same line already has a prompt after it.
    run: (term, line, prompt = PROMPT, next = prompt) => runAt(term, line, prompt, next),
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
  return screen;
}
