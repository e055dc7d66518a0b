/**
 * How `show | compare` pairs the statements of the two configurations: each
 * child of the new one with the child of the old one it stands for (by name
 * and key; repeated leaves also by value), which entries of a list moved,
 * and where removed statements go back in. Linear in the children (a map
 * past a few), in slices (16,000 interfaces took 30-60 ms at once).
 */
import { pace, type Work } from './slices.js';
import type { ConfigNode } from './tree.js';
import { identity, keyOf } from './tree.js';

/** How a child is matched between the two trees: name and key, and for repeated leaves also the value. */
function matchKey(n: ConfigNode, repeated: ReadonlySet<string> | undefined): string {
  const key = keyOf(n);
  return repeated !== undefined && repeated.has(n.name) && key === undefined && n.children.length === 0 ? `${identity(n.name, undefined)}#${n.value ?? ''}` : identity(n.name, key);
}

/** Names that occur more than once among one node's children (`members a; members b;`); undefined when none do. */
function repeatedNames(...lists: ReadonlyArray<readonly ConfigNode[]>): Set<string> | undefined {
  let twice: Set<string> | undefined;
  for (const list of lists) {
    const here = new Set<string>();
    for (const c of list) {
      if (here.has(c.name)) (twice ??= new Set()).add(c.name);
      else here.add(c.name);
    }
  }
  return twice;
}

/**
 * Where each child of `b` stood in `a` (-1: added), matched by name and key;
 * each child of `a` is matched once.
 */
export function* matchChildren(ac: readonly ConfigNode[], bc: readonly ConfigNode[]): Work<Int32Array> {
  const a = { children: ac };
  const b = { children: bc };
  const repeated = repeatedNames(a.children, b.children);
  const at = new Int32Array(b.children.length).fill(-1);
  const taken = new Uint8Array(a.children.length);
  if (a.children.length < 16 && repeated === undefined) {
    // Small levels: a scan costs less than a map.
    b.children.forEach((c, j) => {
      const key = keyOf(c);
      for (let i = 0; i < a.children.length; i++) {
        const o = a.children[i]!;
        if (taken[i] === 0 && o.name === c.name && keyOf(o) === key) {
          taken[i] = 1;
          at[j] = i;
          return;
        }
      }
    });
    return at;
  }
  // In slices: 16,000 interfaces took 30-60 ms to match at once.
  const before = new Map<string, number[]>();
  for (let i = 0; i < a.children.length; i++) {
    if (pace()) yield;
    const k = matchKey(a.children[i]!, repeated);
    const list = before.get(k);
    if (list) list.push(i);
    else before.set(k, [i]);
  }
  for (let j = 0; j < b.children.length; j++) {
    if (pace()) yield;
    const list = before.get(matchKey(b.children[j]!, repeated));
    const i = list?.shift();
    if (i !== undefined) at[j] = i;
  }
  return at;
}

/**
 * Which children of `b` are entries of an ordered list that moved: among the
 * entries of the list both trees have, those whose place differs (the list
 * `a b c d` become `a c d b` moves `c`, `d` and `b`, as Junos marks them).
 * Undefined when nothing moved.
 */
export function movedEntries(bc: readonly ConfigNode[], at: Int32Array, ordered: (c: ConfigNode) => boolean): Uint8Array | undefined {
  const lists = new Map<string, number[]>();
  for (let j = 0; j < bc.length; j++) {
    const c = bc[j]!;
    if (at[j]! < 0 || !ordered(c)) continue;
    const list = lists.get(c.name);
    if (list) list.push(j);
    else lists.set(c.name, [j]);
  }
  let out: Uint8Array | undefined;
  for (const js of lists.values()) {
    const olds = js.map((j) => at[j]!);
    const sorted = [...olds].sort((x, y) => x - y);
    js.forEach((j, r) => {
      if (olds[r] !== sorted[r]) (out ??= new Uint8Array(bc.length))[j] = 1;
    });
  }
  return out;
}

/** For each child `j` of `b`: the index in `a` of the first child after it that both have (`a`'s length if none). */
export function nextKept(at: Int32Array, end: number): Int32Array {
  const next = new Int32Array(at.length);
  let after = end;
  for (let j = at.length - 1; j >= 0; j--) {
    next[j] = after;
    if (at[j]! >= 0) after = at[j]!;
  }
  return next;
}
