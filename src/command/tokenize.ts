/**
 * Splits a CLI line into the command's words and its pipes
 * (`show version| display xml rpc`: PyEZ puts no space before the pipe).
 */
import { unterminatedQuote } from '../errors/catalogue.js';

export interface CommandLine {
  readonly words: readonly string[];
  /** Each pipe's words, in order (`['display', 'xml', 'rpc']`). */
  readonly pipes: ReadonlyArray<readonly string[]>;
}

export function tokenizeCommand(line: string): CommandLine {
  const segments: string[][] = [[]];
  let word: string | null = null;
  let quote: string | null = null;
  const flush = (): void => {
    if (word !== null) segments[segments.length - 1]!.push(word);
    word = null;
  };
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '|') {
      flush();
      segments.push([]);
    } else if (/\s/.test(ch)) {
      flush();
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) {
    throw unterminatedQuote();
  }
  flush();
  const [words, ...pipes] = segments;
  return { words: words!, pipes };
}
