/**
 * The session's outgoing side: frames messages, honours the transport's
 * back-pressure, and carries out the delivery a fault directive asks for
 * (whole, cut off, never, or slowly). It does not know what the messages say.
 */
import type { FramingMode } from '../framing/decoder.js';
import { frameMessage } from '../framing/encoder.js';
import type { Delivery } from './interceptor.js';

/** The byte pipe under a session: an SSH channel in production, memory in inject() and tests. */
export interface SessionTransport {
  /** False when the peer is not taking bytes as fast as they come: wait for onceDrained. */
  write(data: Buffer): boolean | void;
  /** Ends the stream after queued bytes are sent. */
  end(): void;
  /** Cuts the connection at once, as a network failure would (fault injection). */
  drop?(): void;
  /** Stops delivering the client's bytes: on SSH the channel window then closes. */
  pauseInput?(): void;
  resumeInput?(): void;
  /** Calls back once the bytes written so far have gone out. */
  onceDrained?(cb: () => void): void;
}

export interface ReplyWriterEvents {
  /** Sees every message before framing. */
  onMessage?: (xml: string, framing: FramingMode) => void;
  /** The transport refused more bytes (true) or drained (false). */
  onBlocked?: (blocked: boolean) => void;
  /** A fault cut the connection: the session is over. */
  onDropped?: () => void;
}

export class ReplyWriter {
  mode: FramingMode = 'eom';
  /** Bytes written, framing included. */
  bytesOut = 0;
  private blocked = false;
  private drainWaiters: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly transport: SessionTransport,
    private readonly events: ReplyWriterEvents = {},
  ) {}

  /** A write was refused and has not drained yet: the next reply should wait. */
  get isBlocked(): boolean {
    return this.blocked;
  }

  /** Resolves when the transport takes bytes again (or the session ends). */
  untilDrained(): Promise<void> {
    if (!this.blocked || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** The session ended: nothing more is written and nobody waits for a drain. */
  close(): void {
    this.closed = true;
    for (const w of this.drainWaiters.splice(0)) w();
  }

  /** Frames and writes one message; `framed` overrides the framing (the hello). */
  send(xml: string, framed = frameMessage(xml, this.mode)): void {
    if (this.closed) return;
    this.events.onMessage?.(xml, this.mode);
    this.write(framed);
  }

  /** Writes a message the way a directive says. */
  async deliver(xml: string, delivery: Delivery, whenEnded: () => Promise<void>): Promise<void> {
    if (this.closed) return;
    switch (delivery.kind) {
      case 'normal':
        this.send(xml);
        return;
      case 'hang':
        await whenEnded();
        return;
      case 'drop': {
        if (delivery.at !== 'before-reply') {
          this.events.onMessage?.(xml, this.mode);
          const framed = frameMessage(xml, this.mode);
          const cut = delivery.at === 'mid-reply' ? Math.floor(framed.length / 2) : this.midFrameOffset(xml, framed);
          this.write(framed.subarray(0, cut));
        }
        if (this.transport.drop) this.transport.drop();
        else this.transport.end();
        this.events.onDropped?.();
        return;
      }
      case 'drip': {
        this.events.onMessage?.(xml, this.mode);
        const framed = frameMessage(xml, this.mode);
        for (let off = 0; off < framed.length && !this.closed; off += delivery.bytes) {
          if (off > 0) await delivery.pause();
          if (this.closed) return;
          this.write(framed.subarray(off, Math.min(off + delivery.bytes, framed.length)));
          await this.untilDrained();
        }
        return;
      }
    }
  }

  private write(bytes: Buffer): void {
    this.bytesOut += bytes.length;
    if (this.transport.write(bytes) !== false || this.blocked || !this.transport.onceDrained) return;
    this.blocked = true;
    this.events.onBlocked?.(true);
    this.transport.onceDrained(() => {
      this.blocked = false;
      for (const w of this.drainWaiters.splice(0)) w();
      this.events.onBlocked?.(false);
    });
  }

  /** Inside the first chunk's data (chunked), or inside the `]]>]]>` end marker (base:1.0). */
  private midFrameOffset(xml: string, framed: Buffer): number {
    if (this.mode === 'eom') return framed.length - 5;
    const data = Buffer.byteLength(xml, 'utf8');
    const header = framed.indexOf(0x0a, 1) + 1;
    return header + Math.max(1, Math.floor(Math.min(data, framed.length - header) / 2));
  }
}
