import { databaseLockedBy, notLockHolder } from '../errors/catalogue.js';
import { localtime } from '../system/junos-time.js';

export type Datastore = 'running' | 'candidate' | 'startup';

interface Holder {
  sessionId: number;
  user: string;
  since: Date;
}

/** Datastore locks of one device; a session's locks go when the session goes. */
export class DatastoreLocks {
  private readonly held = new Map<Datastore, Holder>();

  lock(target: Datastore, sessionId: number, user: string): void {
    const h = this.held.get(target);
    if (h) {
      throw databaseLockedBy(h.user, h.sessionId, localtime(h.since.getTime()));
    }
    this.held.set(target, { sessionId, user, since: new Date() });
  }

  unlock(target: Datastore, sessionId: number): void {
    const h = this.held.get(target);
    if (!h || h.sessionId !== sessionId) {
      throw notLockHolder(h?.sessionId);
    }
    this.held.delete(target);
  }

  holder(target: Datastore): number | undefined {
    return this.held.get(target)?.sessionId;
  }

  releaseAll(sessionId: number): void {
    for (const [t, h] of this.held) if (h.sessionId === sessionId) this.held.delete(t);
  }
}
