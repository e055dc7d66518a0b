import { databaseLockedBy, notLockHolder } from '../errors/catalogue.js';

export type Datastore = 'running' | 'candidate' | 'startup';

interface Holder {
  sessionId: number;
  user: string;
  since: Date;
}

function junosTime(d: Date): string {
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** Datastore locks of one device; a session's locks go when the session goes. */
export class DatastoreLocks {
  private readonly held = new Map<Datastore, Holder>();

  lock(target: Datastore, sessionId: number, user: string): void {
    const h = this.held.get(target);
    if (h) {
      throw databaseLockedBy(h.user, h.sessionId, junosTime(h.since));
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
