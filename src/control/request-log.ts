/**
 * Every NETCONF message in and out of every session, with the faults that
 * fired and session events, for assertions in tests. A bounded ring: a
 * long-running emulator forgets the oldest entries, never grows without end.
 */

/** `in`/`out`: NETCONF messages; `cli-in`/`cli-out`: CLI command lines and what they printed. */
export type LogDirection = 'in' | 'out' | 'cli-in' | 'cli-out' | 'fault' | 'event';

export interface LogEntry {
  /** Increasing from 1; `since` filters on it. */
  readonly seq: number;
  /** Wall-clock time, ISO 8601. */
  readonly time: string;
  /** Virtual-clock time, ISO 8601. */
  readonly virtualTime: string;
  readonly device: string;
  /** NETCONF session-id; null for what happens before a session exists (a refused login). */
  readonly session: number | null;
  readonly user?: string;
  readonly direction: LogDirection;
  /** Framing of the message on the wire: `eom` (]]>]]>) or `chunked` (RFC 6242). */
  readonly framing?: 'eom' | 'chunked';
  /** Operation name of an rpc, or the root element of a reply/hello. */
  readonly rpc?: string;
  readonly messageId?: string;
  readonly xml?: string;
  /** A CLI line typed, or the text a CLI command printed. */
  readonly text?: string;
  readonly fault?: { readonly id: string; readonly action: string; readonly detail?: string };
  readonly event?: string;
}

export interface LogFilter {
  device?: string;
  session?: number;
  direction?: LogDirection;
  rpc?: string;
  /** Entries with seq greater than this. */
  since?: number;
  /** Substring of the message text. */
  contains?: string;
  /** At most this many, the newest. */
  limit?: number;
}

export type NewLogEntry = Omit<LogEntry, 'seq' | 'time' | 'virtualTime'>;

const RPC_NAME = /<(?:[\w.-]+:)?rpc(?=[\s>\/])[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?([\w.-]+)/;
const ROOT_NAME = /^\s*(?:<\?[\s\S]*?\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?([\w.-]+)/;
const MESSAGE_ID = /<(?:[\w.-]+:)?rpc(?:-reply)?(?=[\s>\/])[^>]*\bmessage-id\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** The operation an rpc asks for (`get-config`), or the root element name of anything else. */
export function messageName(xml: string): string | undefined {
  return RPC_NAME.exec(xml)?.[1] ?? ROOT_NAME.exec(xml)?.[1];
}

export function messageIdOf(xml: string): string | undefined {
  const m = MESSAGE_ID.exec(xml);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * What the log keeps per entry: times as numbers and names not yet picked
 * out of the message. Formatting waits until someone reads the entry, since
 * most entries of a long run are never read.
 */
interface Stored {
  readonly seq: number;
  readonly timeMs: number;
  readonly virtualMs: number;
  readonly entry: NewLogEntry;
  /** The rpc name and message-id still have to be read out of `entry.xml`. */
  readonly named: boolean;
  formatted?: LogEntry;
}

function sizeOf(s: Stored): number {
  return 200 + ((s.entry.xml?.length ?? 0) + (s.entry.text?.length ?? 0)) * 2;
}

function materialise(s: Stored): LogEntry {
  if (!s.formatted) {
    let e = s.entry;
    if (!s.named && e.xml !== undefined) e = { ...e, rpc: messageName(e.xml), messageId: messageIdOf(e.xml) };
    s.formatted = { seq: s.seq, time: new Date(s.timeMs).toISOString(), virtualTime: new Date(s.virtualMs).toISOString(), ...e };
  }
  return s.formatted;
}

export class RequestLog {
  /** A queue: live entries are `entries[head..]`; the dead prefix is compacted away now and then. */
  private entries: Stored[] = [];
  private head = 0;
  private bytes = 0;
  private nextSeq = 1;
  private readonly capacity: number;
  private readonly maxBytes: number;
  private readonly virtualNow: () => number;
  private readonly listeners = new Set<(e: LogEntry) => void>();

  constructor(o: { capacity?: number; maxBytes?: number; virtualNow: () => number }) {
    this.capacity = o.capacity ?? 20_000;
    this.maxBytes = o.maxBytes ?? 64 * 1024 * 1024;
    this.virtualNow = o.virtualNow;
  }

  add(e: NewLogEntry): void {
    this.store(e, true);
  }

  /** A message in or out; its rpc name and message-id are read from it when the entry is read. */
  message(device: string, session: number, user: string, direction: 'in' | 'out', xml: string, framing: 'eom' | 'chunked'): void {
    this.store({ device, session, user, direction, framing, xml }, false);
  }

  /** A CLI command line (`cli-in`, with the RPC it ran, if any) or its output (`cli-out`). */
  cli(device: string, session: number, user: string, direction: 'cli-in' | 'cli-out', text: string, rpc?: string): void {
    this.store({ device, session, user, direction, text, ...(rpc !== undefined ? { rpc } : {}) }, true);
  }

  /** Amortised O(1): it runs for every message of every session. */
  private store(entry: NewLogEntry, named: boolean): void {
    const s: Stored = { seq: this.nextSeq++, timeMs: Date.now(), virtualMs: this.virtualNow(), entry, named };
    this.entries.push(s);
    this.bytes += sizeOf(s);
    while (this.entries.length - this.head > 1 && (this.entries.length - this.head > this.capacity || this.bytes > this.maxBytes)) {
      this.bytes -= sizeOf(this.entries[this.head]!);
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    if (this.listeners.size > 0) {
      const formatted = materialise(s);
      for (const l of this.listeners) l(formatted);
    }
  }

  query(f: LogFilter = {}): LogEntry[] {
    let out = this.entries.slice(this.head).map(materialise).filter(
      (e) =>
        (f.device === undefined || e.device === f.device) &&
        (f.session === undefined || e.session === f.session) &&
        (f.direction === undefined || e.direction === f.direction) &&
        (f.rpc === undefined || e.rpc === f.rpc) &&
        (f.since === undefined || e.seq > f.since) &&
        (f.contains === undefined || (e.xml ?? e.text ?? e.fault?.detail ?? e.event ?? '').includes(f.contains)),
    );
    if (f.limit !== undefined && out.length > f.limit) out = out.slice(out.length - f.limit);
    return out;
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
  }

  /** Sees each new entry (transcripts, tests that wait for a fault). */
  subscribe(listener: (e: LogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
