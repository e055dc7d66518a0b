/** Renders `show system storage [detail]` results. */
import type { FileSystemInfo, StorageResult, StorageTarget } from '../engine/results.js';
import { el, leaf, multiRe, xnmError } from './tree.js';
import type { XNode } from './tree.js';
import { errorLines, humanKb, multiSections } from './text.js';

function percent(f: FileSystemInfo): number {
  const denom = f.usedKb + f.availKb;
  return denom === 0 ? 100 : Math.ceil((f.usedKb * 100) / denom);
}

function fsText(f: FileSystemInfo, detail: boolean): string {
  const n = (kb: number): string => (detail ? String(kb) : humanKb(kb));
  const w = detail ? 11 : 8;
  return `${f.name.padEnd(20)}${n(f.sizeKb).padStart(w)}${n(f.usedKb).padStart(11)}${n(f.availKb).padStart(11)}${`${percent(f)}%`.padStart(10)}  ${f.mountedOn}\n`;
}

function targetText(t: StorageTarget, detail: boolean): string {
  const head = `${'Filesystem'.padEnd(20)}${(detail ? '1024-blocks' : 'Size').padStart(detail ? 11 : 8)}${'Used'.padStart(11)}${'Avail'.padStart(11)}${'Capacity'.padStart(10)}  Mounted on\n`;
  if (t.errors.length > 0) return errorLines(t.errors);
  return head + t.fileSystems.map((f) => fsText(f, detail)).join('');
}

export function storageText(r: StorageResult): string {
  if (!r.multi) return r.targets.map((t) => targetText(t, r.detail)).join('');
  return multiSections(r.targets.map((t) => ({ reName: t.reName, text: targetText(t, r.detail) })));
}

/** Block counts are 512-byte blocks, with the human size in junos:format. */
function fsNode(f: FileSystemInfo): XNode {
  return el('filesystem', [
    leaf('filesystem-name', f.name),
    leaf('total-blocks', String(f.sizeKb * 2), [['junos:format', humanKb(f.sizeKb)]]),
    leaf('used-blocks', String(f.usedKb * 2), [['junos:format', humanKb(f.usedKb)]]),
    leaf('available-blocks', String(f.availKb * 2), [['junos:format', humanKb(f.availKb)]]),
    leaf('used-percent', String(percent(f)).padStart(3)),
    leaf('mounted-on', f.mountedOn),
  ]);
}

/** No xmlns: PyEZ's and Ansible's get-system-storage fixtures show `junos:style` only. */
function info(t: StorageTarget, detail: boolean): XNode {
  return el('system-storage-information', t.fileSystems.map(fsNode), [['junos:style', detail ? 'detail' : 'brief']]);
}

export function storageTree(r: StorageResult): XNode {
  if (!r.multi) return info(r.targets[0]!, r.detail);
  return multiRe(r.targets.map((t) => ({ reName: t.reName, body: t.errors.length > 0 ? t.errors.map(xnmError) : [info(t, r.detail)] })));
}
