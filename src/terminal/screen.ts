/**
 * What the CLI writes to its channel. On a pty, line ends go out as CR LF,
 * as a tty's output processing would make them (clients match `\r\n`); on a
 * channel without a pty they stay LF. Everything written is also handed to
 * the transcript hook, as the user saw it (LF line ends).
 */
export interface ScreenSink {
  write(text: string): void;
}

export class Screen {
  /** Column of the cursor on the current line (prompt redraws and carets need it). */
  private col = 0;
  /** Text written since the last `take()`: what a command printed, for the request log. */
  private captured = '';

  constructor(
    private readonly sink: ScreenSink,
    readonly pty: boolean,
  ) {}

  /** Writes text; `\n` becomes CR LF on a pty. */
  text(s: string): void {
    if (s === '') return;
    this.captured += s;
    const nl = s.lastIndexOf('\n');
    this.col = nl < 0 ? this.col + s.length : s.length - nl - 1;
    this.sink.write(this.pty ? s.replace(/\r?\n/g, '\r\n') : s);
  }

  /** Terminal control bytes (backspaces, bell, erasing the pager prompt): not captured. */
  control(s: string): void {
    if (!this.pty) return;
    for (const ch of s) {
      if (ch === '\b') this.col = Math.max(0, this.col - 1);
      else if (ch === '\r') this.col = 0;
      else if (ch >= ' ') this.col++;
    }
    this.sink.write(s);
  }

  /** Echo of typed characters (only a pty echoes); not captured. */
  echo(s: string): void {
    if (!this.pty || s === '') return;
    const nl = s.lastIndexOf('\n');
    this.col = nl < 0 ? this.col + s.length : s.length - nl - 1;
    this.sink.write(s.replace(/\r?\n/g, '\r\n'));
  }

  get column(): number {
    return this.col;
  }

  /** Starts a new line unless the cursor is at the start of one. */
  newlineIfNeeded(): void {
    if (this.col !== 0) this.text('\n');
  }

  /** Returns and forgets what was written since the last call. */
  take(): string {
    const s = this.captured;
    this.captured = '';
    return s;
  }
}
