/**
 * File operations that are more than one call of the tree: what storage
 * cleanup removes, directory usage (`du`), and tar+gzip archives of real
 * bytes. The RPC handlers (rpc/file-*.ts) render what these return.
 */
import { gzipSync } from 'node:zlib';
import { allocated } from '../engine/file-table.js';
import type { DeviceFiles, FileStat } from './device-files.js';

/**
 * What `request system storage cleanup` removes (our choice, after what
 * Junos documents: "rotating log files, temporary files, crash files"):
 * every file under /var/tmp, rotated logs in /var/log (`messages.0.gz`,
 * `chassisd.1`), and every file under /var/crash. Directories stay.
 */
export function cleanupCandidates(files: DeviceFiles, re: string): FileStat[] {
  const out: FileStat[] = [];
  const under = (dir: string, pick: (s: FileStat) => boolean): void => {
    if (files.stat(re, dir)?.kind !== 'dir') return;
    for (const s of files.walk(re, dir)) if (s.kind !== 'dir' && pick(s)) out.push(s);
  };
  under('/var/tmp', () => true);
  under('/var/log', (s) => /\.\d+(\.gz)?$/.test(s.name) || /\.gz$/.test(s.name));
  under('/var/crash', () => true);
  return out;
}

export interface DirectoryUsage {
  readonly path: string;
  /** 512-byte blocks, as `du` counts them. */
  readonly blocks: number;
  readonly children: readonly DirectoryUsage[];
}

/** Space a directory tree takes, with subdirectories down to `depth` levels listed. */
export function directoryUsage(files: DeviceFiles, re: string, path: string, depth: number): DirectoryUsage {
  const st = files.stat(re, path);
  const blocksOf = (s: FileStat): number => allocated({ kind: s.kind, size: s.size } as Parameters<typeof allocated>[0]) / 512;
  const visit = (dir: string, level: number): DirectoryUsage => {
    let blocks = 2; // the directory itself: one fragment
    const children: DirectoryUsage[] = [];
    for (const s of files.list(re, dir)) {
      if (s.kind === 'dir') {
        const sub = visit(s.path, level + 1);
        blocks += sub.blocks;
        if (level < depth) children.push(sub);
      } else {
        blocks += blocksOf(s);
      }
    }
    return { path: dir, blocks, children };
  };
  if (!st || st.kind !== 'dir') return { path, blocks: st ? blocksOf(st) : 0, children: [] };
  return visit(path, 0);
}

/** One 512-byte ustar header. */
function tarHeader(name: string, size: number, mode: number, mtime: number, dir: boolean, owner: string): Buffer {
  const h = Buffer.alloc(512);
  const put = (off: number, len: number, s: string): void => {
    h.write(s.slice(0, len), off, 'utf8');
  };
  const octal = (off: number, len: number, n: number): void => put(off, len, n.toString(8).padStart(len - 1, '0') + '\0');
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 154);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  put(0, 100, base);
  octal(100, 8, mode & 0o7777);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, Math.floor(mtime / 1000));
  h.fill(0x20, 148, 156);
  put(156, 1, dir ? '5' : '0');
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  put(265, 32, owner);
  put(297, 32, 'wheel');
  put(345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  put(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

/** A tar archive (gzipped when `compress`) of a file or a directory tree, names relative to the source's parent. */
export async function archive(files: DeviceFiles, re: string, source: string, compress: boolean): Promise<Buffer> {
  const st = files.stat(re, source);
  if (!st) throw new Error(`${source}: No such file or directory`);
  const base = source.slice(0, source.length - st.name.length);
  const entries = st.kind === 'dir' ? [st, ...files.walk(re, source)] : [st];
  const parts: Buffer[] = [];
  for (const e of entries) {
    const name = e.path.slice(base.length) + (e.kind === 'dir' ? '/' : '');
    if (e.kind === 'dir') {
      parts.push(tarHeader(name, 0, e.mode, e.mtime, true, e.owner));
      continue;
    }
    if (e.kind !== 'file') continue;
    const data = await files.read(re, e.path);
    parts.push(tarHeader(name, data.length, e.mode, e.mtime, false, e.owner), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  const tar = Buffer.concat(parts);
  return compress ? gzipSync(tar) : tar;
}
