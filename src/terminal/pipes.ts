/**
 * Output pipes: `| display xml|json|xml rpc|set` choose what is rendered,
 * `| match`, `| except`, `| count`, `| last`, `| trim` filter the text in the
 * order given, `| no-more` turns the pager off. Keywords take unique prefixes.
 */
import type { Candidate } from './walker.js';
import { afterEnd, CliSyntaxError, matchKeyword } from './walker.js';
import type { Word } from './words.js';

export type Display = 'xml' | 'json' | 'rpc' | 'set';

export type Pipe =
  | { readonly kind: 'display'; readonly what: Display }
  | { readonly kind: 'no-more' }
  | { readonly kind: 'match' | 'except'; readonly re: RegExp }
  | { readonly kind: 'count' }
  | { readonly kind: 'last'; readonly lines?: number }
  | { readonly kind: 'trim'; readonly columns: number }
  /** `| display inheritance [no-comments]`: the configuration with its groups applied, saying whence unless no-comments. */
  | { readonly kind: 'inheritance'; readonly comments: boolean }
  /** `| compare [rollback N]`: against rollback N (0 when not given). */
  | { readonly kind: 'compare'; readonly rollback?: number };

/** Which pipes a command offers: every command, or `show` in configuration mode (compare, display set). */
export type PipeSet = 'operational' | 'configuration';

const PIPES: ReadonlyArray<Candidate & { readonly sets: readonly PipeSet[] }> = [
  { name: 'compare', help: 'Compare configuration changes with prior version', sets: ['configuration'] },
  { name: 'count', help: 'Count occurrences', sets: ['operational', 'configuration'] },
  { name: 'display', help: 'Show additional kinds of information', sets: ['operational', 'configuration'] },
  { name: 'except', help: 'Show only text that does not match a pattern', sets: ['operational', 'configuration'] },
  { name: 'last', help: 'Display end of output only', sets: ['operational', 'configuration'] },
  { name: 'match', help: 'Show only text that matches a pattern', sets: ['operational', 'configuration'] },
  { name: 'no-more', help: "Don't paginate output", sets: ['operational', 'configuration'] },
  { name: 'trim', help: 'Trim specified number of columns from start of line', sets: ['operational', 'configuration'] },
];

function displays(set: PipeSet, configurationText: boolean): Candidate[] {
  return [
    { name: 'json', help: 'Show JSON text' },
    ...(set === 'configuration' || configurationText ? [{ name: 'inheritance', help: 'Show inherited configuration data and source group' }] : []),
    ...(set === 'configuration' || configurationText ? [{ name: 'set', help: "Show 'set' commands that create configuration" }] : []),
    { name: 'xml', help: 'Show XML tags' },
  ];
}

const INHERITANCE_OPTIONS = ['brief', 'defaults', 'no-comments', 'terse'];

const ARGUMENT: Readonly<Record<string, Candidate>> = {
  match: { name: '<pattern>', help: 'Pattern to match against' },
  except: { name: '<pattern>', help: 'Pattern to avoid' },
  last: { name: '<lines>', help: 'Number of lines to display from end of output' },
  trim: { name: '<columns>', help: 'Number of columns to trim' },
};

export interface PipeContext {
  readonly set: PipeSet;
  /** The command shows configuration (`show configuration`): `display set` applies. */
  readonly configurationText: boolean;
}

function pipeNames(c: PipeContext): Candidate[] {
  // `show configuration | compare rollback N` in operational mode too.
  return PIPES.filter((p) => p.sets.includes(c.set) || (p.name === 'compare' && c.configurationText));
}

function count(word: Word): number {
  if (!/^\d+$/.test(word.text)) throw new CliSyntaxError(word.start, `invalid numeric value: '${word.text}'`);
  return Number(word.text);
}

function regex(word: Word): RegExp {
  try {
    // Junos matches without regard to case.
    return new RegExp(word.text, 'i');
  } catch {
    throw new CliSyntaxError(word.start, 'invalid regular expression');
  }
}

