/**
 * The display order a table of moves gives a statement's children (the
 * schema's children order, each move of that statement's name applied in
 * table order), and the places where a capture's order contradicts it.
 */
import type { SchemaNode } from '../../src/junos-config/schema/model.js';
import type { DisplayMove } from '../../src/junos-config/schema/display-moves.js';
import { displayRanks } from '../../src/junos-config/schema/display-order.js';
import type { Capture, CapturedNode } from './captured-tree.js';

/**
 * The children of `node` (a statement named `parent`) in display order: list
 * keys first, then the others in schema order with the moves applied. A move
 * naming a statement this node lacks, or placing it after one it lacks, does
 * nothing here.
 */
export function displayOrder(node: SchemaNode, parent: string, moves: readonly DisplayMove[]): string[] {
  // The emulator's own rule (src/junos-config/schema/display-order.ts), with the keys first as a list entry shows them.
  const keys = node.keys;
  const ranks = displayRanks(parent, [...node.children().keys()], moves);
  const order = [...ranks.keys()].filter((n) => !keys.includes(n)).sort((a, b) => ranks.get(a)! - ranks.get(b)!);
  return [...keys, ...order];
}

/** One place: file, line (text) and the statement path. */
export interface Where {
  readonly file: string;
  readonly line: number | undefined;
  readonly path: string;
}

export const whereText = (w: Where): string => `${w.file}${w.line !== undefined ? `:${w.line}` : ''} [${w.path}]`;

/** Under statements named `parent`, `first` was printed before `second`. */
export interface Pair {
  readonly parent: string;
  readonly first: string;
  readonly second: string;
}

export interface Findings {
  /** Pairs printed in an order the table contradicts, with where. */
  readonly contradictions: Map<string, { pair: Pair; where: Where[] }>;
  /** Every ordered pair seen, by parent name: how often (to say what was checked). */
  readonly seen: Map<string, Map<string, number>>;
  /** A statement printed in two runs under one parent (a list's entries, a leaf-list's values apart). */
  readonly split: Map<string, Where[]>;
  /** Entries of lists, in printed order, with where (evidence about list-entry order). */
  readonly entries: { list: string; where: Where; keys: string[] }[];
}

export function emptyFindings(): Findings {
  return { contradictions: new Map(), seen: new Map(), split: new Map(), entries: [] };
}

const pairKey = (p: Pair): string => `${p.parent}\t${p.first}\t${p.second}`;

/** Compares one capture's orders with the display order the moves give; adds to `into`. */
export function checkCapture(c: Capture, moves: readonly DisplayMove[], into: Findings): void {
  const visit = (n: CapturedNode, path: string): void => {
    const here: Where = { file: c.file, line: n.line, path: path || 'top' };
    const keys = n.schema.keys;
    const names: string[] = [];
    const lineOf = new Map<string, number | undefined>();
    let last: string | undefined;
    for (const k of n.children) {
      if (keys.includes(k.name)) continue;
      if (k.name !== last) {
        if (names.includes(k.name)) {
          const key = `${n.name} ${k.name}`;
          const list = into.split.get(key) ?? [];
          list.push({ ...here, line: k.line });
          into.split.set(key, list);
        } else {
          names.push(k.name);
          lineOf.set(k.name, k.line);
        }
      }
      last = k.name;
    }
    if (names.length > 1) {
      const expected = displayOrder(n.schema, n.name, moves);
      const rank = new Map(expected.map((x, i) => [x, i]));
      const seen = into.seen.get(n.name) ?? new Map<string, number>();
      into.seen.set(n.name, seen);
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
          const a = names[i]!;
          const b = names[j]!;
          seen.set(`${a}\t${b}`, (seen.get(`${a}\t${b}`) ?? 0) + 1);
          if (rank.get(a)! > rank.get(b)!) {
            const pair = { parent: n.name, first: a, second: b };
            const k = pairKey(pair);
            const had = into.contradictions.get(k) ?? { pair, where: [] };
            had.where.push({ ...here, line: lineOf.get(b) });
            into.contradictions.set(k, had);
          }
        }
      }
    }
    // Entry order of each list with more than one entry here.
    const byList = new Map<string, string[]>();
    for (const k of n.children) {
      if (k.schema.kind !== 'list' || keys.includes(k.name)) continue;
      const l = byList.get(k.name) ?? [];
      l.push(k.key ?? '');
      byList.set(k.name, l);
    }
    for (const [list, ks] of byList) if (ks.length > 1) into.entries.push({ list: `${n.name} ${list}`, where: here, keys: ks });
    for (const k of n.children) visit(k, `${path}${path ? ' ' : ''}${k.name}${k.key ? ` ${k.key}` : ''}`);
  };
  visit(c.root, '');
}
