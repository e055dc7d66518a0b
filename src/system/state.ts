/**
 * Run-time facts of a device that are not storage: software waiting for the
 * next boot, the release to roll back to, and when it booted. Persisted
 * beside the device model. (Unreachable REs are the `unreachable-re` setting.)
 */
export const SYSTEM_STATE_FORMAT = 1;

export interface PendingSoftware {
  readonly version: string;
  /** Package file as given to `request system software add`. */
  readonly packageName: string;
}

export interface SystemStateJson {
  format: typeof SYSTEM_STATE_FORMAT;
  pending: PendingSoftware | null;
  /** Release that ran before the last upgrade (`request system software rollback`). */
  rollbackVersion: string | null;
  bootedAt: number;
}

export class SystemState {
  pending: PendingSoftware | null = null;
  rollbackVersion: string | null = null;
  /** Virtual epoch ms of the last boot. */
  bootedAt: number;
  private readonly listeners = new Set<() => void>();

  constructor(bootedAt: number) {
    this.bootedAt = bootedAt;
  }

  static fromJSON(raw: unknown): SystemState {
    const j = raw as Partial<SystemStateJson> | null;
    if (!j || j.format !== SYSTEM_STATE_FORMAT || typeof j.bootedAt !== 'number') throw new Error('system state: unsupported or damaged file');
    const s = new SystemState(j.bootedAt);
    s.pending = j.pending ?? null;
    s.rollbackVersion = j.rollbackVersion ?? null;
    return s;
  }

  toJSON(): SystemStateJson {
    return {
      format: SYSTEM_STATE_FORMAT,
      pending: this.pending,
      rollbackVersion: this.rollbackVersion,
      bootedAt: this.bootedAt,
    };
  }

  /** A freshly booted device: nothing pending, nothing to roll back to. */
  reset(bootedAt: number): void {
    this.pending = null;
    this.rollbackVersion = null;
    this.bootedAt = bootedAt;
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }
}
