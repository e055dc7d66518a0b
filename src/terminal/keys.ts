/**
 * Turns the bytes a terminal sends into keys: printable characters, Enter
 * (CR, LF or CR LF, as one), the editing controls the CLI knows, and arrow
 * escape sequences. Anything else is `other` and ignored by the readers.
 */
import { StringDecoder } from 'node:string_decoder';

export type Key =
  | { readonly kind: 'char'; readonly ch: string }
  | { readonly kind: 'enter' }
  | { readonly kind: 'backspace' }
  /** ^C */
  | { readonly kind: 'interrupt' }
  /** ^D */
  | { readonly kind: 'eof' }
  /** ^U */
  | { readonly kind: 'kill-line' }
  /** ^W */
  | { readonly kind: 'erase-word' }
  | { readonly kind: 'tab' }
  /** Up arrow or ^P */
  | { readonly kind: 'up' }
  /** Down arrow or ^N */
  | { readonly kind: 'down' }
  /** The client closed its side of the channel: no more input will come. */
  | { readonly kind: 'end' }
  | { readonly kind: 'other' };

const CONTROL: Readonly<Record<number, Key>> = {
  0x03: { kind: 'interrupt' },
  0x04: { kind: 'eof' },
  0x08: { kind: 'backspace' },
  0x7f: { kind: 'backspace' },
  0x09: { kind: 'tab' },
  0x0e: { kind: 'down' },
  0x10: { kind: 'up' },
  0x15: { kind: 'kill-line' },
  0x17: { kind: 'erase-word' },
};

export class KeyQueue {
  /** Unread input is `buf` from `pos` on; the read part is dropped now and then, not per key. */
  private buf = '';
  private pos = 0;
  private readonly decoder = new StringDecoder('utf8');
  /** The last key was a CR: an LF right after it is the same Enter. */
  private afterCr = false;
  private ended = false;

  /** Queues bytes; returns them decoded. */
  push(data: Buffer | string): string {
    const text = typeof data === 'string' ? data : this.decoder.write(data);
    if (this.pos > 0 && this.pos * 2 > this.buf.length) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    this.buf += text;
    return text;
  }

  /** No more bytes will come; once the queue is read, every read is `end`. */
  end(): void {
    this.ended = true;
  }

  get empty(): boolean {
    return this.pos >= this.buf.length;
  }

  /** Characters waiting to be read. */
  get size(): number {
    return this.buf.length - this.pos;
  }

  /** True when a ^C is waiting (a running command can be interrupted). */
  hasInterrupt(): boolean {
    return this.buf.indexOf('\x03', this.pos) >= 0;
  }

  /** Throws away everything up to and including the last ^C (typeahead is flushed on interrupt). */
  flushThroughInterrupt(): void {
    const i = this.buf.lastIndexOf('\x03');
    if (i >= this.pos) this.pos = i + 1;
  }

  /** The next complete key, or undefined (nothing queued, or an escape sequence still arriving). */
  next(): Key | undefined {
    for (;;) {
      if (this.pos >= this.buf.length) return this.ended ? { kind: 'end' } : undefined;
      const c = this.buf.charCodeAt(this.pos);
      if (c === 0x1b) return this.escape();
      const ch = String.fromCodePoint(this.buf.codePointAt(this.pos)!);
      this.pos += ch.length;
      if (c === 0x0a && this.afterCr) {
        this.afterCr = false;
        continue;
      }
      this.afterCr = c === 0x0d;
      if (c === 0x0d || c === 0x0a) return { kind: 'enter' };
      const control = CONTROL[c];
      if (control) return control;
      if (c < 0x20) return { kind: 'other' };
      return { kind: 'char', ch };
    }
  }

  private escape(): Key | undefined {
    this.afterCr = false;
    if (this.size < 2) return this.ended ? this.skip(1) : undefined;
    const second = this.buf[this.pos + 1];
    if (second !== '[' && second !== 'O') return this.skip(1);
    // CSI / SS3: parameters, then one final byte in @..~.
    let i = this.pos + 2;
    while (i < this.buf.length && /[0-9;?]/.test(this.buf[i]!)) i++;
    if (i >= this.buf.length) return this.ended ? this.skip(i - this.pos) : undefined;
    const final = this.buf[i]!;
    this.pos = i + 1;
    if (final === 'A') return { kind: 'up' };
    if (final === 'B') return { kind: 'down' };
    return { kind: 'other' };
  }

  private skip(n: number): Key {
    this.pos += n;
    return { kind: 'other' };
  }
}
