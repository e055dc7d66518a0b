/**
 * When a device's state reaches the disk. Every change is counted; a caller
 * that must not answer before its change is durable calls `flush()` and waits
 * for a write that started after the change. Writes never overlap: while one
 * is in flight, every later request shares a single pending write that starts
 * when it ends, so a burst of commits costs two writes, not one per commit.
 */

/** Starts a write of the current state (serialised during the call); resolves once durable. */
export type WriteState = () => Promise<void>;

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(e: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class SaveQueue {
  /** Changes counted so far. */
  private changed = 0;
  /** The count the last successful write covered. */
  private saved = 0;
  private inFlight: { covers: number; done: Promise<void> } | undefined;
  private pending: Deferred | undefined;
  private backgroundScheduled = false;

  /**
   * `onBackgroundError` hears failures of writes nobody waits for (a change
   * outside any request, such as a confirmed commit rolling back on its own).
   */
  constructor(
    private readonly write: WriteState,
    private readonly onBackgroundError: (err: unknown) => void,
  ) {}

  get changes(): number {
    return this.changed;
  }

  /** True while some change is not known to be on disk. */
  get dirty(): boolean {
    return this.saved < this.changed;
  }

  /**
   * Counts a change and makes sure it is written soon even if nobody asks
   * (a change made by a timer has no reply to hold back).
   */
  markChanged(): void {
    this.changed++;
    if (this.backgroundScheduled) return;
    this.backgroundScheduled = true;
    queueMicrotask(() => {
      this.backgroundScheduled = false;
      this.flush()?.catch(this.onBackgroundError);
    });
  }

  /**
   * Undefined when every change counted so far is on disk; else a promise
   * that resolves once a write that began after the latest change completed,
   * or rejects with that write's error. A failed write leaves the state
   * dirty, so the next flush tries again.
   */
  flush(): Promise<void> | undefined {
    const target = this.changed;
    if (this.saved >= target) return undefined;
    if (this.inFlight) {
      if (this.inFlight.covers >= target) return this.inFlight.done;
      this.pending ??= deferred();
      return this.pending.promise;
    }
    return this.start();
  }

  private start(): Promise<void> {
    const covers = this.changed;
    let written: Promise<void>;
    try {
      written = this.write();
    } catch (e) {
      written = Promise.reject(e);
    }
    const done = written.then(() => {
      if (covers > this.saved) this.saved = covers;
    });
    this.inFlight = { covers, done };
    const next = (): void => this.finished();
    done.then(next, next);
    return done;
  }

  private finished(): void {
    this.inFlight = undefined;
    const waiting = this.pending;
    this.pending = undefined;
    if (!waiting) return;
    if (this.saved >= this.changed) {
      waiting.resolve();
      return;
    }
    this.start().then(waiting.resolve, waiting.reject);
  }
}
