/**
 * Linearity, structurally: every read of a tree, an edit or a filter is
 * counted through proxies, and the count for 4n statements must stay within
 * 4.5 times the count for n. No clocks. The same counter run on the code this
 * replaced (reference.ts) shows it quadratic, so each test can fail.
 */
import { expect } from 'chai';
import { editTree } from '../../src/junos-config/edit.js';
import { parseSetLines } from '../../src/junos-config/set-format.js';
import { parseText } from '../../src/junos-config/text-format.js';
import { emptyConfiguration, filterTree, type ConfigNode, type EditNode } from '../../src/junos-config/tree.js';
import type { XmlElement } from '../../src/xml/element.js';
import * as ref from './reference.js';

/** A deep proxy of `x` that counts every property read on it and on anything reached through it. */
function counted<T extends object>(x: T, counter: { reads: number }): T {
  const proxies = new WeakMap<object, object>();
  const wrap = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    let p = proxies.get(v);
    if (!p) {
      p = new Proxy(v, {
        get(target, prop, receiver) {
          counter.reads++;
          return wrap(Reflect.get(target, prop, receiver));
        },
      });
      proxies.set(v, p);
    }
    return p;
  };
  return wrap(x) as T;
}

const ifname = (i: number): string => `ge-${Math.floor(i / 4000)}/${Math.floor(i / 40) % 100}/${i % 40}`;
const setLoad = (from: number, n: number): string =>
  Array.from({ length: n }, (_, i) => `set interfaces ${ifname(from + i)} unit 0 family inet address 10.${(from + i) >> 8 & 255}.${(from + i) & 255}.1/31`).join('\n');
const textLoad = (from: number, n: number): string =>
  `interfaces {\n${Array.from({ length: n }, (_, i) => `    ${ifname(from + i)} { description "port"; unit 0 { family inet { address 10.0.0.${i % 250}/31; } } }`).join('\n')}\n}\n`;

/** Reads made by `run` on a configuration of n interfaces and the edits made from n. */
type Case = (n: number) => { tree: ConfigNode; edits: EditNode[] };

function reads(c: Case, n: number, run: (tree: ConfigNode, edits: EditNode[]) => unknown): number {
  const { tree, edits } = c(n);
  const counter = { reads: 0 };
  run(counted(tree, counter), counted(edits, counter));
  return counter.reads;
}

const newCode = (tree: ConfigNode, edits: EditNode[]): unknown => editTree(tree, edits);
const oldCode = (tree: ConfigNode, edits: EditNode[]): unknown => ref.applyEdits(tree as ref.OldNode, edits);

/** Growth of the reads from n to 4n. */
const growth = (c: Case, n: number, run: (tree: ConfigNode, edits: EditNode[]) => unknown): number => reads(c, 4 * n, run) / reads(c, n, run);

const base = (n: number): ConfigNode => editTree(emptyConfiguration(), parseSetLines(setLoad(0, n)));
// structuredClone: the old code edits in place, and each run needs its own tree.
const fresh = (c: Case): Case => (n) => structuredClone(c(n));

const cases: Record<string, Case> = {
  'set lines adding n interfaces to n': (n) => ({ tree: base(n), edits: parseSetLines(setLoad(n, n)) }),
  'set lines changing n interfaces of n': (n) => ({ tree: base(n), edits: parseSetLines(setLoad(0, n).replace(/\.1\/31/g, '.2/31')) }),
  'text adding n interfaces to n': (n) => ({ tree: base(n), edits: parseText(textLoad(n, n)) }),
  'deleting n interfaces of 2n': (n) => ({ tree: base(2 * n), edits: parseSetLines(Array.from({ length: n }, (_, i) => `delete interfaces ${ifname(2 * i)}`).join('\n')) }),
};

describe('configuration: work grows linearly with the configuration', () => {
  const N = 400;
  /**
   * The replaced code is measured smaller (its deletions go through the
   * proxies' generic splice, cubic in time); at that size a quadratic count
   * grows about 9 to 50 times, a linear one at most 4.5.
   */
  const OLD_N: Record<string, number> = { 'deleting n interfaces of 2n': 25 };
  const OLD_GROWTH = 8;
  for (const [name, c] of Object.entries(cases)) {
    it(`loads: ${name}`, () => {
      const g = growth(fresh(c), N, newCode);
      expect(g, `reads grew ${g.toFixed(2)} times for 4 times the statements`).to.be.at.most(4.5);
      // The same measure on the replaced code: quadratic, so this test fails there.
      expect(growth(fresh(c), OLD_N[name] ?? 50, oldCode)).to.be.above(OLD_GROWTH);
    });
  }

  it('a subtree filter naming n of n interfaces', () => {
    const el = (name: string, children: XmlElement[] = [], text = ''): XmlElement => ({ name, prefix: '', attrs: {}, children, text });
    const run = (n: number, filterFn: (t: ConfigNode, f: XmlElement) => unknown): number => {
      const tree = base(n);
      const filter = el('configuration', [el('interfaces', Array.from({ length: n }, (_, i) => el('interface', [el('name', [], ifname(n - 1 - i)), el('unit')])))]);
      const counter = { reads: 0 };
      const got = filterFn(tree, counted(filter, counter)) as ConfigNode;
      expect(got.children[0]!.children.length).to.equal(n);
      return counter.reads;
    };
    const g = run(4 * N, filterTree) / run(N, filterTree);
    expect(g).to.be.at.most(4.5);
    const old = (t: ConfigNode, f: XmlElement): unknown => ref.filterTree(structuredClone(t) as ref.OldNode, f);
    expect(run(200, old) / run(50, old)).to.be.above(OLD_GROWTH);
  });
});
