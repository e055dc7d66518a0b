/**
 * The keyboard side of a CLI session: bytes queue up as keys until a reader
 * (the line editor, the pager, a question) asks for them, so typeahead sent
 * while a command runs is read afterwards, as on a tty. A ^C that arrives
 * while a command runs interrupts the wait for it and flushes the typeahead.
 */
import { KeyQueue, type Key } from './keys.js';
import type { LineEditor, LineResult } from './line-editor.js';

/** The session ended while something waited for input or output. */
export class SessionEnded extends Error {
  constructor() {
    super('session ended');
  }
}

const INTERRUPTED = Symbol('interrupted');

/** Stops the channel's input while too much typeahead waits (the SSH window then closes on the client). */
export interface InputFlow {
  /** Characters of typeahead at which reading stops; it starts again at half. */
  readonly highWater: number;
  pause(): void;
  resume(): void;
}

export class TerminalInput {
  private readonly keys = new KeyQueue();
  private reader: ((k: Key) => void) | undefined;
  private onInterrupt: (() => void) | undefined;
  private aborts = new Set<(e: Error) => void>();
  private closed = false;
  private paused = false;

  constructor(private readonly flow?: InputFlow) {}

  receive(data: Buffer | string): void {
    if (this.closed) return;
    const text = this.keys.push(data);
    if (this.flow && !this.paused && this.keys.size > this.flow.highWater) {
      this.paused = true;
      this.flow.pause();
    }
    // Only the new bytes are searched: a flood of typeahead costs its length once.
    if (!this.reader && this.onInterrupt && text.includes('\x03')) {
      this.keys.flushThroughInterrupt();
      const f = this.onInterrupt;
      this.onInterrupt = undefined;
      f();
    }
    this.pump();
  }

  /** The client sent EOF: readers get `end` once the typeahead is read. */
  end(): void {
    this.keys.end();
    this.pump();
  }

  private pump(): void {
    while (this.reader) {
      const k = this.keys.next();
      if (!k) break;
      this.reader(k);
    }
    if (this.flow && this.paused && this.keys.size <= this.flow.highWater / 2) {
      this.paused = false;
      this.flow.resume();
    }
  }

  private wait<T>(arm: (resolve: (v: T) => void) => void): Promise<T> {
    if (this.closed) return Promise.reject(new SessionEnded());
    return new Promise<T>((resolve, reject) => {
      const abort = (e: Error): void => reject(e);
      this.aborts.add(abort);
      arm((v) => {
        this.aborts.delete(abort);
        resolve(v);
      });
    });
  }

  readKey(): Promise<Key> {
    return this.wait<Key>((resolve) => {
      this.reader = (k) => {
        this.reader = undefined;
        resolve(k);
      };
      this.pump();
    });
  }

  readLine(editor: LineEditor): Promise<LineResult> {
    return this.wait<LineResult>((resolve) => {
      this.reader = (k) => {
        const r = editor.key(k);
        if (!r) return;
        this.reader = undefined;
        resolve(r);
      };
      this.pump();
    });
  }

  /** Waits for `work`, or resolves `undefined` early when the user types ^C. */
  async interruptible<T>(work: Promise<T>): Promise<T | undefined> {
    if (this.closed) throw new SessionEnded();
    let forget = (): void => undefined;
    const stop = new Promise<typeof INTERRUPTED>((resolve, reject) => {
      const abort = (e: Error): void => reject(e);
      this.aborts.add(abort);
      forget = () => this.aborts.delete(abort);
      this.onInterrupt = () => resolve(INTERRUPTED);
      if (this.keys.hasInterrupt()) {
        this.keys.flushThroughInterrupt();
        resolve(INTERRUPTED);
      }
    });
    stop.catch(() => undefined);
    try {
      const r = await Promise.race([work, stop]);
      return r === INTERRUPTED ? undefined : (r as T);
    } finally {
      this.onInterrupt = undefined;
      forget();
    }
  }

  /** Waits for `p`, or rejects with SessionEnded if the session ends first. */
  async until<T>(p: Promise<T>): Promise<T> {
    if (this.closed) throw new SessionEnded();
    let abort = (_e: Error): void => undefined;
    const ended = new Promise<never>((_resolve, reject) => {
      abort = reject;
      this.aborts.add(abort);
    });
    try {
      return await Promise.race([p, ended]);
    } finally {
      this.aborts.delete(abort);
    }
  }

  /** Resolves never; rejects when the session ends (a hung reply). */
  forever(): Promise<never> {
    return this.wait<never>(() => undefined);
  }

  close(): void {
    this.closed = true;
    this.reader = undefined;
    this.onInterrupt = undefined;
    for (const a of this.aborts) a(new SessionEnded());
    this.aborts.clear();
  }
}
