/**
 * A configuration schema generated from Juniper's YANG
 * (scripts/gen-config-schema.py, format in docs/config-schema.md), read
 * lazily: a node's children are resolved (groupings expanded, choices
 * flattened) the first time someone asks for them, so a schema costs memory
 * for the parts of the hierarchy devices actually use. One Schema object
 * serves every device of its release family.
 */
import { displayRanks } from './display-order.js';

/** A kept `junos:posix-pattern`: JavaScript source (flags `su`), 1 when the value must not match, Junos's `junos:pattern-message`. */
export type RawPattern = readonly [string, 0 | 1, string];

/** A value type, as the generator writes it. */
export type RawType =
  | readonly ['s']
  | readonly ['s', readonly (readonly [string, string])[]]
  | readonly ['s', readonly (readonly [string, string])[], RawPattern]
  | readonly ['w']
  | readonly ['e']
  | readonly ['b']
  | readonly ['d']
  | readonly ['i', string, readonly (readonly [string, string])[]]
  | readonly ['E', readonly string[]]
  | readonly ['U', readonly number[]];

/** Indexes into the schema's `musts`, when a node has any. */
type MustIds = readonly number[];

/**
 * [0 container, name, children, presence, musts?] [1 list, name, keys, children, musts?]
 * [2 leaf, name, type, mandatory, musts?] [3 leaf-list, name, type, musts?] [4 uses, grouping]
 * [5 choice, cases (each a list of nodes)]
 */
export type RawNode =
  | readonly [0, string, readonly RawNode[], 0 | 1, MustIds?]
  | readonly [1, string, string, readonly RawNode[], MustIds?]
  | readonly [2, string, number, 0 | 1, MustIds?]
  | readonly [3, string, number, MustIds?]
  | readonly [4, number]
  | readonly [5, readonly (readonly RawNode[])[]];

/** A compiled `junos:must` (scripts/schema_constraints.py): a path's words, not, and, or. */
export type MustExpr = readonly ['p', readonly string[]] | readonly ['!', MustExpr] | readonly ['&', MustExpr, MustExpr] | readonly ['|', MustExpr, MustExpr];

/** A `junos:must` and its `junos:must-message`. */
export type RawMust = readonly [MustExpr, string];

/** The generator's format this code reads (docs/config-schema.md). */
export const SCHEMA_FORMAT = 2;

export interface RawSchema {
  readonly format: 2;
  readonly musts: readonly RawMust[];
  readonly id: string;
  readonly source: string;
  readonly types: readonly RawType[];
  readonly groupings: readonly (readonly RawNode[])[];
  readonly root: RawNode;
}

export type NodeKind = 'container' | 'list' | 'leaf' | 'leaf-list';
const KINDS: readonly NodeKind[] = ['container', 'list', 'leaf', 'leaf-list'];

const NO_CASES: ReadonlyMap<string, readonly (readonly [number, number])[]> = new Map();

export class SchemaNode {
  readonly kind: NodeKind;
  readonly name: string;
  /** Key leaves of a list, in order. */
  readonly keys: readonly string[];
  /** A leaf Junos refuses to commit without. */
  readonly mandatory: boolean;
  private kids: Map<string, SchemaNode> | undefined;
  /** Per child in a choice: the (choice, case) pairs it belongs to, outermost first. */
  private cases: ReadonlyMap<string, readonly (readonly [number, number])[]> | undefined;
  private excluded: Map<string, readonly string[]> | undefined;
  private ranks: ReadonlyMap<string, number> | undefined;

  constructor(
    readonly owner: Schema,
    private readonly raw: RawNode,
  ) {
    this.kind = KINDS[raw[0]]!;
    this.name = (raw[0] === 5 ? '' : raw[1]) as string;
    this.keys = raw[0] === 1 ? raw[2].split(' ') : [];
    this.mandatory = raw[0] === 2 && raw[3] === 1;
  }

  /** The value type of a leaf or leaf-list. */
  get type(): RawType | undefined {
    return this.raw[0] === 2 || this.raw[0] === 3 ? this.owner.type(this.raw[2]) : undefined;
  }

