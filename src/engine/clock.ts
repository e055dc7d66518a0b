/**
 * Virtual time shared by every device of a process. Snapshots "take a few
 * minutes" in virtual time; the speed factor decides how long that is for real.
 */

export type ClockSpeed = number | 'instant';

export interface ClockOptions {
  /** Virtual ms per real ms, or 'instant' (durations complete at once). Default 1000. */
  speed?: ClockSpeed;
  /** Virtual epoch ms at creation; defaults to the real time. */
  start?: number;
  paused?: boolean;
  /** Keep the process alive while sleeps are pending (default false: timers are unref'd). */
  keepAlive?: boolean;
}

export const DEFAULT_CLOCK_SPEED = 1000;
/** Fastest finite speed: a real millisecond is 11.6 virtual days. Beyond it dates overflow; use 'instant'. */
export const MAX_CLOCK_SPEED = 1e9;

export class ClockShutdownError extends Error {
  constructor() {
    super('clock shut down');
    this.name = 'ClockShutdownError';
  }
}

interface Waiter {
  readonly deadline: number;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

export class VirtualClock {
  private speedValue: ClockSpeed;
  private pausedValue: boolean;
  /** Virtual time at the last re-base, and the real time it corresponds to. */
  private baseVirtual: number;
  private baseReal: number;
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly keepAlive: boolean;
  private stopped = false;

  constructor(opts: ClockOptions = {}) {
    const speed = opts.speed ?? DEFAULT_CLOCK_SPEED;
    checkSpeed(speed);
    this.speedValue = speed;
    this.pausedValue = opts.paused ?? false;
    this.baseReal = Date.now();
    this.baseVirtual = opts.start ?? this.baseReal;
    this.keepAlive = opts.keepAlive ?? false;
  }

  get speed(): ClockSpeed {
    return this.speedValue;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  /**
   * Virtual epoch milliseconds. The clock runs at the speed factor only while
   * something waits on it, and at real pace otherwise, so dates a device
   * shows stay near the wall clock between operations.
   */
  now(): number {
    if (this.pausedValue) return this.baseVirtual;
    const factor = this.speedValue === 'instant' || this.waiters.length === 0 ? 1 : this.speedValue;
    return this.baseVirtual + (Date.now() - this.baseReal) * factor;
  }

  setSpeed(speed: ClockSpeed): void {
    checkSpeed(speed);
    this.rebase();
    this.speedValue = speed;
    if (speed === 'instant' && !this.pausedValue) {
      // Anything still waiting is due now under the new mode.
      const last = this.waiters.reduce((m, w) => Math.max(m, w.deadline), this.baseVirtual);
      this.baseVirtual = last;
    }
    this.schedule();
  }

  pause(): void {
    if (this.pausedValue) return;
    this.rebase();
    this.pausedValue = true;
    this.schedule();
  }

  resume(): void {
    if (!this.pausedValue) return;
    this.baseReal = Date.now();
    this.pausedValue = false;
    this.schedule();
  }

  /** Moves virtual time forward, completing every sleep that falls due. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`advance: invalid duration ${ms}`);
    this.rebase();
    this.baseVirtual += ms;
    this.schedule();
  }

  /** Resolves after `virtualMs` of virtual time; rejects with ClockShutdownError on shutdown. */
  sleep(virtualMs: number): Promise<void> {
    if (this.stopped) return Promise.reject(new ClockShutdownError());
    const ms = Math.max(0, virtualMs);
    if (this.speedValue === 'instant' && !this.pausedValue) {
      this.advance(ms);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      // The pace changes with the number of waiters: fix the time reached so far.
      this.rebase();
      this.waiters.push({ deadline: this.baseVirtual + ms, resolve, reject });
      this.waiters.sort((a, b) => a.deadline - b.deadline);
      this.schedule();
    });
  }

  /**
   * Resolves once virtual time reaches `deadline`. Multi-step work sleeps to
   * absolute deadlines, so a single advance past the end completes every step.
   */
  sleepUntil(deadline: number): Promise<void> {
    return this.sleep(deadline - this.now());
  }

  /** Number of pending sleeps (for tests and the control API). */
  pending(): number {
    return this.waiters.length;
  }

  /** Cancels every pending sleep; later sleeps reject at once. */
  shutdown(): void {
    this.stopped = true;
    this.rebase();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w.reject(new ClockShutdownError());
  }

  private rebase(): void {
    this.baseVirtual = this.now();
    this.baseReal = Date.now();
  }

  /** Fires due waiters and arms one real timer for the earliest remaining one. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.rebase();
    const now = this.baseVirtual;
    while (this.waiters.length > 0 && this.waiters[0]!.deadline <= now) {
      this.waiters.shift()!.resolve();
    }
    if (this.waiters.length === 0 || this.pausedValue || this.stopped) return;
    const factor = this.speedValue === 'instant' ? Infinity : this.speedValue;
    const realDelay = Math.max(0, Math.ceil((this.waiters[0]!.deadline - now) / factor));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.schedule();
    }, realDelay);
    if (!this.keepAlive) this.timer.unref();
  }
}

function checkSpeed(speed: ClockSpeed): void {
  if (speed !== 'instant' && !(typeof speed === 'number' && speed > 0 && speed <= MAX_CLOCK_SPEED)) {
    throw new RangeError(`clock speed must be a positive number or 'instant', got ${String(speed)}`);
  }
}
