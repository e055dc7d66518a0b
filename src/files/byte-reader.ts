/**
 * Reads a channel's bytes on demand: a line, one byte, or the next n bytes
 * (handed on in chunks, so a large file never sits in one buffer here). The
 * channel is paused while nobody reads, so a fast client cannot fill memory.
 */
export interface Pausable {
  pause(): void;
  resume(): void;
}

export class ChannelClosed extends Error {
  constructor() {
    super('channel closed');
  }
}

export class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly src: Pausable) {}

  push(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    // Hold the sender back once a few chunks wait unread.
    if (this.buf.length > 1 << 20) this.src.pause();
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private async more(): Promise<void> {
    if (this.ended) throw new ChannelClosed();
    this.src.resume();
    await new Promise<void>((resolve) => {
      this.wake = resolve;
    });
  }

  async byte(): Promise<number> {
    while (this.buf.length === 0) await this.more();
    const b = this.buf[0]!;
    this.buf = this.buf.subarray(1);
    return b;
  }

  /** A line without its `\n`; refuses lines over `max` bytes. */
  async line(max = 4096): Promise<string> {
    for (;;) {
      const i = this.buf.indexOf(0x0a);
      if (i >= 0) {
        const s = this.buf.subarray(0, i).toString('utf8');
        this.buf = this.buf.subarray(i + 1);
        return s;
      }
      if (this.buf.length > max) throw new Error('protocol line too long');
      await this.more();
    }
  }

  /** Hands the next `n` bytes to `sink` chunk by chunk, in order. */
  async take(n: number, sink: (chunk: Buffer) => Promise<void> | void): Promise<void> {
    let left = n;
    while (left > 0) {
      if (this.buf.length === 0) await this.more();
      const k = Math.min(left, this.buf.length);
      const chunk = this.buf.subarray(0, k);
      this.buf = this.buf.subarray(k);
      left -= k;
      await sink(chunk);
    }
  }
}
