/**
 * Replies of the file RPCs, in the shapes of PyEZ's fixtures (Junos 12.1 to
 * 14.2 captures): `directory-list` (files, directories, `detail`),
 * `checksum-information`, `directory-usage-information`,
 * `system-storage-cleanup-information`, and their CLI text.
 */
import type { FileStat } from '../files/device-files.js';
import type { DirectoryUsage } from '../files/operations.js';
import { humanKb } from './text.js';
import { el, leaf, type XNode } from './tree.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Feb 17 15:30`, as `ls -l` prints a recent date. */
export function lsDate(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${d.toISOString().slice(11, 16)}`;
}

export function permissionText(s: FileStat): string {
  let out = s.kind === 'dir' ? 'd' : s.kind === 'link' ? 'l' : '-';
  const bits = 'rwxrwxrwx';
  for (let i = 0; i < 9; i++) out += s.mode & (1 << (8 - i)) ? bits[i]! : '-';
  if (s.mode & 0o1000) out = out.slice(0, 9) + (s.mode & 0o001 ? 't' : 'T');
  return out;
}

const blocks = (entries: readonly FileStat[]): number => entries.reduce((n, s) => n + (s.kind === 'dir' ? 1 : Math.ceil(s.size / 1024)), 0);

function marker(s: FileStat): XNode[] {
  if (s.kind === 'dir') return [el('file-directory', [], [['junos:format', '/']])];
  if (s.kind === 'link') return [leaf('file-symlink-target', s.target ?? '', [['junos:format', '@']])];
  if (s.mode & 0o111) return [el('file-executable', [], [['junos:format', '*']])];
  return [];
}

function fileInformation(s: FileStat, name: string, detail: boolean): XNode {
  if (!detail) return el('file-information', [leaf('file-name', name), ...marker(s)]);
  return el('file-information', [
    leaf('file-name', name),
    ...marker(s),
    leaf('file-permissions', (s.mode & 0o777).toString(8), [['junos:format', permissionText(s)]]),
    leaf('file-owner', s.owner),
    leaf('file-group', s.group),
    leaf('file-links', s.kind === 'dir' ? '2' : '1'),
    leaf('file-size', String(s.size)),
    leaf('file-date', String(Math.floor(s.mtime / 1000)), [['junos:format', lsDate(s.mtime)]]),
  ]);
}

export type DirectoryListing =
  | { readonly kind: 'dir'; readonly path: string; readonly entries: readonly FileStat[] }
  | { readonly kind: 'file'; readonly path: string; readonly stat: FileStat }
  | { readonly kind: 'missing'; readonly path: string };

export function directoryListTree(l: DirectoryListing, detail: boolean, seconds: number): XNode {
  const attrs: Array<[string, string]> = [
    ['root-path', l.path],
    ['junos:seconds', String(seconds)],
    ['junos:style', detail ? 'detail' : 'brief'],
  ];
  if (l.kind === 'missing') return el('directory-list', [leaf('output', `${l.path}: No such file or directory`)], attrs);
  if (l.kind === 'file') {
    return el('directory-list', [el('directory', [fileInformation(l.stat, l.path, detail), leaf('total-files', '1')], [['name', '']])], attrs);
  }
  const files = l.entries.filter((s) => s.kind !== 'dir').length;
  return el(
    'directory-list',
    [
      el(
        'directory',
        [
          leaf('directory-name', l.path),
          ...(detail ? [leaf('total-file-blocks', String(blocks(l.entries)))] : []),
          ...l.entries.map((s) => fileInformation(s, s.name, detail)),
          leaf('total-files', String(files)),
        ],
        [['name', l.path]],
      ),
    ],
    attrs,
  );
}

function suffix(s: FileStat): string {
  return s.kind === 'dir' ? '/' : s.kind === 'link' ? '@' : s.mode & 0o111 ? '*' : '';
}

function lsLine(s: FileStat, name: string): string {
  return `${permissionText(s)}  ${s.kind === 'dir' ? 2 : 1} ${s.owner.padEnd(6)} ${s.group.padEnd(6)} ${String(s.size).padStart(9)} ${lsDate(s.mtime)} ${name}${suffix(s)}${s.kind === 'link' ? ` -> ${s.target ?? ''}` : ''}\n`;
}

export function directoryListText(l: DirectoryListing, detail: boolean): string {
  if (l.kind === 'missing') return `${l.path}: No such file or directory\n`;
  if (l.kind === 'file') return detail ? lsLine(l.stat, l.path) : `${l.path}\n`;
  const head = `${l.path}:\n`;
  if (!detail) return head + l.entries.map((s) => `${s.name}${suffix(s)}\n`).join('');
  return `${head}total blocks: ${blocks(l.entries)}\n${l.entries.map((s) => lsLine(s, s.name)).join('')}total files: ${l.entries.filter((s) => s.kind !== 'dir').length}\n`;
}

export function checksumTree(method: string, path: string, sum: string): XNode {
  return el('checksum-information', [el('file-checksum', [leaf('computation-method', method), leaf('input-file', path), leaf('checksum', sum)])]);
}

export function checksumText(method: string, path: string, sum: string): string {
  return `${method} (${path}) = ${sum}\n`;
}

function usageNode(u: DirectoryUsage): XNode {
  return el('directory', [
    leaf('directory-name', u.path),
    ...u.children.map(usageNode),
    leaf('used-space', humanKb(u.blocks / 2), [['used-blocks', String(u.blocks)]]),
  ]);
}

export function directoryUsageTree(u: DirectoryUsage): XNode {
  return el('directory-usage-information', [usageNode(u)]);
}

export function directoryUsageText(u: DirectoryUsage): string {
  const lines: string[] = [];
  const walk = (d: DirectoryUsage): void => {
    for (const c of d.children) walk(c);
    lines.push(`${humanKb(d.blocks / 2).padStart(6)}  ${d.path}`);
  };
  walk(u);
  return `${lines.join('\n')}\n`;
}

function humanBytes(n: number): string {
  if (n < 1024) return `${n}B`;
  return humanKb(n / 1024);
}

export function cleanupTree(files: readonly FileStat[]): XNode {
  return el('system-storage-cleanup-information', [
    el(
      'file-list',
      files.map((f) => el('file', [leaf('file-name', f.path), leaf('size', String(f.size), [['junos:format', humanBytes(f.size)]]), leaf('date', lsDate(f.mtime))])),
      [['junos:style', 'normal']],
    ),
  ]);
}

export function cleanupText(files: readonly FileStat[], dryRun: boolean): string {
  if (files.length === 0) return '\nList of files to delete:\n\n         Size Date         Name\n';
  const rows = files.map((f) => `${humanBytes(f.size).padStart(13)} ${lsDate(f.mtime)} ${f.path}\n`).join('');
  return `\nList of files ${dryRun ? 'to delete' : 'deleted'}:\n\n         Size Date         Name\n${rows}`;
}
