/**
 * The file tree of a device: the one API every file operation goes through
 * (SCP, SFTP, the file RPCs, storage cleanup, package installation).
 *
 * - Paths are absolute (`/var/tmp/junos.tgz`) and belong to one routing
 *   engine (`re`: `re0`, `fpc1`, `node0`...): each RE has its own disks.
 *   `normalize(path, cwd, user)` turns `~`, `.`, `..` and relative paths
 *   into that form first.
 * - A path lives on the file system mounted on its longest mount-point
 *   prefix (`mountTable`, src/engine/storage.ts); the entry is in that
 *   partition's `files` (plain data, persisted with the model). Pseudo file
 *   systems (/dev, /proc) hold nothing.
 * - Read: `stat(re, path)`, `list(re, dir)`, `read(re, path)`.
 *   Write: `write(re, path, bytes, user)`, `mkdir`, `remove`, `rename`,
 *   `copy`, `symlink`. Each checks Unix permission bits (root bypasses them),
 *   the size limit (`maxFileBytes`) and the free space of the file system
 *   (size less the 8% UFS reserve less the software and files on it), and
 *   fails with a `FileError` whose `code` is the errno name.
 * - Space: what `show system storage` reports is computed from the same
 *   entries, so a write fills its file system and a remove frees it.
 * - Durability: contents over `INLINE_BYTES` go to the blob store first
 *   (durable when `put` resolves); the entry then changes the model, whose
 *   save queue writes the state. A caller acknowledges only after
 *   `device.persist()` (the dispatcher does that for RPCs).
 */
import { DIRECTORY_BYTES, allocated, baseName, childrenOf, dirEntry, parentOf, subtree, tableOf } from '../engine/file-table.js';
import type { DeviceModel } from '../engine/model.js';
import type { FileEntry, FileKind, PartitionState, RoutingEngineState } from '../engine/state.js';
import { mountTable, usableKb, usedKb, type Mount } from '../engine/storage.js';
import { localReSlot } from '../engine/re-slot.js';
import { FileError, clean, homeOf } from './file-error.js';

export { FileError, homeOf, type FileErrorCode } from './file-error.js';
import type { BlobStore } from './blob-store.js';
import { BlobReferences } from './blob-refs.js';

/** Contents up to this many bytes are kept inline in the state document. */
export const INLINE_BYTES = 4096;

export interface FileStat {
  /** Absolute path. */
  readonly path: string;
  readonly name: string;
  readonly kind: FileKind;
  readonly size: number;
  readonly mtime: number;
  readonly mode: number;
  readonly owner: string;
  readonly group: string;
  readonly target?: string;
}

export interface FileLimits {
  /** Largest file a write may create. */
  readonly maxFileBytes: number;
}

interface Located {
  readonly mount: Mount;
  readonly partition: PartitionState;
  /** Path inside the file system; '' is its top. */
  readonly rel: string;
}

export class DeviceFiles {
  /** The blobs of files over INLINE_BYTES: pinned while written, removed once unnamed and durable. */
  private readonly blobs: BlobReferences;

  constructor(
    private readonly model: DeviceModel,
    blobs: BlobStore,
    private readonly limits: () => FileLimits,
    private readonly now: () => number,
    /** Resolves once the state is durable; blobs no saved state names are removed after it. */
    persist: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.blobs = new BlobReferences(model, blobs, persist);
  }

  /** The largest file a write may create now (the device's `max-file-bytes`). */
  get maxFileBytes(): number {
    return this.limits().maxFileBytes;
  }

  /** An absolute, clean path: `~` is the user's home, relative paths start at `cwd`. */
  static normalize(path: string, cwd: string, user: string): string {
    let p = path.trim();
    if (p === '~' || p.startsWith('~/')) p = homeOf(user) + p.slice(1);
    else if (!p.startsWith('/')) p = `${cwd}/${p}`;
    return clean(p);
  }

  /**
   * The RE a name stands for: an RE's own name, or the slot a session logs
   * in to (`re0`, `re1`), which on a routing matrix, a virtual chassis or a
   * cluster is that slot's RE of the first chassis (`scc-re0`, `fpc0`, `node0`).
   */
  private routingEngine(re: string): RoutingEngineState {
    const r = this.model.routingEngine(re) ?? this.model.routingEngines().find((x) => x.slot === localReSlot(re));
    if (!r) throw new Error(`no routing engine ${re}`);
    return r;
  }