function parseOne(words: readonly Word[], at: number, line: string, c: PipeContext): Pipe {
  const head = words[0];
  if (!head) throw new CliSyntaxError(at + 2, 'syntax error, expecting <command>');
  const names = pipeNames(c);
  const name = matchKeyword(head, names.map((p) => p.name), (n) => names.find((p) => p.name === n)?.help ?? '');
  if (name === undefined) throw new CliSyntaxError(head.start, 'syntax error, expecting <command>');
  const arg = words[1];
  const extra = (k: number): void => {
    if (words[k]) throw new CliSyntaxError(words[k]!.start, 'syntax error, expecting <command>');
  };
  switch (name) {
    case 'display': {
      if (!arg) throw new CliSyntaxError(afterEnd(line), 'syntax error, expecting <command>');
      const what = matchKeyword(arg, displays(c.set, c.configurationText).map((d) => d.name));
      if (what === undefined) throw new CliSyntaxError(arg.start, 'syntax error, expecting <command>');
      if (what === 'inheritance') {
        // brief, defaults and terse print as the plain form: the emulator has no junos-defaults group (docs/config-groups.md).
        const how = words[2] ? matchKeyword(words[2], INHERITANCE_OPTIONS) : undefined;
        if (words[2] && how === undefined) throw new CliSyntaxError(words[2].start, 'syntax error, expecting <command>');
        extra(how === undefined ? 2 : 3);
        return { kind: 'inheritance', comments: how !== 'no-comments' };
      }
      if (what === 'xml' && words[2]) {
        if (matchKeyword(words[2], ['rpc']) !== 'rpc') throw new CliSyntaxError(words[2].start, 'syntax error, expecting <command>');
        extra(3);
        return { kind: 'display', what: 'rpc' };
      }
      extra(2);
      return { kind: 'display', what: what as Display };
    }
    case 'match':
    case 'except':
      if (!arg) throw new CliSyntaxError(afterEnd(line), 'syntax error, expecting <pattern>');
      extra(2);
      return { kind: name, re: regex(arg) };
    case 'last':
      extra(2);
      return arg ? { kind: 'last', lines: count(arg) } : { kind: 'last' };
    case 'trim':
      if (!arg) throw new CliSyntaxError(afterEnd(line), 'syntax error, expecting <columns>');
      extra(2);
      return { kind: 'trim', columns: count(arg) };
    case 'compare':
      if (!arg) return { kind: 'compare' };
      if (matchKeyword(arg, ['rollback']) !== 'rollback') throw new CliSyntaxError(arg.start, 'syntax error, expecting <command>');
      if (!words[2]) throw new CliSyntaxError(afterEnd(line), 'syntax error, expecting <number>');
      extra(3);
      return { kind: 'compare', rollback: count(words[2]) };
    default:
      extra(1);
      return { kind: name as 'count' | 'no-more' };
  }
}

export function parsePipes(pipes: ReadonlyArray<readonly Word[]>, pipeAt: readonly number[], line: string, c: PipeContext): Pipe[] {
  return pipes.map((words, i) => parseOne(words, pipeAt[i]!, line, c));
}

/** `?` inside a pipe: what may come next, given its complete words. */
export function pipeCandidates(words: readonly Word[], c: PipeContext): { candidates: Candidate[]; complete: boolean } {
  if (words.length === 0) return { candidates: pipeNames(c), complete: false };
  const name = matchKeyword(words[0]!, pipeNames(c).map((p) => p.name));
  if (name === undefined) throw new CliSyntaxError(words[0]!.start, 'syntax error, expecting <command>');
  if (name === 'display') {
    if (words.length === 1) return { candidates: displays(c.set, c.configurationText), complete: false };
    const what = matchKeyword(words[1]!, displays(c.set, c.configurationText).map((d) => d.name));
    if (what === 'xml' && words.length === 2) return { candidates: [{ name: 'rpc', help: 'Show the RPC equivalent' }], complete: true };
    return { candidates: [], complete: true };
  }
  const arg = ARGUMENT[name];
  if (arg && words.length === 1) return { candidates: [arg], complete: name === 'last' };
  return { candidates: [], complete: true };
}

/** Applies the text filters in order; `screenLength` is what a bare `| last` keeps. */
export function filterText(text: string, pipes: readonly Pipe[], screenLength: number): string {
  let lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  for (const p of pipes) {
    switch (p.kind) {
      case 'match':
        lines = lines.filter((l) => p.re.test(l));
        break;
      case 'except':
        lines = lines.filter((l) => !p.re.test(l));
        break;
      case 'count':
        lines = [`Count: ${lines.length} lines`];
        break;
      case 'last': {
        const n = p.lines ?? (screenLength > 0 ? screenLength - 1 : lines.length);
        lines = n === 0 ? [] : lines.slice(-n);
        break;
      }
      case 'trim':
        lines = lines.map((l) => l.slice(p.columns));
        break;
      default:
        break;
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The `| display inheritance` pipe, if given. */
export function inheritanceOf(pipes: readonly Pipe[]): Extract<Pipe, { kind: 'inheritance' }> | undefined {
  return pipes.find((p): p is Extract<Pipe, { kind: 'inheritance' }> => p.kind === 'inheritance');
}

/** The attributes `| display inheritance` asks get-configuration for. */
export function inheritanceAttrs(pipe: Extract<Pipe, { kind: 'inheritance' }> | undefined): Record<string, string> {
  if (!pipe) return {};
  return pipe.comments ? { inherit: 'inherit', groups: 'groups' } : { inherit: 'inherit' };
}

export function displayOf(pipes: readonly Pipe[]): Display | undefined {
  let d: Display | undefined;
  for (const p of pipes) if (p.kind === 'display') d = p.what;
  return d;
}

/** Pipes that change the text (the output cannot stream through them). */
export function filters(pipes: readonly Pipe[]): boolean {
  return pipes.some((p) => p.kind === 'match' || p.kind === 'except' || p.kind === 'count' || p.kind === 'last' || p.kind === 'trim');
}
