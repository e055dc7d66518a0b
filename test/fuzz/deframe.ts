/**
 * The fuzz oracle's own view of NETCONF framing, written apart from
 * src/framing so that the code under test is not its own judge.
 *
 * `deframeInput` says which messages the server must see in a byte stream a
 * client sends: it follows RFC 6242 plus the tolerances docs/design-notes.md
 * documents (whitespace between messages, a chunk-framed hello). It works on
 * the whole stream at once: where the stream is split into writes must not
 * change what the server sees.
 *
 * `OutputDecoder` reads what the server sends, strictly.
 */

export const EOM = Buffer.from(']]>]]>');
const LF = 0x0a;
const HASH = 0x23;
const MAX_CHUNK_SIZE = 4294967295;

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export type Framing = 'eom' | 'chunked';

export interface DeframedMessage {
  /** The message's bytes, as the server's XML layer gets them. */
  bytes: Buffer;
  framing: Framing;
}

export type StreamEnd =
  /** Every byte belongs to a whole message, or is whitespace between messages. */
  | { kind: 'idle' }
  /** The stream stops inside a message: the server waits for more. */
  | { kind: 'partial'; bytes: number }
  /** The framing is broken here: the server must close the session. */
  | { kind: 'framing-error'; at: number; why: string };

export interface DeframeResult {
  messages: DeframedMessage[];
  end: StreamEnd;
  /** Offset after the last whole message. */
  consumed: number;
}

export interface DeframeOptions {
  maxMessageBytes: number;
  /**
   * Called after each message with its index; returns the framing the
   * server reads the next message in (the hello decides it).
   */
  framingAfter: (index: number, message: DeframedMessage) => Framing;
  /** Framing of the first message (before the hello chooses). */
  initial: Framing;
}

class Broken extends Error {
  constructor(
    readonly at: number,
    why: string,
  ) {
    super(why);
  }
}

/**
 * Splits `data` the way the server must. Base:1.0: a message is everything up
 * to `]]>]]>`, whitespace after one is dropped. Base:1.1: RFC 6242 chunks;
 * between messages spaces, tabs, CRs and a LF not followed by `#` are
 * tolerated. Before the first message, a stream that opens with `\n#<1-9>` is
 * read chunked whatever the mode (ncclient #524).
 */
export function deframeInput(data: Buffer, o: DeframeOptions): DeframeResult {
  const messages: DeframedMessage[] = [];
  let mode: Framing = o.initial;
  let pos = 0;
  const push = (bytes: Buffer, framing: Framing): void => {
    const m = { bytes, framing };
    messages.push(m);
    mode = o.framingAfter(messages.length - 1, m);
  };
  try {
    for (;;) {
      const chunked = mode === 'chunked' || (messages.length === 0 && looksChunked(data, pos));
      if (chunked) {
        const r = readChunked(data, pos, o.maxMessageBytes);
        if (r.kind === 'skip-end') return { messages, end: r.pending > 0 ? { kind: 'partial', bytes: r.pending } : { kind: 'idle' }, consumed: pos };
        if (r.kind === 'incomplete') return { messages, end: { kind: 'partial', bytes: data.length - pos }, consumed: pos };
        pos = r.next;
        push(r.bytes, 'chunked');
      } else {
        const at = data.indexOf(EOM, pos);
        if (at < 0) {
          const rest = data.length - pos;
          if (rest > o.maxMessageBytes + EOM.length) throw new Broken(pos, `message exceeds ${o.maxMessageBytes} bytes`);
          let blank = true;
          for (let i = pos; i < data.length && blank; i++) blank = isSpace(data[i]);
          return { messages, end: blank && messages.length > 0 ? { kind: 'idle' } : rest === 0 ? { kind: 'idle' } : { kind: 'partial', bytes: rest }, consumed: pos };
        }
        if (at - pos > o.maxMessageBytes) throw new Broken(pos, `message exceeds ${o.maxMessageBytes} bytes`);
        const bytes = data.subarray(pos, at);
        pos = at + EOM.length;
        push(bytes, 'eom');
        if (mode === 'eom') while (pos < data.length && isSpace(data[pos])) pos++;
      }
    }
  } catch (err) {
    if (!(err instanceof Broken)) throw err;
    return { messages, end: { kind: 'framing-error', at: err.at, why: err.message }, consumed: pos };
  }
}

function looksChunked(v: Buffer, from: number): boolean {
  let i = from;
  while (i < v.length && (v[i] === 0x20 || v[i] === 0x0d || v[i] === 0x09)) i++;
  return v.length >= i + 3 && v[i] === LF && v[i + 1] === HASH && v[i + 2]! >= 0x31 && v[i + 2]! <= 0x39;
}

type ChunkRead =
  | { kind: 'message'; bytes: Buffer; next: number }
  /** Only tolerated whitespace left (pending: bytes the server still holds, e.g. a trailing LF). */
  | { kind: 'skip-end'; pending: number }
  | { kind: 'incomplete' };

