/** Renders `show system snapshot` results. */
import type { SnapshotInfoResult, SnapshotInfoTarget, SnapshotSliceInfo } from '../engine/results.js';
import { el, junosNs, leaf, multiRe, xnmError } from './tree.js';
import type { XNode } from './tree.js';
import { errorLines, multiSections } from './text.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Dec 15 12:13:23 2025`, in UTC (the emulated devices run on UTC). */
export function junosDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function mediumLine(s: SnapshotSliceInfo): string {
  return `${s.medium} (${s.device}) (${s.role})`;
}

function sliceText(s: SnapshotSliceInfo): string {
  let t = `Information for snapshot on ${s.medium.padStart(14)} (${s.device}) (${s.role})\n`;
  t += `Creation date: ${s.created === null ? 'unknown' : junosDate(s.created)}\n`;
  t += 'JUNOS version on snapshot:\n';
  for (const p of s.packages) t += `  ${p.name.padEnd(7)}: ${p.version}\n`;
  return t;
}

function targetText(t: SnapshotInfoTarget): string {
  return t.slices.map(sliceText).join('') + errorLines(t.errors);
}

export function snapshotInfoText(r: SnapshotInfoResult): string {
  if (!r.multi) return r.targets.map(targetText).join('');
  return multiSections(r.targets.map((t) => ({ reName: t.reName, text: targetText(t) })));
}

function info(t: SnapshotInfoTarget, release: string): XNode {
  const kids: XNode[] = [];
  for (const s of t.slices) {
    kids.push(leaf('snapshot-medium', mediumLine(s)));
    kids.push(leaf('creation-date', s.created === null ? 'unknown' : junosDate(s.created)));
    kids.push(el('software-version', s.packages.map((p) => el('package', [leaf('package-name', p.name), leaf('package-version', p.version)]))));
  }
  return el('snapshot-information', kids, [['xmlns', junosNs(release)]]);
}

export function snapshotInfoTree(r: SnapshotInfoResult, release: string): XNode {
  if (!r.multi) return info(r.targets[0]!, release);
  return multiRe(
    r.targets.map((t) => ({ reName: t.reName, body: t.errors.length > 0 ? t.errors.map(xnmError) : [info(t, release)] })),
  );
}
