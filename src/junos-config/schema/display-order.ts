/**
 * The order Junos shows the statements of one hierarchy level in. Junos
 * keeps a configuration in its own fixed order (the order of its DDL), not
 * in the order statements were loaded; Juniper's YANG lists them in that
 * order almost everywhere, and display-moves.ts holds the captured places
 * where it does not (the generated schema's top level is alphabetical; below
 * it, each release's order matched every capture of that release).
 * docs/statement-order.md has the evidence.
 */
import { DISPLAY_MOVES, type DisplayMove } from './display-moves.js';

/** Moves per parent statement name, in table order. */
const MOVES_BY_PARENT: ReadonlyMap<string, readonly DisplayMove[]> = (() => {
  const m = new Map<string, DisplayMove[]>();
  for (const move of DISPLAY_MOVES) {
    const list = m.get(move.parent);
    if (list) list.push(move);
    else m.set(move.parent, [move]);
  }
  return m;
})();

/**
 * Rank of each child of a statement called `parent`, whose schema lists
 * `names` in this order: the position after the moves for that parent.
 * A move whose names are not both here is skipped (a release without them).
 */
export function displayRanks(parent: string, names: readonly string[], table?: readonly DisplayMove[]): ReadonlyMap<string, number> {
  // Another table than the device's: the evidence script and its tests compare captures with and without moves.
  const moves = table ? table.filter((m) => m.parent === parent) : MOVES_BY_PARENT.get(parent);
  let order = names;
  if (moves && moves.length > 0) {
    const moved = names.slice();
    for (const { name, after } of moves) {
      const from = moved.indexOf(name);
      if (from < 0 || after === name || (after !== null && !moved.includes(after))) continue;
      moved.splice(from, 1);
      moved.splice(after === null ? 0 : moved.indexOf(after) + 1, 0, name);
    }
    order = moved;
  }
  const ranks = new Map<string, number>();
  order.forEach((n, i) => ranks.set(n, i));
  return ranks;
}
