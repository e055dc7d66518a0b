/**
 * The files of one file system (a partition's `files`): plain-data
 * operations on paths relative to its mount point. Nothing here knows about
 * mounts, contents or limits; src/files/device-files.ts puts them together.
 */
import type { FileEntry, FileTable, PartitionState } from './state.js';

/** FreeBSD UFS counts space in 1 KB fragments; a directory takes one 512-byte block in listings. */
export const FRAGMENT_BYTES = 1024;
export const DIRECTORY_BYTES = 512;

export function tableOf(p: PartitionState): FileTable {
  p.files ??= {};
  return p.files;
}

/** Space a file's contents take on disk, in bytes (whole fragments). */
export function allocated(e: FileEntry): number {
  if (e.kind !== 'file') return FRAGMENT_BYTES;
  return Math.ceil(e.size / FRAGMENT_BYTES) * FRAGMENT_BYTES;
}

/** Bytes the modelled files of a file system take (on top of its software, `usedMb`). */
export function tableBytes(t: FileTable | undefined): number {
  if (!t) return 0;
  let n = 0;
  for (const e of Object.values(t)) n += allocated(e);
  return n;
}

/** `a/b` -> `a`; `a` -> ''. */
export function parentOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

export function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

/** Entries directly inside directory `rel` ('' is the file system's top), sorted by name. */
export function childrenOf(t: FileTable | undefined, rel: string): Array<[string, FileEntry]> {
  if (!t) return [];
  const prefix = rel === '' ? '' : `${rel}/`;
  const out: Array<[string, FileEntry]> = [];
  for (const [k, e] of Object.entries(t)) {
    if (k.startsWith(prefix) && !k.slice(prefix.length).includes('/') && k.length > prefix.length) out.push([k.slice(prefix.length), e]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Every entry at or below `rel`, with its relative path. */
export function subtree(t: FileTable | undefined, rel: string): Array<[string, FileEntry]> {
  if (!t) return [];
  const prefix = rel === '' ? '' : `${rel}/`;
  return Object.entries(t).filter(([k]) => k === rel || k.startsWith(prefix));
}

/** A directory entry; `dir` made with the given owner. */
export function dirEntry(mtime: number, owner = 'root', group = 'wheel', mode = 0o755): FileEntry {
  return { kind: 'dir', size: DIRECTORY_BYTES, mtime, mode, owner, group };
}

/** What a snapshot copy leaves on `to`: the files of `from` (contents shared by blob id), or none. */
export function copyFiles(from: PartitionState | undefined, to: PartitionState): void {
  if (from?.files) to.files = structuredClone(from.files);
  else delete to.files;
}
