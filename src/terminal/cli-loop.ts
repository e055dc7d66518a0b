/**
 * The CLI's read-run loops over a session: the interactive CLI (banner,
 * `user@host> `, configuration mode with its `[edit]` banner and `user@host# `,
 * the shell), and one command for an exec channel or `cli -c`.
 */
import type { CliSession } from './cli-session.js';
import { caretText } from './cli-errors.js';
import { operationalCommands, type TerminalCommand } from './command-tree.js';
import { statementCandidates } from './config-help.js';
import { loadedSchema, preloadSchemas, schemaIdFor } from '../junos-config/schema/catalog.js';
import type { Schema } from '../junos-config/schema/model.js';
import { ConfigurationMode, type ConfigureMode } from './configuration-mode.js';
import { completeLast, helpText, type HelpContext } from './help.js';
import type { LineResult } from './line-editor.js';
import { pipeContextOf, runOperational } from './operational.js';
import { runShell, shellWords, type ShellKind } from './shell.js';
import { CliSyntaxError } from './walker.js';

/** The first line of an interactive login (`--- JUNOS 21.4R3-S5.4 built ...`). */
export function loginBanner(release: string): string {
  return `--- JUNOS ${release} built 2020-01-01 00:00:00 UTC\n`;
}

interface Mode {
  readonly prompt: string;
  /** Lines above the prompt (`[edit]`). */
  readonly head: string;
  readonly help: HelpContext;
}

/**
 * The device's configuration schema, if it has been read (the start reads it
 * in the background): `?` lists from it, and never waits for a read.
 */
function schemaOf(s: CliSession): Schema | undefined {
  const id = schemaIdFor(s.device.model.spec.line, s.device.model.settings.softwareVersion);
  const have = loadedSchema(id);
  if (!have) preloadSchemas([id]);
  return have;
}

/** `?` does not list what the login class may not run (Junos hides such commands). */
function visible(s: CliSession, ops: readonly TerminalCommand[]): TerminalCommand[] {
  return ops.filter((c) => !c.permission || s.allows(c.permission));
}

function operationalHelp(s: CliSession, ops: readonly TerminalCommand[]): HelpContext {
  return {
    commands: visible(s, ops),
    configChildren: (_cmd, path) => statementCandidates(s.configuration('committed'), path, schemaOf(s)),
    pipes: pipeContextOf,
  };
}

function configurationHelp(s: CliSession, m: ConfigurationMode, ops: readonly TerminalCommand[], level: () => readonly string[]): HelpContext {
  return {
    commands: m.commands,
    operational: visible(s, ops).filter((c) => c.target.kind === 'spec'),
    configChildren: (_cmd, path) => statementCandidates(s.configuration('candidate'), [...level(), ...path], schemaOf(s)),
    pipes: (cmd) => (cmd?.words[0] === 'show' && cmd.target.kind === 'builtin' ? { set: 'configuration', configurationText: true } : pipeContextOf(cmd)),
  };
}

/** Writes the prompt and reads a line with help, completion and history. */
async function readCommand(s: CliSession, mode: Mode, blankLine: boolean): Promise<LineResult> {
  s.screen.text(`${blankLine ? '\n' : ''}${mode.head}${mode.prompt}`);
  s.promptColumns = mode.prompt.length;
  s.screen.take();
  return s.readLine(
    {
      help: (line) => {
        try {
          return helpText(line, mode.help);
        } catch (err) {
          if (err instanceof CliSyntaxError) return caretText(mode.prompt.length, err);
          throw err;
        }
      },
      complete: (line) => completeLast(line, mode.help),
      completeOnSpace: () => s.settings.completeOnSpace,
      redraw: () => s.screen.text(`${mode.head}${mode.prompt}`),
    },
    s.history,
  );
}

