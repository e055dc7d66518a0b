import { ByteQueue } from './byte-queue.js';

export type FramingMode = 'eom' | 'chunked';

export const EOM = ']]>]]>';
const EOM_BYTES = Buffer.from(EOM);
const NL = 0x0a;
const HASH = 0x23;
/** RFC 6242: chunk-size is at most 4294967295, i.e. ten digits. */
const MAX_CHUNK_DIGITS = 10;

export class FramingError extends Error {}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export interface DecoderOptions {
  /** Largest message accepted, in bytes; enforced while reading, before parsing. */
  maxMessageBytes: number;
  onMessage: (xml: string) => void;
  onError: (err: FramingError) => void;
}

/**
 * Splits the byte stream of one NETCONF session into messages, in either
 * base:1.0 end-of-message framing or base:1.1 chunked framing (RFC 6242).
 *
 * The mode may change between two messages: `onMessage` runs synchronously,
 * so a session that switches to chunked framing after the hello has the
 * bytes that follow the hello decoded in the new mode.
 */
export class NetconfDecoder {
  mode: FramingMode = 'eom';
  private readonly q = new ByteQueue();
  private readonly opts: DecoderOptions;
  /** Bytes already searched for `]]>]]>` in end-of-message mode. */
  private eomScanned = 0;
  /** Chunked-mode state for a message being assembled. */
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private failed = false;
  /** Before the first message, a chunk-framed hello is tolerated (ncclient #524). */
  private sawFirstMessage = false;

  constructor(opts: DecoderOptions) {
    this.opts = opts;
  }

  push(data: Buffer): void {
    if (this.failed) return;
    if (this.q.length === 0 && this.sawFirstMessage) {
      if (this.mode === 'eom') data = this.takeWholeMessages(data);
      else if (this.parts.length === 0) data = this.takeWholeChunkedMessages(data);
    }
    if (data.length === 0 || this.failed) return;
    this.q.push(data);
    try {
      this.drain();
    } catch (err) {
      this.failed = true;
      this.opts.onError(err instanceof FramingError ? err : new FramingError(String(err)));
    }
  }

  /**
   * Lock-step clients send one whole message per packet: decode those straight
   * from the packet, and return what is left over for the queue.
   */
  private takeWholeMessages(data: Buffer): Buffer {
    let off = 0;
    while (this.mode === 'eom' && !this.failed) {
      // White space between messages (the newline after `]]>]]>`) belongs to
      // neither, wherever the packets were cut.
      while (off < data.length && isSpace(data[off]!)) off++;
      const at = data.indexOf(EOM_BYTES, off);
      if (at < 0) break;
      if (at - off > this.opts.maxMessageBytes) {
        this.failed = true;
        this.opts.onError(new FramingError(`message exceeds ${this.opts.maxMessageBytes} bytes`));
        return data.subarray(0, 0);
      }
      const msg = data.toString('utf8', off, at);
      off = at + EOM_BYTES.length;
      this.deliver(msg);
    }
    return off === 0 ? data : data.subarray(off);
  }

  /**
   * The same for base:1.1: a message of one chunk that came whole in the
   * packet (`\n#N\n`, N bytes, `\n##\n`) is decoded straight from it, with
   * no copy into the queue. Anything else (several chunks, a cut, a framing
   * error) is left, from that message on, to readChunked.
   */
  private takeWholeChunkedMessages(data: Buffer): Buffer {
    let off = 0;
    while (this.mode === 'chunked' && !this.failed) {
      let i = off;
      // readChunked's rule for white space between messages.
      while (i < data.length && (data[i] === 0x20 || data[i] === 0x0d || data[i] === 0x09 || (data[i] === NL && data[i + 1] !== HASH && i + 1 < data.length))) i++;
      if (data[i] !== NL || data[i + 1] !== HASH) break;
      i += 2;
      let size = 0;
      let digits = 0;
      for (; i < data.length && data[i]! >= 0x30 && data[i]! <= 0x39 && digits < MAX_CHUNK_DIGITS; i++, digits++) size = size * 10 + (data[i]! - 0x30);
      if (digits === 0 || data[i - digits] === 0x30 || data[i] !== NL || size > this.opts.maxMessageBytes) break;
      const start = i + 1;
      const end = start + size;
      if (end + 4 > data.length || data[end] !== NL || data[end + 1] !== HASH || data[end + 2] !== HASH || data[end + 3] !== NL) break;
      off = end + 4;
      this.deliver(data.toString('utf8', start, end));
    }
    return off === 0 ? data : data.subarray(off);
  }

