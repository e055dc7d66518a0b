/**
 * The `commit confirmed` of a configuration store: the configuration to go
 * back to, who committed, and the deadline. When the deadline passes
 * without a confirming commit, the store is told to roll back; the virtual
 * clock wakes it, or, on an instant clock, the next use of the store does
 * (`expireIfDue`). Re-arming or clearing voids the timer armed before.
 */
import { ClockShutdownError, type VirtualClock } from '../engine/index.js';
import type { ConfigNode } from './tree.js';

export interface ConfirmState {
  readonly deadline: number;
  readonly user: string;
}

/** A pending confirm as the saved state holds it. */
export interface PendingConfirmJson {
  deadline: number;
  previous: ConfigNode;
  user: string;
}

export class PendingConfirm {
  private confirm: { gen: number; deadline: number; previous: ConfigNode; user: string } | undefined;
  private gen = 0;

  constructor(
    private readonly clock: VirtualClock,
    /** The confirmed commit was not confirmed in time: `previous` is to be committed again. */
    private readonly rollBack: (previous: ConfigNode) => void,
  ) {}

  /** The configuration a pending confirm goes back to; undefined when none is pending. */
  get previous(): ConfigNode | undefined {
    return this.confirm?.previous;
  }

  toJSON(): PendingConfirmJson | undefined {
    const c = this.confirm;
    return c ? { deadline: c.deadline, previous: c.previous, user: c.user } : undefined;
  }

  /** The pending confirm, after a deadline that has passed rolled it back. */
  state(): ConfirmState | undefined {
    this.expireIfDue();
    return this.confirm ? { deadline: this.confirm.deadline, user: this.confirm.user } : undefined;
  }

  /** Nothing is pending any more (confirmed by a commit, or the store was reset). */
  clear(): void {
    this.confirm = undefined;
    this.gen++;
  }

  arm(deadline: number, previous: ConfigNode, user: string): void {
    const gen = ++this.gen;
    this.confirm = { gen, deadline, previous, user };
    // An instant clock would fire the timer at once, so there the deadline is
    // checked whenever the configuration is next used; otherwise the clock wakes us.
    if (this.clock.speed === 'instant' && !this.clock.paused) return;
    this.clock.sleepUntil(deadline).then(
      () => this.expire(gen),
      (e: unknown) => {
        if (!(e instanceof ClockShutdownError)) throw e;
      },
    );
  }

  expireIfDue(): void {
    if (this.confirm && this.clock.now() >= this.confirm.deadline) this.expire(this.confirm.gen);
  }

  private expire(gen: number): void {
    const c = this.confirm;
    if (!c || c.gen !== gen) return;
    this.confirm = undefined;
    this.rollBack(c.previous);
  }
}
