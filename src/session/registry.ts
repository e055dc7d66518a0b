/** What the rest of a device sees of one live NETCONF session. */
export interface SessionHandle {
  readonly id: number;
  readonly user: string;
  readonly userClass: string;
  readonly routingEngine: string;
  readonly remoteAddress: string;
  readonly startedAt: Date;
  /** Ends the session from outside (kill-session, a device stop, a control API call). */
  terminate(reason: string): void;
}

/**
 * The live sessions of one device, and its session-id space. Junos uses the
 * PID of the per-session process as session-id, so ids are 4-5 digit numbers
 * that differ per session rather than a counter from 1.
 */
export class SessionRegistry {
  private readonly live = new Map<number, SessionHandle>();
  private readonly random: () => number;

  constructor(random: () => number = Math.random) {
    this.random = random;
  }

  allocateId(): number {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const id = 1000 + Math.floor(this.random() * 64000);
      if (!this.live.has(id)) return id;
    }
    throw new Error('no free session-id');
  }

  add(handle: SessionHandle): void {
    this.live.set(handle.id, handle);
  }

  remove(id: number): void {
    this.live.delete(id);
  }

  get(id: number): SessionHandle | undefined {
    return this.live.get(id);
  }

  list(): SessionHandle[] {
    return [...this.live.values()];
  }

  get size(): number {
    return this.live.size;
  }

  terminateAll(reason: string): void {
    for (const s of [...this.live.values()]) s.terminate(reason);
  }
}
