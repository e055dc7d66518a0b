/**
 * The CLI parser behind `<command>`: walks the command words with Junos's
 * unique-prefix rule, then the options of the command's RPC grammar, and
 * yields the equivalent RPC element. Executing that element through the RPC
 * registry is what makes the CLI and the RPC answer alike.
 */
import { pathFilter } from '../junos-config/path-filter.js';
import type { Schema } from '../junos-config/schema/model.js';
import { checkLeafValue, leafFor } from '../grammar/parse-rpc.js';
import type { Dialect, LeafSpec, Platform, RpcGrammar } from '../grammar/types.js';
import { element, type XmlElement } from '../xml/element.js';
import { RpcError, syntaxError } from '../xml/rpc-error.js';
import { commandsOn, type CommandSpec } from './commands.js';
import { tokenizeCommand } from './tokenize.js';
import { ambiguousWord } from '../errors/catalogue.js';

/** What a pipe asks of the output. `rpc`: show the equivalent RPC instead of running it. */
export type Display = 'default' | 'xml' | 'json' | 'rpc';

export interface ParsedCommand {
  readonly rpc: XmlElement;
  readonly display: Display;
  /** `show configuration`: its text form is `<configuration-information>`. */
  readonly configuration: boolean;
}

const el = element;

function expecting(what: string, badElement: string): RpcError {
  return syntaxError(badElement, `syntax error, expecting <${what}>`);
}

/** Exact match, else the only candidate the word is a prefix of. */
function complete(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(word)) return word;
  const hits = [...new Set(candidates.filter((c) => c.startsWith(word)))];
  if (hits.length > 1) {
    throw ambiguousWord(word, hits);
  }
  return hits[0];
}

function parseDisplay(pipes: ReadonlyArray<readonly string[]>): Display {
  let display: Display = 'default';
  for (const p of pipes) {
    const words = p.map((w) => w.toLowerCase());
    if (words.length === 0) throw expecting('pipe', '|');
    const head = complete(words[0]!, ['display', 'no-more']);
    if (head === 'no-more' && words.length === 1) continue;
    if (head !== 'display') throw syntaxError(p[0]!);
    const what = words[1] === undefined ? undefined : complete(words[1], ['xml', 'json']);
    if (what === undefined) throw expecting('display', p[1] ?? 'display');
    if (what === 'json' && words.length === 2) display = 'json';
    else if (what === 'xml' && words.length === 2) display = 'xml';
    else if (what === 'xml' && words.length === 3 && complete(words[2]!, ['rpc']) === 'rpc') display = 'rpc';
    else throw syntaxError(p[words.length - 1]!);
  }
  return display;
}

/** `schema`: the device's configuration schema, which reads a `show configuration` path (the MX 18.4 one without). */
export function parseCommand(line: string, platform: Platform | Dialect, schema?: Schema): ParsedCommand {
  const { words, pipes } = tokenizeCommand(line);
  const display = parseDisplay(pipes);
  let candidates: CommandSpec[] = commandsOn(platform);
  let depth = 0;
  let i = 0;
  // Keywords until exactly one command's words are consumed.
  for (;;) {
    const done = candidates.find((c) => c.words.length === depth);
    if (done) return finish(done, words.slice(i), display, platform, schema);
    const word = words[i];
    if (word === undefined) throw expecting('command', words[i - 1] ?? 'command');
    const next = complete(word.toLowerCase(), candidates.map((c) => c.words[depth]!));
    if (next === undefined) throw expecting('command', word);
    candidates = candidates.filter((c) => c.words[depth] === next);
    depth++;
    i++;
  }
}

function finish(spec: CommandSpec, rest: readonly string[], display: Display, platform: Platform | Dialect, schema: Schema | undefined): ParsedCommand {
  if (spec.kind === 'configuration') return { rpc: configurationRpc(rest, schema), display, configuration: true };
  return { rpc: optionsRpc(spec.grammar, rest, platform), display, configuration: false };
}

/** `show configuration system login` reads the committed configuration under that path. */
function configurationRpc(path: readonly string[], schema: Schema | undefined): XmlElement {
  const { filter } = pathFilter(path, schema);
  const children = filter.length > 0 ? [el('configuration', [...filter])] : [];
  return el('get-configuration', children, '', { database: 'committed' });
}

function optionsRpc(g: RpcGrammar, words: readonly string[], platform: Platform | Dialect): XmlElement {
  const leaves = g.leaves.filter((l) => leafFor(g, l.name, platform) !== undefined);
  const names = leaves.map((l) => l.name);
  const children: XmlElement[] = [];
  const given = new Set<string>();
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    const name = complete(word.toLowerCase(), names);
    const positional = leaves.find((l) => l.positional && !given.has(l.name));
    if (name === undefined) {
      if (!positional) throw expecting('command', word);
      children.push(valueLeaf(positional, word));
      given.add(positional.name);
      i++;
      continue;
    }
    const leaf = leaves.find((l) => l.name === name)!;
    if (leaf.type.kind === 'empty') {
      children.push(el(leaf.name));
      i++;
    } else {
      const raw = words[i + 1];
      if (raw === undefined) throw expecting(leaf.valueName ?? leaf.name, leaf.name);
      const value = leaf.type.kind === 'enum' ? (complete(raw, leaf.type.values) ?? raw) : raw;
      children.push(valueLeaf(leaf, value));
      i += 2;
    }
    given.add(leaf.name);
  }
  return el(g.rpc, children);
}

function valueLeaf(leaf: LeafSpec, raw: string): XmlElement {
  // The grammar's own check, so a bad value reads the same as in an RPC.
  const v = checkLeafValue(leaf, raw);
  return el(leaf.name, [], v === true ? '' : v);
}