/** The interactive CLI until `exit`/`quit` (or ^D at an empty prompt). */
export async function interactive(s: CliSession, opts: { banner: boolean }): Promise<void> {
  const ops = operationalCommands(s.platform);
  if (opts.banner) s.screen.text(loginBanner(s.device.model.settings.softwareVersion));
  let blank = false;
  for (;;) {
    const r = await readCommand(s, { prompt: `${s.user}@${s.device.hostnameOn(s.routingEngine)}> `, head: '', help: operationalHelp(s, ops) }, blank);
    blank = true;
    if (r.kind === 'interrupt') {
      s.screen.text('\n');
      continue;
    }
    if (r.kind === 'eof') return;
    s.beginLine(r.text);
    const a = await runOperational(s, ops, r.text);
    if (a.kind === 'exit') {
      s.endLine();
      return;
    }
    if (a.kind === 'configure') await configuration(s, a.mode, ops);
    else if (a.kind === 'shell') {
      s.endLine();
      await shell(s, a.shell);
    } else s.endLine();
  }
}

async function configuration(s: CliSession, mode: ConfigureMode, ops: readonly TerminalCommand[]): Promise<void> {
  const m = await ConfigurationMode.enter(s, mode, ops);
  s.endLine();
  if (!m) return;
  const help = configurationHelp(s, m, ops, () => m.level);
  try {
    for (;;) {
      s.bannerText = m.banner();
      const r = await readCommand(s, { prompt: `${s.user}@${s.device.hostnameOn(s.routingEngine)}# `, head: m.head(), help }, true);
      if (r.kind === 'interrupt') {
        s.screen.text('\n');
        continue;
      }
      const line = r.kind === 'eof' ? 'exit configuration-mode' : r.text;
      s.beginLine(line);
      const left = await m.line(line);
      s.endLine();
      if (left) return;
    }
  } finally {
    s.bannerText = '';
  }
}

/** The Unix shell until its `exit` (`start shell`; root's login). */
export async function shell(s: CliSession, kind: ShellKind): Promise<void> {
  const ops = operationalCommands(s.platform);
  await runShell(
    {
      user: s.user,
      hostname: () => s.device.hostnameOn(s.routingEngine),
      readLine: async (prompt) => {
        s.endLine();
        s.screen.text(prompt);
        s.screen.take();
        const r = await s.readLine({ redraw: () => s.screen.text(prompt) }, s.history);
        if (r.kind === 'line') s.beginLine(r.text);
        if (r.kind === 'eof') return null;
        if (r.kind === 'interrupt') {
          s.screen.text('\n');
          return '';
        }
        return r.text;
      },
      write: (text) => s.screen.text(text),
      cli: () => interactive(s, { banner: false }),
      cliCommand: (line) => oneCommand(s, ops, line),
      files: { tree: s.device.files, re: s.routingEngine },
    },
    kind,
  );
  s.endLine();
}

/** One command without prompts (exec channel, `cli -c`); resolves true when it succeeded. */
export async function oneCommand(s: CliSession, ops: readonly TerminalCommand[], line: string): Promise<boolean> {
  s.beginLine(line);
  s.promptColumns = 0;
  try {
    const a = await runOperational(s, ops, line);
    if (a.kind === 'done') return a.ok;
    if (a.kind === 'exit') return true;
    s.screen.text(`error: '${a.kind === 'configure' ? 'configure' : 'start shell'}' needs an interactive CLI session\n`);
    return false;
  } finally {
    s.endLine();
  }
}

/**
 * An exec request: `cli` is the interactive CLI; `cli -c "COMMAND"` and any
 * other text run one CLI command. Resolves with the exit status.
 */
export async function exec(s: CliSession, command: string): Promise<number> {
  const m = /^\s*cli(?:\s+-c\s+([\s\S]+?))?\s*$/.exec(command);
  if (m && m[1] === undefined) {
    await interactive(s, { banner: false });
    return 0;
  }
  const line = m ? shellWords(m[1]!).join(' ') : command.trim();
  return (await oneCommand(s, operationalCommands(s.platform), line)) ? 0 : 1;
}
