/**
 * `start shell`: a minimal Unix shell, enough for what clients do there
 * (PyEZ's StartShell: `cli -c "..."`, `echo $?`; netmiko's `start shell sh`):
 * `cli` (the CLI again; its `exit` comes back here), `cli -c COMMAND`,
 * `echo`, `pwd`, `whoami`, `hostname`, `true`, `false`, `exit`/`logout`,
 * and over the device's file tree `mkdir [-p]`, `rmdir`, `ln -s[f]`, `rm [-f]`
 * (what PyEZ's FS.mkdir, rmdir and symlink run). Anything else is not
 * found, as the shell would say.
 */
import { DeviceFiles, FileError, homeOf } from '../files/device-files.js';

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
  /** The device's file tree and the RE this shell runs on; without it the file commands are not found. */
  readonly files?: { readonly tree: DeviceFiles; readonly re: string };
}

/** `mkdir`, `rmdir`, `ln`, `rm` on the tree; undefined when `cmd` is none of them. Errors as FreeBSD's tools print them. */
function fileCommand(host: ShellHost, cmd: string, args: readonly string[]): number | undefined {
  const f = host.files;
  if (!f || !['mkdir', 'rmdir', 'ln', 'rm'].includes(cmd)) return undefined;
  const flags = new Set(args.filter((a) => a.startsWith('-') && a.length > 1).flatMap((a) => [...a.slice(1)]));
  const paths = args.filter((a) => !a.startsWith('-') || a.length === 1);
  const abs = (p: string): string => DeviceFiles.normalize(p, homeOf(host.user), host.user);
  let status = 0;
  const attempt = (what: string, fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      if (cmd === 'rm' && flags.has('f') && e.code === 'ENOENT') return;
      host.write(`${cmd}: ${what}: ${e.reason}\n`);
      status = 1;
    }
  };
  if (paths.length === 0) {
    host.write(`usage: ${cmd} ${cmd === 'ln' ? '[-s] [-f] source_file target_file' : '[-p] directory ...'}\n`);
    return 64;
  }
  if (cmd === 'ln') {
    if (!flags.has('s')) {
      host.write('ln: hard links are not supported here; use ln -s\n');
      return 1;
    }
    const [target, link] = paths;
    if (link === undefined) return 64;
    attempt(link, () => {
      const at = abs(link);
      const existing = f.tree.stat(f.re, at);
      if (existing && existing.kind !== 'dir' && flags.has('f')) f.tree.remove(f.re, at, host.user);
      else if (existing && existing.kind !== 'dir') throw new FileError('EEXIST', at);
      f.tree.symlink(f.re, target!, existing?.kind === 'dir' ? `${at}/${target!.split('/').pop()}` : at, host.user);
    });
    return status;
  }
  for (const p of paths) {
    attempt(p, () => {
      if (cmd === 'mkdir') f.tree.mkdir(f.re, abs(p), host.user, { parents: flags.has('p') });
      else if (cmd === 'rmdir') f.tree.remove(f.re, abs(p), host.user, { directory: true });
      else f.tree.remove(f.re, abs(p), host.user, { recursive: flags.has('r') || flags.has('R') });
    });
  }
  return status;
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
      default: {
        const done = fileCommand(host, cmd, args);
        if (done !== undefined) {
          status = done;
          break;
        }
        host.write(kind === 'sh' ? `sh: ${cmd}: not found\n` : `${cmd}: Command not found.\n`);
        status = kind === 'sh' ? 127 : 1;
        break;
      }
    }
  }
}
