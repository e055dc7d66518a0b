/**
 * Editing one input line the way the Junos CLI does it on a terminal: echo,
 * backspace, ^U (erase line), ^W (erase word), Tab and (with complete-on-space)
 * space completing a unique keyword prefix, `?` listing the possible
 * completions and redrawing the line, up/down through the history. The
 * cursor stays at the end of the line (no mid-line editing).
 */
import type { Key } from './keys.js';
import type { Screen } from './screen.js';

export type LineResult = { readonly kind: 'line'; readonly text: string } | { readonly kind: 'interrupt' } | { readonly kind: 'eof' };

/** A completed word: the typed prefix at the end of the line becomes `word`. */
export interface Completion {
  readonly typed: string;
  readonly word: string;
}

export interface EditorHooks {
  /** The `?` listing for the line so far; undefined makes `?` an ordinary character. */
  help?(line: string): string | undefined;
  /** The keyword the last word of the line is a unique prefix of. */
  complete?(line: string): Completion | undefined;
  completeOnSpace?(): boolean;
  /** Writes the prompt again (after a listing). */
  redraw(): void;
}

/** Longest line accepted; more is refused with a bell. */
const MAX_LINE = 64 * 1024;

export class LineEditor {
  private line = '';
  private historyAt: number;

  constructor(
    private readonly screen: Screen,
    private readonly hooks: EditorHooks,
    private readonly history: string[] = [],
  ) {
    this.historyAt = history.length;
  }

  get text(): string {
    return this.line;
  }

  key(k: Key): LineResult | undefined {
    switch (k.kind) {
      case 'enter':
        this.screen.echo('\n');
        if (this.line.trim() !== '' && this.history[this.history.length - 1] !== this.line) this.history.push(this.line);
        return { kind: 'line', text: this.line };
      case 'interrupt':
        return { kind: 'interrupt' };
      case 'eof':
        return this.line === '' ? { kind: 'eof' } : undefined;
      case 'end':
        return { kind: 'eof' };
      case 'backspace':
        this.erase(1);
        return undefined;
      case 'kill-line':
        this.erase(this.line.length);
        return undefined;
      case 'erase-word': {
        const m = /\S*\s*$/.exec(this.line);
        this.erase(m ? m[0].length : 0);
        return undefined;
      }
      case 'tab':
        if (!this.completeWord()) this.list(false);
        return undefined;
      case 'up':
      case 'down':
        this.browse(k.kind === 'up' ? -1 : 1);
        return undefined;
      case 'char':
        this.typed(k.ch);
        return undefined;
      case 'other':
        return undefined;
    }
  }

  private typed(ch: string): void {
    if (ch === '?' && !this.inQuotes() && this.list(true)) return;
    if (ch === ' ' && this.hooks.completeOnSpace?.() && !this.inQuotes() && this.completeWord()) return;
    this.insert(ch);
  }

  private insert(s: string): void {
    if (this.line.length + s.length > MAX_LINE) {
      this.screen.control('\x07');
      return;
    }
    this.line += s;
    this.screen.echo(s);
  }

  private erase(n: number): void {
    const k = Math.min(n, this.line.length);
    if (k === 0) return;
    this.line = this.line.slice(0, this.line.length - k);
    this.screen.control('\b \b'.repeat(k));
  }

  /** Rewrites the last word as the keyword it uniquely starts, plus a space (Junos redraws it with backspaces). */
  private completeWord(): boolean {
    if (/\s$/.test(this.line) || this.line === '') return false;
    const c = this.hooks.complete?.(this.line);
    if (!c || c.word === c.typed) return false;
    this.erase(c.typed.length);
    this.insert(`${c.word} `);
    return true;
  }

  /** `?`: the listing, then the prompt and the line as typed. */
  private list(echoMark: boolean): boolean {
    const text = this.hooks.help?.(this.line);
    if (text === undefined) return false;
    if (echoMark) this.screen.echo('?');
    this.screen.echo('\n');
    this.screen.text(text);
    this.hooks.redraw();
    this.screen.echo(this.line);
    return true;
  }

  private browse(step: number): void {
    const at = Math.max(0, Math.min(this.history.length, this.historyAt + step));
    if (at === this.historyAt) return;
    this.historyAt = at;
    this.erase(this.line.length);
    this.insert(this.history[at] ?? '');
  }

  private inQuotes(): boolean {
    let q: string | null = null;
    for (const ch of this.line) {
      if (q) {
        if (ch === q) q = null;
      } else if (ch === '"' || ch === "'") q = ch;
    }
    return q !== null;
  }
}
