/**
 * Depth-first walks over configuration trees as one piece of work each.
 * An explicit stack instead of a recursive generator per node: a generator
 * object per statement made rendering a 16,000-interface configuration three
 * times slower, almost all of it in the garbage collector.
 */
import { pace, type Work } from './slices.js';
import type { ConfigNode } from './tree.js';

export interface Visitor {
  /**
   * Called for each node below the root, parent first. Returns the index of
   * the first child to visit, or -1 to visit none (and get no `leave`).
   * `depth` is 0 for the root's children.
   */
  enter(n: ConfigNode, parent: ConfigNode, depth: number): number;
  /** Called after the children of a node whose `enter` returned >= 0. */
  leave(n: ConfigNode, depth: number): void;
}

/** Visits the nodes under `root` (not the root itself) in document order. */
export function* depthFirst(root: ConfigNode, v: Visitor): Work<void> {
  const nodes: ConfigNode[] = [root];
  const next: number[] = [0];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const n = nodes[top]!;
    const i = next[top]!;
    if (i >= n.children.length) {
      nodes.pop();
      next.pop();
      if (top > 0) v.leave(n, top - 1);
      continue;
    }
    next[top] = i + 1;
    if (pace()) yield;
    const c = n.children[i]!;
    const from = v.enter(c, n, top);
    if (from >= 0) {
      nodes.push(c);
      next.push(from);
    }
  }
}