  /** The file system a path is on and its path there; EROFS for pseudo file systems. */
  locate(re: string, abs: string): Located {
    const path = clean(abs);
    let best: Mount | undefined;
    for (const m of mountTable(this.model, this.routingEngine(re))) {
      if (m.alias) continue;
      const at = m.mountedOn;
      if ((path === at || path.startsWith(at === '/' ? '/' : `${at}/`)) && (!best || at.length > best.mountedOn.length)) best = m;
    }
    if (!best || !best.partition) throw new FileError('EROFS', path);
    const rel = best.mountedOn === '/' ? path.slice(1) : path.slice(best.mountedOn.length + 1);
    return { mount: best, partition: best.partition, rel };
  }

  private entry(l: Located): FileEntry | undefined {
    if (l.rel === '') return dirEntry(0);
    return l.partition.files?.[l.rel];
  }

  private toStat(abs: string, e: FileEntry): FileStat {
    return {
      path: abs,
      name: baseName(abs) || '/',
      kind: e.kind,
      size: e.size,
      mtime: e.mtime,
      mode: e.mode,
      owner: e.owner,
      group: e.group,
      ...(e.target !== undefined ? { target: e.target } : {}),
    };
  }

  /** The entry at a path, or undefined (a mount point is a directory). */
  stat(re: string, abs: string): FileStat | undefined {
    const path = clean(abs);
    let l: Located;
    try {
      l = this.locate(re, path);
    } catch {
      // /dev and /proc exist as directories but hold nothing here.
      return path === '/dev' || path === '/proc' ? this.toStat(path, dirEntry(0)) : undefined;
    }
    const e = this.entry(l);
    return e ? this.toStat(path, e) : undefined;
  }

