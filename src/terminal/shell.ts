/**
 * `start shell`: a minimal Unix shell, enough for what clients do there
 * (PyEZ's StartShell: `cli -c "..."`, `echo $?`; netmiko's `start shell sh`):
 * `cli` (the CLI again; its `exit` comes back here), `cli -c COMMAND`,
 * `echo`, `pwd`, `whoami`, `hostname`, `true`, `false`, `exit`/`logout`.
 * Anything else is not found, as the shell would say.
 */

export type ShellKind = 'csh' | 'sh';

export interface ShellHost {
  readonly user: string;
  hostname(): string;
  /** Reads one line after the prompt; null when the user ends input (^D). */
  readLine(prompt: string): Promise<string | null>;
  write(text: string): void;
  /** The interactive CLI, until its `exit`. */
  cli(): Promise<void>;
  /** One CLI command, as `cli -c` runs it; resolves true when it succeeded. */
  cliCommand(line: string): Promise<boolean>;
}

/** The prompt: `% ` (csh) or `$ ` (sh); root's shows its name. */
export function shellPrompt(kind: ShellKind, user: string, host: string): string {
  if (user === 'root') return `root@${host}:~ ${kind === 'sh' ? '#' : '%'} `;
  return kind === 'sh' ? '$ ' : '% ';
}

/** Splits a shell line into words: quotes group, a backslash escapes the next character. */
export function shellWords(line: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(ch)) {
      if (word !== null) out.push(word);
      word = null;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== null) out.push(word);
  return out;
}

/** Runs the shell until `exit`, `logout` or ^D. */
export async function runShell(host: ShellHost, kind: ShellKind): Promise<void> {
  let status = 0;
  for (;;) {
    const line = await host.readLine(shellPrompt(kind, host.user, host.hostname()));
    if (line === null) return;
    const words = shellWords(line.replace(/\$\?/g, String(status)));
    const [cmd, ...args] = words;
    if (cmd === undefined) continue;
    switch (cmd) {
      case 'exit':
      case 'logout':
        return;
      case 'cli':
        if (args[0] === '-c') status = (await host.cliCommand(args.slice(1).join(' '))) ? 0 : 1;
        else {
          await host.cli();
          status = 0;
        }
        break;
      case 'echo':
        host.write(`${args.join(' ')}\n`);
        status = 0;
        break;
      case 'pwd':
        host.write(`/var/home/${host.user}\n`);
        status = 0;
        break;
      case 'whoami':
        host.write(`${host.user}\n`);
        status = 0;
        break;
      case 'hostname':
        host.write(`${host.hostname()}\n`);
        status = 0;
        break;
      case 'true':
        status = 0;
        break;
      case 'false':
        status = 1;
        break;
      default:
        host.write(kind === 'sh' ? `sh: ${cmd}: not found\n` : `${cmd}: Command not found.\n`);
        status = kind === 'sh' ? 127 : 1;
        break;
    }
  }
}
