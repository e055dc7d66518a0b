/**
 * A CLI session's own settings (`set cli ...`, `show cli`). Screen length and
 * width start from the client's pty and follow its window changes until the
 * user sets them; without a pty there is no pager.
 */
import type { TerminalSize } from '../transport/ssh-listener.js';

export class CliSettings {
  completeOnSpace = true;
  idleTimeoutMinutes = 0;
  timestamp = false;
  private length: number | undefined;
  private width: number | undefined;
  private terminalType: string | undefined;

  constructor(private readonly pty: TerminalSize | undefined) {}

  get screenLength(): number {
    return this.length ?? this.pty?.rows ?? 0;
  }

  get screenWidth(): number {
    return this.width ?? this.pty?.cols ?? 80;
  }

  get terminal(): string {
    return this.terminalType ?? this.pty?.term ?? 'dumb';
  }

  /** Runs `set cli WORD ...` (options already checked by the walker); returns the CLI's answer. */
  set(word: string, given: ReadonlyMap<string, string | true>): string {
    switch (word) {
      case 'complete-on-space':
        this.completeOnSpace = given.has('on');
        return this.completeOnSpace ? 'Enabling complete-on-space\n' : 'Disabling complete-on-space\n';
      case 'idle-timeout': {
        this.idleTimeoutMinutes = Number(given.get('minutes'));
        return this.idleTimeoutMinutes === 0 ? 'Idle timeout disabled\n' : `Idle timeout set to ${this.idleTimeoutMinutes} minutes\n`;
      }
      case 'screen-length':
        this.length = Number(given.get('length'));
        return `Screen length set to ${this.length}\n`;
      case 'screen-width':
        this.width = Number(given.get('width'));
        return `Screen width set to ${this.width}\n`;
      case 'terminal':
        this.terminalType = [...given.keys()][0]!;
        return `Terminal type set to ${this.terminalType}\n`;
      case 'timestamp':
        this.timestamp = !given.has('disable');
        return this.timestamp ? '' : 'Timestamp disabled\n';
      default:
        return '';
    }
  }

  /** `show cli`, with the fields of Juniper's page for the command. */
  show(home: string): string {
    return [
      `CLI complete-on-space set to ${this.completeOnSpace ? 'on' : 'off'}`,
      this.idleTimeoutMinutes === 0 ? 'CLI idle-timeout disabled' : `CLI idle-timeout set to ${this.idleTimeoutMinutes} minutes`,
      'CLI restart-on-upgrade set to on',
      `CLI screen-length set to ${this.screenLength}`,
      `CLI screen-width set to ${this.screenWidth}`,
      `CLI terminal is '${this.terminal}'`,
      'CLI is operating in enhanced mode',
      `CLI timestamp ${this.timestamp ? 'enabled' : 'disabled'}`,
      `CLI working directory is '${home}'`,
      '',
    ].join('\n');
  }
}
