/**
 * Which blobs a device's files still need. A file over INLINE_BYTES names
 * its contents by blob id (blob-store.ts); this keeps such blobs alive while
 * a write is putting them (pinned: the id is named by no entry yet) and
 * removes one only after a state that no longer names it is durable, so a
 * crash never leaves a saved state naming a missing blob.
 */
import type { DeviceModel } from '../engine/model.js';
import type { FileTable } from '../engine/state.js';
import { blobId, type BlobStore } from './blob-store.js';

export class BlobReferences {
  /** Blob ids put but not yet named by an entry: never removed meanwhile. */
  private readonly pinned = new Map<string, number>();

  constructor(
    private readonly model: DeviceModel,
    private readonly blobs: BlobStore,
    /** Resolves once the state is durable; blobs no saved state names are removed after it. */
    private readonly persist: () => Promise<void>,
  ) {}

  /** The bytes of a blob a file names. */
  get(id: string): Promise<Buffer> {
    return this.blobs.get(id);
  }

  /** Puts the bytes in the blob store, pinned until `unpin(id)`; resolves with their id once durable. */
  async pinnedPut(data: Buffer): Promise<string> {
    // The id is known before the put resolves; pin it at once.
    const id = blobId(data);
    this.pinned.set(id, (this.pinned.get(id) ?? 0) + 1);
    try {
      await this.blobs.put(data);
    } catch (e) {
      this.unpin(id);
      throw e;
    }
    return id;
  }

  unpin(id: string): void {
    const n = (this.pinned.get(id) ?? 1) - 1;
    if (n <= 0) this.pinned.delete(id);
    else this.pinned.set(id, n);
  }

  /** Every blob id some file of the device names. */
  referenced(): Set<string> {
    const ids = new Set<string>(this.pinned.keys());
    const add = (t: FileTable | undefined): void => {
      for (const e of Object.values(t ?? {})) if (e.blob) ids.add(e.blob);
    };
    for (const re of this.model.routingEngines()) {
      for (const m of re.media) for (const p of m.partitions ?? []) add(p.files);
      for (const p of re.memoryDisks ?? []) add(p.files);
    }
    return ids;
  }

  /** Blobs no file names any more go once the state without them is on disk. */
  release(ids: readonly string[]): void {
    if (ids.length === 0) return;
    void this.persist().then(
      () => Promise.all(ids.map((id) => this.blobs.remove(id, () => !this.referenced().has(id)))),
      () => undefined,
    ).catch(() => undefined);
  }
}
