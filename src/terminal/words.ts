/**
 * Splits a CLI line into words with their positions (for carets and `?`), and
 * into the command and its pipes. Quoting follows src/command/tokenize.ts: a
 * quoted stretch joins a word, `|` outside quotes starts a pipe.
 */

export interface Word {
  readonly text: string;
  /** Offset in the line of the word's first character (its opening quote, if quoted). */
  readonly start: number;
  readonly end: number;
}

export interface Lexed {
  readonly command: readonly Word[];
  /** Each pipe's words; `pipeAt[i]` is the offset of its `|`. */
  readonly pipes: ReadonlyArray<readonly Word[]>;
  readonly pipeAt: readonly number[];
  /** A quote is still open at the end of the line. */
  readonly openQuote: boolean;
  /** The line ends in white space (or `|`): the last word is complete. */
  readonly endsWithSpace: boolean;
}

export function lex(line: string): Lexed {
  const segments: Word[][] = [[]];
  const pipeAt: number[] = [];
  let text: string | null = null;
  let start = 0;
  let quote: string | null = null;
  const flush = (end: number): void => {
    if (text !== null) segments[segments.length - 1]!.push({ text, start, end });
    text = null;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else text += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      if (text === null) {
        text = '';
        start = i;
      }
    } else if (ch === '|') {
      flush(i);
      segments.push([]);
      pipeAt.push(i);
    } else if (/\s/.test(ch)) {
      flush(i);
    } else {
      if (text === null) {
        text = '';
        start = i;
      }
      text += ch;
    }
  }
  flush(line.length);
  const [command, ...pipes] = segments;
  const last = line[line.length - 1];
  return {
    command: command!,
    pipes,
    pipeAt,
    openQuote: quote !== null,
    endsWithSpace: line.length === 0 || (quote === null && (last === '|' || /\s/.test(last!))),
  };
}

/** Writes words back as one line, quoting those that need it. */
export function joinWords(words: readonly string[]): string {
  return words
    .map((w) => {
      if (w !== '' && !/[\s|"']/.test(w)) return w;
      return w.includes('"') ? `'${w}'` : `"${w}"`;
    })
    .join(' ');
}
