/**
 * The `---(more N%)---` pager: a screen's worth of lines at a time when the
 * screen length is not 0. Space shows the next page, Enter (or down) one more
 * line, `q` or ^C ends the output. The prompt is erased before going on.
 */
import type { Key } from './keys.js';
import type { Screen } from './screen.js';

function splitLines(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) {
      if (from < text.length) out.push(text.slice(from));
      return out;
    }
    out.push(text.slice(from, nl + 1));
    from = nl + 1;
  }
}

/** Writes `text`, pausing every `length - 1` lines; resolves when all is shown or the user quits. */
export async function page(screen: Screen, text: string, length: number, readKey: () => Promise<Key>): Promise<void> {
  const lines = splitLines(text);
  const pageSize = length - 1;
  if (!screen.pty || length <= 1 || lines.length <= pageSize) {
    screen.text(text);
    return;
  }
  let shown = 0;
  const show = (n: number): void => {
    const end = Math.min(lines.length, shown + n);
    screen.text(lines.slice(shown, end).join(''));
    shown = end;
  };
  show(pageSize);
  while (shown < lines.length) {
    const prompt = `---(more ${Math.floor((shown * 100) / lines.length)}%)---`;
    screen.control(prompt);
    let k: Key;
    do k = await readKey();
    while (!isPagerKey(k));
    screen.control(`\r${' '.repeat(prompt.length)}\r`);
    if (k.kind === 'interrupt' || k.kind === 'end' || (k.kind === 'char' && (k.ch === 'q' || k.ch === 'Q'))) return;
    show(k.kind === 'char' && k.ch === ' ' ? pageSize : 1);
  }
}

function isPagerKey(k: Key): boolean {
  if (k.kind === 'enter' || k.kind === 'down' || k.kind === 'interrupt' || k.kind === 'end') return true;
  return k.kind === 'char' && (k.ch === ' ' || k.ch === 'q' || k.ch === 'Q');
}
