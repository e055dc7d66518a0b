/**
 * An append-only byte buffer with amortised growth, so a 16 MiB message that
 * arrives in 32 KiB SSH packets is not re-copied on every packet.
 */
const EMPTY = Buffer.alloc(0);

export class ByteQueue {
  private buf: Buffer;
  private start = 0;
  private end = 0;

  /** Starts empty: most messages are decoded straight from the packet that carried them. */
  constructor(initial = 0) {
    this.buf = initial > 0 ? Buffer.allocUnsafe(initial) : EMPTY;
  }

  get length(): number {
    return this.end - this.start;
  }

  push(data: Buffer): void {
    if (this.end + data.length > this.buf.length) {
      const needed = this.length + data.length;
      if (needed <= this.buf.length && this.start > 0) {
        this.buf.copy(this.buf, 0, this.start, this.end);
      } else {
        let size = Math.max(this.buf.length, 4096);
        while (size < needed) size *= 2;
        const next = Buffer.allocUnsafe(size);
        this.buf.copy(next, 0, this.start, this.end);
        this.buf = next;
      }
      this.end -= this.start;
      this.start = 0;
    }
    data.copy(this.buf, this.end);
    this.end += data.length;
  }

  /** A view of the unread bytes; valid until the next push or consume. */
  view(): Buffer {
    return this.buf.subarray(this.start, this.end);
  }

  byteAt(i: number): number {
    return this.buf[this.start + i]!;
  }

  indexOf(needle: Buffer, from = 0): number {
    const i = this.view().indexOf(needle, from);
    return i;
  }

  /** Removes and returns a copy of the first n bytes. */
  take(n: number): Buffer {
    const out = Buffer.from(this.buf.subarray(this.start, this.start + n));
    this.consume(n);
    return out;
  }

  consume(n: number): void {
    this.start += n;
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
      // An idle session holds no buffer: with a thousand sessions open, a
      // few KB each is most of the memory the emulator adds to ssh2's own.
      this.buf = EMPTY;
    }
  }
}
