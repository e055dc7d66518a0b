/**
 * Walks a line's words over a mode's commands with Junos's unique-prefix
 * rule: which command the words name, which options they give, and where a
 * word goes wrong (the caret's column). `?` and Tab ask it what may come next.
 */
import { checkLeafValue } from '../grammar/parse-rpc.js';
import type { LeafSpec } from '../grammar/types.js';
import { RpcError } from '../xml/rpc-error.js';
import { wordHelp, type TerminalCommand } from './command-tree.js';
import type { Word } from './words.js';

export interface Candidate {
  readonly name: string;
  readonly help: string;
  /** Configuration mode marks statements that contain others with `>`. */
  readonly mark?: '>' | '+';
}

/** A line the CLI refuses: the message, the offset in the line the caret points at, and for ambiguity the choices. */
export class CliSyntaxError extends Error {
  constructor(
    readonly at: number,
    message: string,
    readonly candidates: readonly Candidate[] = [],
  ) {
    super(message);
  }
}

/** Where a missing word would go: one column after the line's last word. */
export function afterEnd(line: string): number {
  return line.trimEnd().length + 1;
}

/** The keyword `word` names: an exact match, else the only one it starts. */
export function matchKeyword(word: Word, names: readonly string[], help: (name: string) => string = () => ''): string | undefined {
  const w = word.text.toLowerCase();
  if (names.includes(w)) return w;
  const hits = [...new Set(names.filter((n) => n.startsWith(w)))].sort();
  if (hits.length > 1) throw new CliSyntaxError(word.start, `'${word.text}' is ambiguous`, hits.map((name) => ({ name, help: help(name) })));
  return hits[0];
}

/** The keyword a word names, or undefined where it names none or several (then it is an option word). */
function uniqueKeyword(word: Word, names: readonly string[]): string | undefined {
  try {
    return matchKeyword(word, names);
  } catch {
    return undefined;
  }
}

export interface Resolved {
  readonly command: TerminalCommand;
  /** The words after the command's own. */
  readonly rest: readonly Word[];
}

/** Help of the next word at `depth` among commands that share the words so far. */
function nextWords(cands: readonly TerminalCommand[], depth: number): Candidate[] {
  const out = new Map<string, string>();
  for (const c of cands) {
    const w = c.words[depth];
    if (w === undefined || out.has(w)) continue;
    const exact = cands.find((x) => x.words.length === depth + 1 && x.words[depth] === w);
    out.set(w, exact ? exact.description : wordHelp(c.words.slice(0, depth + 1)));
  }
  return [...out].map(([name, help]) => ({ name, help })).sort((a, b) => a.name.localeCompare(b.name));
}

export type Walk =
  /** `longer`: words that continue to a longer command (`directory` after `show cli`), for `?`. */
  | { readonly kind: 'command'; readonly resolved: Resolved; readonly longer: readonly Candidate[] }
  /** The words run out inside the command words: these may come next. */
  | { readonly kind: 'words'; readonly next: readonly Candidate[] };

/** Follows the command words; throws CliSyntaxError at the first word that names nothing. */
export function walkCommand(commands: readonly TerminalCommand[], words: readonly Word[]): Walk {
  let cands = [...commands];
  for (let depth = 0; ; depth++) {
    const done = cands.find((c) => c.words.length === depth);
    const word = words[depth];
    const next = nextWords(cands, depth);
    if (done) {
      // A longer command wins where the next word names it: `show cli directory` over `show cli`.
      const longer = word === undefined ? undefined : uniqueKeyword(word, next.map((n) => n.name));
      if (longer === undefined) return { kind: 'command', resolved: { command: done, rest: words.slice(depth) }, longer: next };
      cands = cands.filter((c) => c.words[depth] === longer);
      continue;
    }
    if (word === undefined) return { kind: 'words', next };
    const helpOf = (n: string): string => next.find((x) => x.name === n)?.help ?? '';
    const hit = matchKeyword(word, next.map((n) => n.name), helpOf);
    if (hit === undefined) throw new CliSyntaxError(word.start, depth === 0 ? 'unknown command' : 'syntax error, expecting <command>');
    cands = cands.filter((c) => c.words[depth] === hit);
  }
}