  /** A container whose mere presence means something (YANG `presence`): it may be empty. */
  get isPresence(): boolean {
    return this.raw[0] === 0 && this.raw[3] === 1;
  }

  /** True for a leaf that takes no value (`type empty`). */
  get isEmptyLeaf(): boolean {
    return this.kind === 'leaf' && this.type?.[0] === 'e';
  }

  /** The `junos:must` constraints of this statement (those the generator kept). */
  get musts(): readonly RawMust[] {
    const r = this.raw;
    const ids = r[0] === 0 || r[0] === 1 || r[0] === 2 ? r[4] : r[0] === 3 ? r[3] : undefined;
    return ids ? ids.map((i) => this.owner.must(i)) : [];
  }

  children(): ReadonlyMap<string, SchemaNode> {
    if (!this.kids) {
      const kids = new Map<string, SchemaNode>();
      const cases = new Map<string, readonly (readonly [number, number])[]>();
      const raw = this.raw[0] === 0 ? this.raw[2] : this.raw[0] === 1 ? this.raw[3] : [];
      let choices = 0;
      const add = (nodes: readonly RawNode[], within: readonly (readonly [number, number])[]): void => {
        for (const n of nodes) {
          if (n[0] === 4) add(this.owner.grouping(n[1]), within);
          else if (n[0] === 5) {
            const choice = choices++;
            n[1].forEach((c, i) => add(c, [...within, [choice, i] as const]));
          } else if (!kids.has(n[1])) {
            kids.set(n[1], this.owner.wrap(n));
            if (within.length > 0) cases.set(n[1], within);
          }
        }
      };
      add(raw, []);
      this.kids = kids;
      // Most statements have no choice: they share one empty map.
      this.cases = cases.size > 0 ? cases : NO_CASES;
    }
    return this.kids;
  }

  /**
   * The children a statement of `name` here removes, as Junos does when one
   * case of a YANG choice is set: the statements of the other cases of every
   * choice it is in.
   */
  exclusiveWith(name: string): readonly string[] {
    this.children();
    const mine = this.cases!.get(name);
    if (!mine) return [];
    this.excluded ??= new Map();
    let out = this.excluded.get(name);
    if (!out) {
      const found: string[] = [];
      for (const [other, theirs] of this.cases!) {
        if (other === name) continue;
        // Same choice, another case: excluded. Same case of every shared choice: compatible.
        if (theirs.some(([ch, cs]) => mine.some(([mch, mcs]) => mch === ch && mcs !== cs))) found.push(other);
      }
      out = found;
      this.excluded.set(name, out);
    }
    return out;
  }

  child(name: string): SchemaNode | undefined {
    return this.children().get(name);
  }

  /**
   * Where Junos shows a child statement among its siblings (lower first):
   * the schema's order with the captured corrections (display-order.ts).
   * Undefined for a name the schema does not have here.
   */
  rank(name: string): number | undefined {
    this.ranks ??= displayRanks(this.name, [...this.children().keys()]);
    return this.ranks.get(name);
  }
}

export class Schema {
  readonly root: SchemaNode;
  private readonly wrapped = new WeakMap<RawNode, SchemaNode>();
  constructor(private readonly raw: RawSchema) {
    this.root = new SchemaNode(this, raw.root);
  }

  /**
   * The one SchemaNode of a generated node. A grouping's nodes appear under
   * every statement that uses it; nodes know no parent, so each is wrapped
   * once however many places reach it.
   */
  wrap(n: RawNode): SchemaNode {
    let w = this.wrapped.get(n);
    if (!w) {
      w = new SchemaNode(this, n);
      this.wrapped.set(n, w);
    }
    return w;
  }

  get id(): string {
    return this.raw.id;
  }

  type(i: number): RawType {
    return this.raw.types[i]!;
  }

  grouping(i: number): readonly RawNode[] {
    return this.raw.groupings[i]!;
  }

  must(i: number): RawMust {
    return this.raw.musts[i]!;
  }
}
