/**
 * Renders a request-snapshot result as CLI text, or as the element tree of
 * `<snapshot-information>` (flat siblings in CLI order), multi-RE when needed.
 */
import type { PartitionRow, SnapshotResult, SnapshotStep, TargetResult } from '../engine/results.js';
import { el, leaf, multiRe, xnmError } from './tree.js';
import type { XNode } from './tree.js';
import { errorLines, humanMb, multiSections } from './text.js';

const TAKES = '(this may take a few minutes)';

export function stepText(s: SnapshotStep): string {
  switch (s.kind) {
    case 'inform':
      return s.sourceDaemon ? `${s.sourceDaemon}: ${s.message}\n` : `${s.message}\n`;
    case 'copy':
      return s.style === 'plain'
        ? `Copying ${s.source} to ${s.destination}.. ${TAKES}\n`
        : `Copying '${s.source}' to '${s.destination}' .. ${TAKES}\n`;
    case 'partitions':
      return partitionTable(s.rows);
    case 'archived':
      return `The following filesystems were archived: ${s.directories.join(' ')}\n`;
  }
}

/** Column layout of the SRX sample: `  Partition  Mountpoint  Size    Snapshot argument`. */
export function partitionTable(rows: readonly PartitionRow[]): string {
  let t = 'Partitions on snapshot:\n\n  Partition  Mountpoint  Size    Snapshot argument\n';
  for (const r of rows) {
    t += `      ${r.partition.padEnd(7)}${r.mountPoint.padEnd(12)}${humanMb(r.sizeMb).padEnd(8)}${r.argument}\n`;
  }
  return t;
}

function targetText(t: TargetResult): string {
  return t.steps.map(stepText).join('') + errorLines(t.errors);
}

export function snapshotText(r: SnapshotResult): string {
  if (!r.multi) return r.targets.map(targetText).join('');
  return multiSections(r.targets.map((t) => ({ reName: t.reName, text: targetText(t) })));
}

function stepNode(s: SnapshotStep): XNode {
  switch (s.kind) {
    case 'inform':
      return el('inform', [...(s.sourceDaemon ? [leaf('source-daemon', s.sourceDaemon)] : []), leaf('message', s.message)]);
    case 'copy':
      return el('snapshot-copy', [leaf('source-directory', s.source), leaf('destination-directory', s.destination)]);
    case 'partitions':
      return el(
        'snapshot-partitions',
        s.rows.map((r) =>
          el('partition-information', [
            leaf('partition', r.partition),
            leaf('mount-point', r.mountPoint),
            leaf('partition-size', humanMb(r.sizeMb)),
            leaf('snapshot-argument', r.argument),
          ]),
        ),
      );
    case 'archived':
      return el('archived-directory-list', s.directories.map((d) => leaf('directory-name', d)));
  }
}

/**
 * No xmlns on snapshot-information (as on every other data element the
 * captures show bare). A release that answers in text only (upgraded
 * FreeBSD) puts the CLI text in `<output>`, per RE in multi-RE replies.
 */
function info(t: TargetResult, textOnly: boolean): XNode {
  if (textOnly) return leaf('output', targetText(t));
  return el('snapshot-information', t.steps.map(stepNode));
}

/** The reply body as a tree. A single target's errors are raised as rpc-errors by the handler, not rendered here. */
export function snapshotTree(r: SnapshotResult): XNode {
  if (!r.multi) return info(r.targets[0]!, r.textOnly);
  return multiRe(
    r.targets.map((t) => ({
      reName: t.reName,
      body: t.errors.length > 0 && t.steps.length === 0 ? t.errors.map(xnmError) : [info(t, r.textOnly), ...(r.textOnly ? [] : t.errors.map(xnmError))],
    })),
  );
}
