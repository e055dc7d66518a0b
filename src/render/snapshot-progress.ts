/**
 * The CLI text of a snapshot as the run reports it, piece by piece. What it
 * emits, concatenated, is always a prefix of `snapshotText(result)`, and all
 * of it once the run is done: the live output and the finished reply cannot
 * disagree. A multi-RE run prints its targets in order under their headers;
 * the target being printed streams live, the ones after it are held until
 * their turn (they run in parallel, the sections do not interleave).
 */
import type { SnapshotProgress } from '../engine/index.js';
import { stepText } from './snapshot.js';
import { DASHES, errorLines } from './text.js';

export function snapshotProgressText(emit: (text: string) => void): (e: SnapshotProgress) => void {
  let multi = false;
  let order: readonly string[] = [];
  let current = 0;
  const held = new Map<string, string>();
  const finished = new Map<string, readonly string[]>();

  const header = (i: number): string => `${i > 0 ? '\n' : ''}${order[i]}:\n${DASHES}\n`;
  /** Closes the current section and opens the next ones whose targets are done. */
  const advance = (): void => {
    for (;;) {
      const errors = finished.get(order[current]!);
      if (errors === undefined) return;
      emit(errorLines(errors));
      current++;
      if (current >= order.length) return;
      emit(header(current) + (held.get(order[current]!) ?? ''));
      held.delete(order[current]!);
    }
  };

  return (e) => {
    switch (e.kind) {
      case 'targets':
        multi = e.multi;
        order = e.reNames;
        if (multi && order.length > 0) emit(header(0));
        return;
      case 'step':
        if (!multi || e.reName === order[current]) emit(stepText(e.step));
        else held.set(e.reName, (held.get(e.reName) ?? '') + stepText(e.step));
        return;
      case 'done':
        // A single target's errors are rpc-errors beside the text, not part of it.
        if (!multi) return;
        finished.set(e.target.reName, e.target.errors);
        advance();
        return;
    }
  };
}