/** The command a whole line names; a line that stops inside the command words is an error after its end. */
export function resolveCommand(commands: readonly TerminalCommand[], words: readonly Word[], line: string): Resolved {
  const w = walkCommand(commands, words);
  if (w.kind === 'command') return w.resolved;
  throw new CliSyntaxError(afterEnd(line), 'syntax error, expecting <command>');
}

export interface Options {
  /** Leaf name to value; empty leaves map to true. */
  readonly given: ReadonlyMap<string, string | true>;
  /** The words stop after this leaf's keyword: its value comes next. */
  readonly pendingValue?: LeafSpec;
}

function valueError(word: Word, err: unknown): CliSyntaxError {
  if (err instanceof RpcError) return new CliSyntaxError(word.start, err.errors[0]!.message);
  throw err;
}

/** Reads option words as src/command's parser does (keywords by unique prefix, positional values, checked values). */
export function walkOptions(cmd: TerminalCommand, words: readonly Word[]): Options {
  const given = new Map<string, string | true>();
  const groups = new Map<string, string>();
  const names = cmd.leaves.map((l) => l.name);
  const take = (leaf: LeafSpec, value: string | true, at: Word): void => {
    if (leaf.group) {
      const other = groups.get(leaf.group);
      if (other !== undefined && other !== leaf.name) throw new CliSyntaxError(at.start, `syntax error: '${leaf.name}' conflicts with '${other}'`);
      groups.set(leaf.group, leaf.name);
    }
    given.set(leaf.name, value);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const name = matchKeyword(word, names, (n) => cmd.leaves.find((l) => l.name === n)?.description ?? '');
    const positional = cmd.leaves.find((l) => l.positional && !given.has(l.name));
    if (name === undefined) {
      if (!positional) throw new CliSyntaxError(word.start, 'syntax error, expecting <command>');
      take(positional, checked(positional, word), word);
      continue;
    }
    const leaf = cmd.leaves.find((l) => l.name === name)!;
    if (leaf.type.kind === 'empty') {
      take(leaf, true, word);
      continue;
    }
    const raw = words[i + 1];
    if (raw === undefined) return { given, pendingValue: leaf };
    take(leaf, checked(leaf, raw), raw);
    i++;
  }
  return { given };
}

function checked(leaf: LeafSpec, word: Word): string {
  let raw = word.text;
  if (leaf.type.kind === 'enum') raw = matchKeyword(word, leaf.type.values) ?? raw;
  try {
    const v = checkLeafValue(leaf, raw);
    return v === true ? '' : v;
  } catch (err) {
    throw valueError(word, err);
  }
}

/** Options of a whole line: a missing value or a missing required option is an error after the end. */
export function finishOptions(cmd: TerminalCommand, words: readonly Word[], line: string): Options {
  const o = walkOptions(cmd, words);
  if (o.pendingValue) {
    throw new CliSyntaxError(afterEnd(line), `syntax error, expecting <${o.pendingValue.valueName ?? o.pendingValue.name}>`);
  }
  if (cmd.required && o.given.size === 0) throw new CliSyntaxError(afterEnd(line), 'syntax error, expecting <command>');
  return o;
}

/** What may follow the given option words: placeholders, remaining options, Enter. */
export function optionCandidates(cmd: TerminalCommand, o: Options): { candidates: Candidate[]; complete: boolean } {
  if (o.pendingValue) {
    const l = o.pendingValue;
    const list = l.type.kind === 'enum' ? l.type.values.map((v) => ({ name: v, help: '' })) : [{ name: `<${l.valueName ?? l.name}>`, help: l.description }];
    return { candidates: list, complete: false };
  }
  const usedGroups = new Set(cmd.leaves.filter((l) => l.group && o.given.has(l.name)).map((l) => l.group));
  const open = cmd.leaves.filter((l) => !o.given.has(l.name) && !(l.group && usedGroups.has(l.group)));
  const placeholders = open.filter((l) => l.positional && l.type.kind !== 'empty').map((l) => ({ name: `<${l.valueName ?? l.name}>`, help: l.description }));
  const keywords = open.filter((l) => !l.positional).map((l) => ({ name: l.name, help: l.description }));
  keywords.sort((a, b) => a.name.localeCompare(b.name));
  return { candidates: [...placeholders, ...keywords], complete: !cmd.required || o.given.size > 0 };
}
