import { RpcError } from '../xml/rpc-error.js';

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
      throw new RpcError({
        type: 'protocol',
        tag: 'lock-denied',
        severity: 'error',
        message: `configuration database locked by:\n  ${h.user} terminal pts/0 (pid ${h.sessionId}) on since ${junosTime(h.since)}\n      exclusive [edit]`,
        info: [['session-id', String(h.sessionId)]],
      });
    }
    this.held.set(target, { sessionId, user, since: new Date() });
  }

  unlock(target: Datastore, sessionId: number): void {
    const h = this.held.get(target);
    if (!h || h.sessionId !== sessionId) {
      throw new RpcError({
        type: 'protocol',
        tag: 'operation-failed',
        severity: 'error',
        message: h ? `configuration database locked by another session (session-id ${h.sessionId})` : 'configuration database is not locked',
        info: h ? [['session-id', String(h.sessionId)]] : undefined,
      });
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
