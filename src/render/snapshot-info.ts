/**
 * Renders `show system snapshot` results in the form the device's release
 * row names: flat slices, the MX80 backup slice, or the upgraded-FreeBSD
 * text with its recovery section.
 */
import type { MediumText } from '../engine/releases/types.js';
import type { SnapshotInfoResult, SnapshotInfoTarget, SnapshotSliceInfo } from '../engine/results.js';
import type { JunosVolumeState, VolumeSnapshot } from '../engine/state.js';
import { el, leaf, multiRe, xnmError } from './tree.js';
import type { XNode } from './tree.js';
import { errorLines, multiSections } from './text.js';
import { ctimeDate, snapshotDate } from '../system/junos-time.js';

/** The CLI right-aligns the medium name in 14 columns; Junos keeps that padding in the XML value. */
function mediumValue(s: SnapshotSliceInfo, text: MediumText, withRole: boolean): string {
  const medium = text === 'plain' ? s.medium : s.medium.padStart(14);
  const v = `${medium} (${s.device})${withRole ? ` (${s.role})` : ''}`;
  return text === 'aligned-newline' ? `${v}\n  ` : v;
}

function dateValue(s: SnapshotSliceInfo, text: MediumText): string {
  const d = s.created === null ? 'unknown' : snapshotDate(s.created);
  return text === 'aligned-newline' ? `${d}\n  ` : d;
}

function sliceText(s: SnapshotSliceInfo, withRole: boolean): string {
  const medium = withRole ? `${s.medium.padStart(14)} (${s.device}) (${s.role})` : `${s.medium} (${s.device})`;
  let t = `Information for snapshot on ${medium}\n`;
  t += `Creation date: ${s.created === null ? 'unknown' : snapshotDate(s.created)}\n`;
  t += 'JUNOS version on snapshot:\n';
  for (const p of s.packages) t += `  ${p.name.padEnd(7)}: ${p.version}\n`;
  return t;
}

function volumeEntry(s: VolumeSnapshot): string {
  return `Snapshot ${s.name}:\n    Location: /packages/sets/${s.name}\n    Creation date: ${ctimeDate(s.created)}\n    Junos version: ${s.version}\n`;
}

/** Upgraded FreeBSD: what the audit scripts of the captures parse, line for line. */
export function volumeText(v: JunosVolumeState): string {
  let t =
    v.snapshots.length === 0
      ? 'No non-recovery snapshots available on the Junos volume\n'
      : `Non-recovery snapshots:\n${v.snapshots.map(volumeEntry).join('')}Total non-recovery snapshots: ${v.snapshots.length}\n`;
  t += '\nRecovery Snapshots:\n';
  t += v.recovery
    ? `Snapshots available on the OAM volume:\n${v.recovery.name}\nDate created: ${ctimeDate(v.recovery.created)}\nJunos version: ${v.recovery.version}\n\nTotal recovery snapshots: 1\n`
    : 'No recovery snapshots available on the OAM volume\n';
  return t;
}

function targetText(t: SnapshotInfoTarget, r: SnapshotInfoResult): string {
  if (t.volume) return volumeText(t.volume) + errorLines(t.errors);
  const labelling = r.form === 'backup-slice' && t.slices.length > 0 ? 'Doing the initial labeling...\n' : '';
  return labelling + t.slices.map((s) => sliceText(s, r.form === 'slices')).join('') + errorLines(t.errors);
}

export function snapshotInfoText(r: SnapshotInfoResult): string {
  if (!r.multi) return r.targets.map((t) => targetText(t, r)).join('');
  return multiSections(r.targets.map((t) => ({ reName: t.reName, text: targetText(t, r) })));
}

/** No xmlns on snapshot-information: the EX 15.1R6 trace (#922) and the SRX fixture (#401) show it bare. */
function info(t: SnapshotInfoTarget, r: SnapshotInfoResult): XNode {
  if (t.volume) return leaf('output', volumeText(t.volume));
  const kids: XNode[] = [];
  for (const s of t.slices) {
    kids.push(leaf('snapshot-medium', mediumValue(s, r.mediumText, r.form === 'slices')));
    kids.push(leaf('creation-date', dateValue(s, r.mediumText)));
    kids.push(el('software-version', s.packages.map((p) => el('package', [leaf('package-name', p.name), leaf('package-version', p.version)]))));
  }
  return el('snapshot-information', kids);
}

export function snapshotInfoTree(r: SnapshotInfoResult): XNode {
  if (!r.multi) return info(r.targets[0]!, r);
  return multiRe(r.targets.map((t) => ({ reName: t.reName, body: t.errors.length > 0 && !t.volume ? t.errors.map(xnmError) : [info(t, r)] })));
}