  /**
   * Clients end `]]>]]>` with a newline; dropping whitespace between messages
   * lets the queue release its buffer instead of holding one byte per session.
   */
  private skipInterMessageSpace(): void {
    let n = 0;
    while (n < this.q.length && isSpace(this.q.byteAt(n))) n++;
    if (n > 0) this.q.consume(n);
  }

  private drain(): void {
    for (;;) {
      if (this.failed) return;
      // A chunk-framed first message stays chunked once a chunk of it is read: what follows is `\n#` or `\n##\n`.
      const useChunked = this.mode === 'chunked' || (!this.sawFirstMessage && (this.parts.length > 0 || this.looksChunked()));
      const progressed = useChunked ? this.readChunked() : this.readEom();
      if (!progressed) return;
    }
  }

  /** A message that opens with `\n#<digit>` is chunk-framed, whatever mode we are in. */
  private looksChunked(): boolean {
    const v = this.q.view();
    let i = 0;
    while (i < v.length && (v[i] === 0x20 || v[i] === 0x0d || v[i] === 0x09)) i++;
    return v.length >= i + 3 && v[i] === NL && v[i + 1] === HASH && v[i + 2]! >= 0x31 && v[i + 2]! <= 0x39;
  }

  private readEom(): boolean {
    const from = Math.max(0, this.eomScanned - (EOM_BYTES.length - 1));
    const at = this.q.indexOf(EOM_BYTES, from);
    if (at < 0) {
      this.eomScanned = this.q.length;
      if (this.q.length > this.opts.maxMessageBytes + EOM_BYTES.length) {
        throw new FramingError(`message exceeds ${this.opts.maxMessageBytes} bytes`);
      }
      return false;
    }
    if (at > this.opts.maxMessageBytes) throw new FramingError(`message exceeds ${this.opts.maxMessageBytes} bytes`);
    const msg = this.q.take(at);
    this.q.consume(EOM_BYTES.length);
    this.eomScanned = 0;
    this.deliver(msg.toString('utf8'));
    // After a hello that switched to chunked framing, a newline is framing.
    if (this.mode === 'eom') this.skipInterMessageSpace();
    return true;
  }

  /**
   * Reads as many chunks as are complete. Returns true when it consumed
   * anything, so the caller loops.
   */
  private readChunked(): boolean {
    let progressed = false;
    for (;;) {
      const v = this.q.view();
      // Whitespace between messages (e.g. a newline after `]]>]]>` of a hello) is not framing.
      let skip = 0;
      if (this.parts.length === 0) {
        while (skip < v.length && (v[skip] === 0x20 || v[skip] === 0x0d || v[skip] === 0x09 || (v[skip] === NL && v[skip + 1] !== HASH && skip + 1 < v.length))) skip++;
      }
      if (v.length - skip < 3) {
        if (skip > 0) this.q.consume(skip);
        return progressed || skip > 0;
      }
      if (v[skip] !== NL || v[skip + 1] !== HASH) throw new FramingError('bad chunk header: expected LF #');
      if (v[skip + 2] === HASH) {
        // End of chunks: "\n##\n"
        if (v.length - skip < 4) return progressed;
        if (v[skip + 3] !== NL) throw new FramingError('bad end-of-chunks marker');
        if (this.parts.length === 0) throw new FramingError('end-of-chunks with no chunk');
        this.q.consume(skip + 4);
        const msg = Buffer.concat(this.parts, this.partsBytes);
        this.parts = [];
        this.partsBytes = 0;
        this.deliver(msg.toString('utf8'));
        return true;
      }
      let i = skip + 2;
      let size = 0;
      let digits = 0;
      while (i < v.length && v[i] !== NL) {
        const c = v[i]!;
        if (c < 0x30 || c > 0x39 || (digits === 0 && c === 0x30)) throw new FramingError('bad chunk size');
        size = size * 10 + (c - 0x30);
        digits++;
        if (digits > MAX_CHUNK_DIGITS || size > 4294967295) throw new FramingError('chunk size too large');
        i++;
      }
      if (i >= v.length) return progressed; // header not complete yet
      if (digits === 0) throw new FramingError('empty chunk size');
      if (this.partsBytes + size > this.opts.maxMessageBytes) {
        throw new FramingError(`message exceeds ${this.opts.maxMessageBytes} bytes`);
      }
      const headerLen = i + 1;
      if (v.length < headerLen + size) return progressed; // wait for the chunk body
      this.q.consume(headerLen);
      const body = this.q.take(size);
      this.parts.push(body);
      this.partsBytes += size;
      progressed = true;
    }
  }

  private deliver(xml: string): void {
    this.sawFirstMessage = true;
    this.opts.onMessage(xml);
  }
}