function readChunked(v: Buffer, from: number, max: number): ChunkRead {
  let i = from;
  // Between messages: what the server's decoder skips.
  while (i < v.length && (v[i] === 0x20 || v[i] === 0x0d || v[i] === 0x09 || (v[i] === LF && i + 1 < v.length && v[i + 1] !== HASH))) i++;
  if (v.length - i < 3) return v.length === i ? { kind: 'skip-end', pending: 0 } : { kind: 'incomplete' };
  const parts: Buffer[] = [];
  let size = 0;
  for (;;) {
    if (v.length - i < 3) return { kind: 'incomplete' };
    if (v[i] !== LF || v[i + 1] !== HASH) throw new Broken(i, 'bad chunk header: expected LF #');
    if (v[i + 2] === HASH) {
      if (v.length - i < 4) return { kind: 'incomplete' };
      if (v[i + 3] !== LF) throw new Broken(i, 'bad end-of-chunks marker');
      if (parts.length === 0) throw new Broken(i, 'end-of-chunks with no chunk');
      return { kind: 'message', bytes: Buffer.concat(parts), next: i + 4 };
    }
    let j = i + 2;
    let n = 0;
    let digits = 0;
    while (j < v.length && v[j] !== LF) {
      const c = v[j]!;
      if (c < 0x30 || c > 0x39 || (digits === 0 && c === 0x30)) throw new Broken(j, 'bad chunk size');
      n = n * 10 + (c - 0x30);
      digits++;
      if (digits > 10 || n > MAX_CHUNK_SIZE) throw new Broken(j, 'chunk size too large');
      j++;
    }
    if (j >= v.length) return { kind: 'incomplete' };
    if (digits === 0) throw new Broken(j, 'empty chunk size');
    if (size + n > max) throw new Broken(i, `message exceeds ${max} bytes`);
    const body = j + 1;
    if (v.length < body + n) return { kind: 'incomplete' };
    parts.push(v.subarray(body, body + n));
    size += n;
    i = body + n;
  }
}

/** Frames one message for the wire. */
export function frame(xml: string | Buffer, framing: Framing): Buffer {
  const body = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  if (framing === 'eom') return Buffer.concat([body, EOM, Buffer.from('\n')]);
  return Buffer.concat([Buffer.from(`\n#${body.length}\n`), body, Buffer.from('\n##\n')]);
}

export class OutputFramingError extends Error {}

/**
 * Decodes the server's output strictly: base:1.0 messages end with
 * `]]>]]>` (the newlines Junos writes around it are not part of the
 * message); base:1.1 chunks with nothing between them.
 */
export class OutputDecoder {
  mode: Framing = 'eom';
  private buf: Buffer = Buffer.alloc(0);

  /** `modeAfter` sees each message before the next is read (the hello decides the framing). */
  constructor(private readonly modeAfter: (message: string) => Framing) {}

  /** Returns the whole messages the new bytes complete. Throws OutputFramingError. */
  push(data: Buffer): string[] {
    this.buf = this.buf.length === 0 ? data : Buffer.concat([this.buf, data]);
    const out: string[] = [];
    for (;;) {
      const m = this.mode === 'eom' ? this.readEom() : this.readChunked();
      if (m === undefined) return out;
      out.push(m);
      this.mode = this.modeAfter(m);
    }
  }

  get pendingBytes(): number {
    return this.buf.length;
  }

  /** What is buffered and not yet a whole message. */
  peek(): string {
    return this.buf.toString('utf8');
  }

  private readEom(): string | undefined {
    const at = this.buf.indexOf(EOM);
    if (at < 0) return undefined;
    const m = this.buf.toString('utf8', 0, at);
    // The LF after `]]>]]>` is left: before chunks it is theirs; before a base:1.0 message, trimmed with it.
    this.buf = this.buf.subarray(at + EOM.length);
    return m.replace(/^\n+|\n+$/g, '');
  }

  private readChunked(): string | undefined {
    const v = this.buf;
    let i = 0;
    const parts: Buffer[] = [];
    for (;;) {
      if (v.length - i < 4) return undefined;
      if (v[i] !== LF || v[i + 1] !== HASH) throw new OutputFramingError(`bad chunk header at ${i}: ${JSON.stringify(v.toString('latin1', i, i + 12))}`);
      if (v[i + 2] === HASH) {
        if (v[i + 3] !== LF) throw new OutputFramingError('bad end-of-chunks marker');
        if (parts.length === 0) throw new OutputFramingError('end-of-chunks with no chunk');
        this.buf = v.subarray(i + 4);
        return Buffer.concat(parts).toString('utf8');
      }
      const nl = v.indexOf(LF, i + 2);
      if (nl < 0) return undefined;
      const digits = v.toString('latin1', i + 2, nl);
      if (!/^[1-9][0-9]{0,9}$/.test(digits) || Number(digits) > MAX_CHUNK_SIZE) throw new OutputFramingError(`bad chunk size ${JSON.stringify(digits)}`);
      const n = Number(digits);
      if (v.length < nl + 1 + n) return undefined;
      parts.push(v.subarray(nl + 1, nl + 1 + n));
      i = nl + 1 + n;
    }
  }
}