  /** The entries of a directory (mount points inside it included), sorted by name. */
  list(re: string, dir: string): FileStat[] {
    const path = clean(dir);
    const st = this.stat(re, path);
    if (!st) throw new FileError('ENOENT', path);
    if (st.kind !== 'dir') throw new FileError('ENOTDIR', path);
    const out = new Map<string, FileStat>();
    try {
      const l = this.locate(re, path);
      for (const [name, e] of childrenOf(l.partition.files, l.rel)) out.set(name, this.toStat(`${path === '/' ? '' : path}/${name}`, e));
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
    }
    for (const m of mountTable(this.model, this.routingEngine(re))) {
      if (m.mountedOn !== path && parentOf(m.mountedOn.slice(1)) === path.slice(1)) {
        const name = baseName(m.mountedOn);
        if (!out.has(name)) out.set(name, this.toStat(m.mountedOn, dirEntry(0)));
      }
    }
    return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async read(re: string, abs: string): Promise<Buffer> {
    const path = clean(abs);
    const l = this.locate(re, path);
    const e = this.entry(l);
    if (!e) throw new FileError('ENOENT', path);
    if (e.kind === 'dir') throw new FileError('EISDIR', path);
    if (e.kind === 'link') return this.read(re, e.target!.startsWith('/') ? e.target! : `${parentOf(path)}/${e.target!}`);
    if (e.data !== undefined) return Buffer.from(e.data, 'base64');
    if (e.blob !== undefined) return this.blobs.get(e.blob);
    return Buffer.alloc(0);
  }

  /** Bytes a user may still write on the file system holding `abs`. */
  freeBytes(re: string, abs: string): number {
    const l = this.locate(re, abs);
    return Math.max(0, (usableKb(l.partition) - usedKb(l.partition)) * 1024);
  }

  private mayWrite(e: FileEntry, user: string): boolean {
    if (user === 'root') return true;
    return e.owner === user ? (e.mode & 0o200) !== 0 : (e.mode & 0o002) !== 0;
  }

  private mayRead(e: FileEntry, user: string): boolean {
    if (user === 'root') return true;
    return e.owner === user ? (e.mode & 0o400) !== 0 : (e.mode & 0o004) !== 0;
  }

  /** Throws EACCES when `user` may not read the file. */
  checkRead(re: string, abs: string, user: string): void {
    const st = this.stat(re, abs);
    if (!st) throw new FileError('ENOENT', clean(abs));
    const e = { mode: st.mode, owner: st.owner } as FileEntry;
    if (!this.mayRead(e, user)) throw new FileError('EACCES', clean(abs));
  }

  /** The directory an entry goes into: it must exist, be a directory and be writable by `user`. */
  private parentFor(l: Located, path: string, user: string): void {
    const parentRel = parentOf(l.rel);
    const parent = l.rel === '' ? undefined : parentRel === '' ? dirEntry(0) : l.partition.files?.[parentRel];
    if (!parent) throw new FileError('ENOENT', path);
    if (parent.kind !== 'dir') throw new FileError('ENOTDIR', path);
    // The top of a file system: /var and /config belong to root; /tmp is everyone's (1777).
    const top = parentRel === '' ? { ...parent, owner: 'root', mode: l.mount.mountedOn === '/tmp' ? 0o1777 : 0o755 } : parent;
    if (!this.mayWrite(top, user)) throw new FileError('EACCES', path);
  }

  /** Throws what `write` would throw before any byte is sent: a missing or unwritable directory, a directory in the way. */
  checkWrite(re: string, abs: string, user: string): void {
    const path = clean(abs);
    const l = this.locate(re, path);
    this.parentFor(l, path, user);
    const old = l.partition.files?.[l.rel];
    if (old?.kind === 'dir' || l.rel === '') throw new FileError('EISDIR', path);
    if (old && !this.mayWrite(old, user)) throw new FileError('EACCES', path);
  }

  /** Creates or replaces a file with `data`; durable once the caller's persist() resolves. */
  async write(re: string, abs: string, data: Buffer, user: string, mode = 0o644): Promise<void> {
    const path = clean(abs);
    if (data.length > this.limits().maxFileBytes) throw new FileError('EFBIG', path);
    const l = this.locate(re, path);
    this.parentFor(l, path, user);
    const old = l.partition.files?.[l.rel];
    if (old?.kind === 'dir') throw new FileError('EISDIR', path);
    if (old && !this.mayWrite(old, user)) throw new FileError('EACCES', path);
    const fresh: FileEntry = { kind: 'file', size: data.length, mtime: this.now(), mode: old?.mode ?? mode, owner: old?.owner ?? user, group: old?.group ?? 'staff' };
    const need = allocated(fresh) - (old ? allocated(old) : 0);
    if (need > this.freeBytes(re, path)) throw new FileError('ENOSPC', path);
    if (data.length <= INLINE_BYTES) {
      fresh.data = data.toString('base64');
    } else {
      const id = await this.blobs.pinnedPut(data);
      fresh.blob = id;
      try {
        this.commitEntry(re, path, fresh, old);
      } finally {
        this.blobs.unpin(id);
      }
      return;
    }
    this.commitEntry(re, path, fresh, old);
  }

  /** Sets an entry after the awaits of a write: the file system may have changed meanwhile, so space is checked again. */
  private commitEntry(re: string, path: string, fresh: FileEntry, was: FileEntry | undefined): void {
    const l = this.locate(re, path);
    const old = l.partition.files?.[l.rel];
    if (old !== was) {
      const need = allocated(fresh) - (old ? allocated(old) : 0);
      if (need > this.freeBytes(re, path)) throw new FileError('ENOSPC', path);
    }
    tableOf(l.partition)[l.rel] = fresh;
    this.model.changed();
    if (old?.blob !== undefined && old.blob !== fresh.blob) this.blobs.release([old.blob]);
  }

  mkdir(re: string, abs: string, user: string, opts: { parents?: boolean; mode?: number } = {}): void {
    const path = clean(abs);
    const existing = this.stat(re, path);
    if (existing) {
      if (opts.parents && existing.kind === 'dir') return;
      throw new FileError('EEXIST', path);
    }
    if (opts.parents && parentOf(path.slice(1)) !== '' && !this.stat(re, `/${parentOf(path.slice(1))}`)) this.mkdir(re, `/${parentOf(path.slice(1))}`, user, opts);
    const l = this.locate(re, path);
    this.parentFor(l, path, user);
    if (DIRECTORY_BYTES > this.freeBytes(re, path)) throw new FileError('ENOSPC', path);
    tableOf(l.partition)[l.rel] = dirEntry(this.now(), user, user === 'root' ? 'wheel' : 'staff', opts.mode ?? 0o755);
    this.model.changed();
  }

  symlink(re: string, target: string, abs: string, user: string): void {
    const path = clean(abs);
    const l = this.locate(re, path);
    this.parentFor(l, path, user);
    const old = l.partition.files?.[l.rel];
    if (old?.kind === 'dir') throw new FileError('EISDIR', path);
    tableOf(l.partition)[l.rel] = { kind: 'link', size: target.length, mtime: this.now(), mode: 0o755, owner: user, group: 'staff', target };
    this.model.changed();
    if (old?.blob !== undefined) this.blobs.release([old.blob]);
  }

  /** Removes a file, link or (with `directory`) an empty directory. */
  remove(re: string, abs: string, user: string, opts: { directory?: boolean; recursive?: boolean } = {}): void {
    const path = clean(abs);
    const l = this.locate(re, path);
    if (l.rel === '') throw new FileError('EACCES', path);
    const e = l.partition.files?.[l.rel];
    if (!e) throw new FileError('ENOENT', path);
    this.parentFor(l, path, user);
    const t = tableOf(l.partition);
    if (e.kind === 'dir') {
      const inside = subtree(t, l.rel).filter(([k]) => k !== l.rel);
      if (!opts.directory && !opts.recursive) throw new FileError('EISDIR', path);
      if (inside.length > 0 && !opts.recursive) throw new FileError('ENOTEMPTY', path);
      for (const [k] of inside) delete t[k];
      this.blobs.release(inside.flatMap(([, x]) => (x.blob ? [x.blob] : [])));
    } else if (opts.directory) {
      throw new FileError('ENOTDIR', path);
    }
    delete t[l.rel];
    this.model.changed();
    if (e.blob !== undefined) this.blobs.release([e.blob]);
  }

  /** Moves a file or directory; across file systems the contents move with it. */
  rename(re: string, from: string, to: string, user: string): void {
    const src = clean(from);
    let dst = clean(to);
    const a = this.locate(re, src);
    const e = a.partition.files?.[a.rel];
    if (!e || a.rel === '') throw new FileError('ENOENT', src);
    this.parentFor(a, src, user);
    if (this.stat(re, dst)?.kind === 'dir') dst = `${dst}/${baseName(src)}`;
    const b = this.locate(re, dst);
    this.parentFor(b, dst, user);
    const moving = subtree(a.partition.files, a.rel);
    if (b.partition !== a.partition) {
      const bytes = moving.reduce((n, [, x]) => n + allocated(x), 0);
      if (bytes > this.freeBytes(re, dst)) throw new FileError('ENOSPC', dst);
    }
    const ta = tableOf(a.partition);
    const tb = tableOf(b.partition);
    const replaced = tb[b.rel];
    if (replaced?.kind === 'dir' && e.kind !== 'dir') throw new FileError('EISDIR', dst);
    for (const [k] of moving) delete ta[k];
    for (const [k, x] of moving) tb[b.rel + k.slice(a.rel.length)] = x;
    this.model.changed();
    if (replaced?.blob !== undefined && replaced.blob !== e.blob) this.blobs.release([replaced.blob]);
  }

  /** Copies a file (the bytes are shared: same blob). */
  async copy(re: string, from: string, to: string, user: string): Promise<void> {
    const src = clean(from);
    let dst = clean(to);
    const st = this.stat(re, src);
    if (!st) throw new FileError('ENOENT', src);
    if (st.kind === 'dir') throw new FileError('EISDIR', src);
    this.checkRead(re, src, user);
    if (this.stat(re, dst)?.kind === 'dir') dst = `${dst}/${baseName(src)}`;
    await this.write(re, dst, await this.read(re, src), user, st.mode);
  }

  /** Every entry at or below a directory, with absolute paths (for du, cleanup and archives). */
  walk(re: string, dir: string): FileStat[] {
    const path = clean(dir);
    const out: FileStat[] = [];
    const visit = (d: string): void => {
      for (const s of this.list(re, d)) {
        out.push(s);
        if (s.kind === 'dir') visit(s.path);
      }
    };
    visit(path);
    return out;
  }

  /** Creates the user's home directory on first use, as Junos does when a login is created. */
  ensureHome(re: string, user: string): void {
    if (user === 'root') return;
    const home = homeOf(user);
    if (this.stat(re, home)) return;
    try {
      const l = this.locate(re, home);
      const t = tableOf(l.partition);
      t[parentOf(l.rel)] ??= dirEntry(this.now());
      t[l.rel] = dirEntry(this.now(), user, 'staff', 0o755);
      this.model.changed();
    } catch {
      // No /var on this RE (an unlabelled medium): nothing to make.
    }
  }

  /** Every blob id some file of the device names. */
  referencedBlobs(): Set<string> {
    return this.blobs.referenced();
  }
}
