/**
 * `?` and Tab: what may come next on a line, in Junos's layout
 * (`Possible completions:`, two spaces, the name in 21 columns, its help).
 */
import type { TerminalCommand } from './command-tree.js';
import type { Completion } from './line-editor.js';
import { pipeCandidates, type PipeContext } from './pipes.js';
import { optionCandidates, walkCommand, walkOptions, type Candidate } from './walker.js';
import { lex, type Word } from './words.js';

export interface HelpContext {
  readonly commands: readonly TerminalCommand[];
  /** Statements under a configuration path, for commands that take one. */
  configChildren(cmd: TerminalCommand, path: readonly string[]): Candidate[];
  /** The operational commands (for `run` in configuration mode). */
  readonly operational?: readonly TerminalCommand[];
  pipes(cmd: TerminalCommand | undefined): PipeContext;
}

export const ENTER: Candidate = { name: '<[Enter]>', help: 'Execute this command' };
export const PIPE: Candidate = { name: '|', help: 'Pipe through a command' };

export function listing(cands: readonly Candidate[]): string {
  let s = 'Possible completions:\n';
  for (const c of cands) {
    const lead = `${c.mark ?? ' '} `;
    s += c.help === '' ? `${lead}${c.name}\n` : `${lead}${c.name.length >= 21 ? `${c.name} ` : c.name.padEnd(21)}${c.help}\n`;
  }
  return s;
}

interface Next {
  readonly candidates: readonly Candidate[];
  /** The words so far make a command: Enter and `|` may follow. */
  readonly complete: boolean;
}

function afterCommand(ctx: HelpContext, words: readonly Word[]): Next {
  const w = walkCommand(ctx.commands, words);
  if (w.kind === 'words') return { candidates: w.next, complete: false };
  const { command, rest } = w.resolved;
  if (command.rest === 'operational') {
    return afterCommand({ ...ctx, commands: ctx.operational ?? [] }, rest);
  }
  if (command.rest === 'config-path') {
    return { candidates: ctx.configChildren(command, rest.map((r) => r.text)), complete: true };
  }
  const options = optionCandidates(command, walkOptions(command, rest));
  if (rest.length > 0 || w.longer.length === 0) return options;
  const candidates = [...options.candidates, ...w.longer].sort((a, b) => a.name.localeCompare(b.name));
  return { ...options, candidates };
}

/** The command a line's command words name, if they name one (for the pipes it offers). */
function commandOf(ctx: HelpContext, words: readonly Word[]): TerminalCommand | undefined {
  try {
    const w = walkCommand(ctx.commands, words);
    if (w.kind !== 'command') return undefined;
    if (w.resolved.command.rest === 'operational') return commandOf({ ...ctx, commands: ctx.operational ?? [] }, w.resolved.rest);
    return w.resolved.command;
  } catch {
    return undefined;
  }
}

/** What may come at the end of `line`; the last word is a prefix when the line does not end in a space. Throws CliSyntaxError. */
export function nextAt(line: string, ctx: HelpContext): { candidates: Candidate[]; partial: string } {
  const lx = lex(line);
  const inPipe = lx.pipes.length > 0;
  const words = inPipe ? lx.pipes[lx.pipes.length - 1]! : lx.command;
  const partial = lx.endsWithSpace || words.length === 0 ? '' : words[words.length - 1]!.text;
  const done = partial === '' ? words : words.slice(0, -1);
  const next = inPipe ? pipeCandidates(done, ctx.pipes(commandOf(ctx, lx.command))) : afterCommand(ctx, done);
  let list = [...next.candidates];
  if (partial !== '') {
    const p = partial.toLowerCase();
    list = list.filter((c) => c.name.startsWith('<') || c.name.startsWith(p));
  } else if (next.complete) {
    list = [ENTER, ...list, PIPE];
  }
  // Value placeholders first, as Junos lists them.
  const placeholders = list.filter((c) => c.name.startsWith('<'));
  return { candidates: [...placeholders, ...list.filter((c) => !c.name.startsWith('<'))], partial };
}

/** The `?` text for a line; throws CliSyntaxError where the line already goes wrong. */
export function helpText(line: string, ctx: HelpContext): string {
  const { candidates } = nextAt(line, ctx);
  return candidates.length === 0 ? 'No valid completions\n' : listing(candidates);
}

/** Tab / space: the keyword the last word uniquely starts. */
export function completeLast(line: string, ctx: HelpContext): Completion | undefined {
  let next: { candidates: Candidate[]; partial: string };
  try {
    next = nextAt(line, ctx);
  } catch {
    return undefined;
  }
  if (next.partial === '') return undefined;
  const keywords = next.candidates.filter((c) => !c.name.startsWith('<') && c.name !== '|');
  const p = next.partial.toLowerCase();
  if (keywords.some((k) => k.name === p)) return { typed: next.partial, word: next.partial };
  const hits = keywords.filter((k) => k.name.startsWith(p));
  return hits.length === 1 ? { typed: next.partial, word: hits[0]!.name } : undefined;
}
