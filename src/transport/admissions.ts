/**
 * The connections a listener holds until they close, and how many of them
 * have not logged in yet: what `connection-limit` and `max-unauthenticated`
 * are checked against on every accept. The count is kept, not found by
 * scanning, so an accept costs the same with 5,000 sessions open.
 */

/** One connection's admission: logged in yet, and the login grace timer until then. */
export interface Admission {
  authenticated: boolean;
  /** Until login; dropped then, with what it holds. */
  grace: NodeJS.Timeout | undefined;
}

export class Admissions<H> {
  private readonly held = new Map<H, Admission>();
  private waiting = 0;

  /** Connections held. */
  get size(): number {
    return this.held.size;
  }

  /** Held connections that have not logged in. */
  get unauthenticated(): number {
    return this.waiting;
  }

  /** Holds `handle`; `expired` runs if it has not logged in within `graceMs`. */
  admit(handle: H, graceMs: number, expired: () => void): Admission {
    const grace = setTimeout(expired, graceMs);
    grace.unref();
    const a: Admission = { authenticated: false, grace };
    this.held.set(handle, a);
    this.waiting++;
    return a;
  }

  of(handle: H): Admission | undefined {
    return this.held.get(handle);
  }

  /** The connection logged in: its grace timer stops and it no longer counts as waiting. */
  loggedIn(handle: H, a: Admission): void {
    if (a.authenticated) return;
    a.authenticated = true;
    if (this.held.get(handle) === a) this.waiting--;
    clearTimeout(a.grace);
    a.grace = undefined;
  }

  /** The connection closed. */
  forget(handle: H, a: Admission): void {
    clearTimeout(a.grace);
    if (this.held.get(handle) === a) {
      this.held.delete(handle);
      if (!a.authenticated) this.waiting--;
    }
  }

  handles(): IterableIterator<H> {
    return this.held.keys();
  }

  /** Lets go of every connection (the listener stops): no timer, no count is left behind. */
  clear(): void {
    for (const a of this.held.values()) clearTimeout(a.grace);
    this.held.clear();
    this.waiting = 0;
  }
}
