/**
 * Where file contents live: content-addressed by sha-256, so the device
 * state (one JSON document) names a file's contents by hash and never holds
 * large bytes itself. Without a state folder blobs stay in memory; with one
 * each blob is `<device folder>/blobs/<sha256>`, written to a temp file,
 * fsynced, renamed and the folder fsynced before `put` resolves, so a state
 * document that names a blob is only ever written after the blob is durable.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';

export interface BlobStore {
  /** Stores bytes; resolves with their id (sha-256 hex) once they are durable. */
  put(data: Buffer): Promise<string>;
  /** The bytes of a blob; rejects when it is missing. */
  get(id: string): Promise<Buffer>;
  /** Removes blobs not in `keep` (ids every saved state still names); at start, before any put. */
  collect(keep: ReadonlySet<string>): Promise<number>;
  /**
   * Removes one blob if `unused()` still says so once no put of the same
   * bytes is under way (puts and removes of one id never interleave).
   */
  remove(id: string, unused: () => boolean): Promise<void>;
}

export function blobId(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();

  put(data: Buffer): Promise<string> {
    const id = blobId(data);
    if (!this.blobs.has(id)) this.blobs.set(id, Buffer.from(data));
    return Promise.resolve(id);
  }

  get(id: string): Promise<Buffer> {
    const b = this.blobs.get(id);
    return b ? Promise.resolve(b) : Promise.reject(new Error(`blob ${id} is missing`));
  }

  collect(keep: ReadonlySet<string>): Promise<number> {
    let n = 0;
    for (const id of [...this.blobs.keys()]) {
      if (!keep.has(id)) {
        this.blobs.delete(id);
        n++;
      }
    }
    return Promise.resolve(n);
  }

  remove(id: string, unused: () => boolean): Promise<void> {
    if (unused()) this.blobs.delete(id);
    return Promise.resolve();
  }
}

const ID = /^[0-9a-f]{64}$/;

export class DiskBlobStore implements BlobStore {
  readonly dir: string;
  private seq = 0;
  /** The last operation on each id: puts and removes of one id run one after another. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(deviceDir: string) {
    this.dir = join(deviceDir, 'blobs');
  }

  private locked<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(id) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    this.locks.set(id, next);
    const forget = (): void => {
      if (this.locks.get(id) === next) this.locks.delete(id);
    };
    next.then(forget, forget);
    return next;
  }

  put(data: Buffer): Promise<string> {
    const id = blobId(data);
    const file = join(this.dir, id);
    return this.locked(id, async () => {
      const exists = await fs.stat(file).then(
        (st) => st.size === data.length,
        () => false,
      );
      if (!exists) await this.write(file, data);
      return id;
    });
  }

  remove(id: string, unused: () => boolean): Promise<void> {
    if (!ID.test(id)) return Promise.resolve();
    return this.locked(id, async () => {
      if (unused()) await fs.rm(join(this.dir, id), { force: true });
    });
  }

  get(id: string): Promise<Buffer> {
    if (!ID.test(id)) return Promise.reject(new Error(`bad blob id ${id}`));
    return fs.readFile(join(this.dir, id));
  }

  async collect(keep: ReadonlySet<string>): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return 0;
    }
    let n = 0;
    for (const name of names) {
      // Temp files of a write a kill interrupted, and blobs no state names.
      if ((ID.test(name) && !keep.has(name) && !this.locks.has(name)) || name.endsWith('.tmp')) {
        await fs.rm(join(this.dir, name), { force: true });
        n++;
      }
    }
    return n;
  }

  private async write(file: string, data: Buffer): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${++this.seq}.tmp`;
    try {
      const fh = await fs.open(tmp, 'w', 0o644);
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
    const dh = await fs.open(this.dir, 'r');
    try {
      await dh.sync().catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EINVAL' && e.code !== 'EISDIR') throw e;
      });
    } finally {
      await dh.close();
    }
  }
}
