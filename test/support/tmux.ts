/**
 * A real terminal for CLI tests: tmux runs OpenSSH (`ssh -tt` through
 * sshpass) in a pane, keys are typed into it, and assertions read the screen
 * as tmux renders it (carriage returns, backspaces and all). Waits poll the
 * screen for a condition; nothing waits a fixed time.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { clientHome } from './client-home.js';
import { WAIT_LIMIT_MS } from './wait.js';

const run = promisify(execFile);

/** One tmux server per test process, on its own socket. */
const SOCKET = `junos-emulator-${process.pid}`;
let nextPane = 1;

let conf: string | undefined;
function tmuxConf(): string {
  if (!conf) {
    conf = join(mkdtempSync(join(tmpdir(), 'junos-emulator-tmux-')), 'tmux.conf');
    writeFileSync(conf, 'set-option -g history-limit 100000\n');
  }
  return conf;
}

/** Whether each program runs here (its `-V` answers). */
export function haveBinaries(...names: string[]): boolean {
  try {
    for (const n of names) execFileSync(n, ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function haveTmux(): boolean {
  return haveBinaries('tmux', 'sshpass');
}

/** `ssh -tt` to the emulator as `user`, password through sshpass, host keys neither checked nor kept. */
export function sshCommand(port: number, user: string, password: string, extra: readonly string[] = []): string[] {
  return [
    'sshpass', '-p', password, 'ssh', '-tt',
    '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR',
    ...extra, '-p', String(port), `${user}@127.0.0.1`,
  ];
}

function quote(a: string): string {
  return `'${a.replace(/'/g, `'\\''`)}'`;
}

export class TmuxTerminal {
  private constructor(readonly name: string) {}

  /** Opens a pane of `cols` x `rows` running `argv` (with the workstation HOME of the interop tests). */
  static async open(argv: readonly string[], o: { cols?: number; rows?: number } = {}): Promise<TmuxTerminal> {
    const name = `t${nextPane++}`;
    const env = (await clientHome()).env;
    const shellCmd = `exec ${argv.map(quote).join(' ')}`;
    // The tmux configuration holds a scrollback long enough that no line of a test's session scrolls away
    // (runAt counts earlier lines); it is read when this process's tmux server starts.
    await run('tmux', ['-L', SOCKET, '-f', tmuxConf(), 'new-session', '-d', '-s', name, '-x', String(o.cols ?? 100), '-y', String(o.rows ?? 50), shellCmd], { env });
    // Keep the pane after ssh exits, so the last screen can still be read.
    await run('tmux', ['-L', SOCKET, 'set-option', '-t', name, 'remain-on-exit', 'on']);
    return new TmuxTerminal(name);
  }

  /** Types text literally (no Enter). */
  async type(text: string): Promise<void> {
    await run('tmux', ['-L', SOCKET, 'send-keys', '-t', this.name, '-l', text]);
  }

  /** Presses named keys (`Enter`, `Space`, `C-c`, `Tab`, `BSpace`). */
  async keys(...names: string[]): Promise<void> {
    await run('tmux', ['-L', SOCKET, 'send-keys', '-t', this.name, ...names]);
  }

  async line(text: string): Promise<void> {
    await this.type(text);
    await this.keys('Enter');
  }

  /** Resizes the pane's window (the client sends a window change). */
  async resize(cols: number, rows: number): Promise<void> {
    await run('tmux', ['-L', SOCKET, 'resize-window', '-t', this.name, '-x', String(cols), '-y', String(rows)]);
  }

  /** The screen and its scrollback, as lines without trailing blanks, trailing empty lines dropped. */
  async screen(): Promise<string> {
    const { stdout } = await run('tmux', ['-L', SOCKET, 'capture-pane', '-p', '-S', '-', '-t', this.name]);
    return stdout.replace(/\s+$/, '');
  }

  /** Whether the program in the pane has exited. */
  async exited(): Promise<boolean> {
    const { stdout } = await run('tmux', ['-L', SOCKET, 'display-message', '-p', '-t', this.name, '#{pane_dead}']);
    return stdout.trim() === '1';
  }

  /**
   * Polls the screen until `test` holds; fails with the last screen after `timeoutMs`. The default is generous:
   * ssh, sshpass and tmux each start a process, which takes seconds on a loaded two-core machine.
   */
  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = WAIT_LIMIT_MS): Promise<string> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const s = await this.screen();
      if (test(s)) return s;
      if (performance.now() > until) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until the program in the pane has exited. */
  async waitExited(timeoutMs = WAIT_LIMIT_MS): Promise<void> {
    const until = performance.now() + timeoutMs;
    while (!(await this.exited())) {
      if (performance.now() > until) throw new Error(`the program in ${this.name} did not exit; screen:\n${await this.screen()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until the screen ends with `text` (a prompt). */
  waitForEnd(text: string, timeoutMs?: number): Promise<string> {
    return this.waitFor((s) => s.endsWith(text.trimEnd()), JSON.stringify(text), timeoutMs);
  }

  async close(): Promise<void> {
    await run('tmux', ['-L', SOCKET, 'kill-session', '-t', this.name]).catch(() => undefined);
  }
}

/** Ends the tmux server of this process (after the suite). */
export async function stopTmux(): Promise<void> {
  await run('tmux', ['-L', SOCKET, 'kill-server']).catch(() => undefined);
}

/** How many lines of `screen` start with `from`. */
export function linesStartingWith(screen: string, from: string): number {
  return screen.split('\n').filter((l) => l.startsWith(from)).length;
}

/**
 * Types `line` and Enter at `prompt` and returns the screen from that line to the `next` prompt after it.
 * It waits for this run's own line: until the keys come back from the server the screen still ends with
 * the prompt, and an earlier run of the same line would already have the next prompt after it.
 */
export async function runAt(term: TmuxTerminal, line: string, prompt: string, next = prompt): Promise<string> {
  const shown = `${prompt}${line}`;
  const before = linesStartingWith(await term.screen(), shown);
  await term.line(line);
  const s = await term.waitFor((x) => linesStartingWith(x, shown) > before && fromLast(x, shown).endsWith(`\n${next.trimEnd()}`), `the prompt after ${line}`);
  return fromLast(s, shown);
}

/** The text from the last line that starts with `from` to the end of the screen. */
export function fromLast(screen: string, from: string): string {
  const i = screen.lastIndexOf(`\n${from}`);
  return i >= 0 ? screen.slice(i + 1) : screen.startsWith(from) ? screen : '';
}
