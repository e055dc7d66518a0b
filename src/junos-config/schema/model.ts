/**
 * A configuration schema generated from Juniper's YANG
 * (scripts/gen-config-schema.py, format in docs/config-schema.md), read
 * lazily: a node's children are resolved (groupings expanded, choices
 * flattened) the first time someone asks for them, so a schema costs memory
 * for the parts of the hierarchy devices actually use. One Schema object
 * serves every device of its release family.
 */

/** A value type, as the generator writes it. */
export type RawType =
  | readonly ['s']
  | readonly ['s', readonly (readonly [string, string])[]]
  | readonly ['w']
  | readonly ['e']
  | readonly ['b']
  | readonly ['d']
  | readonly ['i', string, readonly (readonly [string, string])[]]
  | readonly ['E', readonly string[]]
  | readonly ['U', readonly number[]];

/** [0 container, name, children, presence] [1 list, name, keys, children] [2 leaf, name, type, mandatory] [3 leaf-list, name, type] [4 uses, grouping] */
export type RawNode =
  | readonly [0, string, readonly RawNode[], 0 | 1]
  | readonly [1, string, string, readonly RawNode[]]
  | readonly [2, string, number, 0 | 1]
  | readonly [3, string, number]
  | readonly [4, number];

export interface RawSchema {
  readonly format: 1;
  readonly id: string;
  readonly source: string;
  readonly types: readonly RawType[];
  readonly groupings: readonly (readonly RawNode[])[];
  readonly root: RawNode;
}

export type NodeKind = 'container' | 'list' | 'leaf' | 'leaf-list';
const KINDS: readonly NodeKind[] = ['container', 'list', 'leaf', 'leaf-list'];

export class SchemaNode {
  readonly kind: NodeKind;
  readonly name: string;
  /** Key leaves of a list, in order. */
  readonly keys: readonly string[];
  /** A leaf Junos refuses to commit without. */
  readonly mandatory: boolean;
  private kids: Map<string, SchemaNode> | undefined;

  constructor(
    readonly owner: Schema,
    private readonly raw: RawNode,
  ) {
    this.kind = KINDS[raw[0]]!;
    this.name = raw[1] as string;
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

  children(): ReadonlyMap<string, SchemaNode> {
    if (!this.kids) {
      const kids = new Map<string, SchemaNode>();
      const raw = this.raw[0] === 0 ? this.raw[2] : this.raw[0] === 1 ? this.raw[3] : [];
      const add = (nodes: readonly RawNode[]): void => {
        for (const n of nodes) {
          if (n[0] === 4) add(this.owner.grouping(n[1]));
          else if (!kids.has(n[1])) kids.set(n[1], this.owner.wrap(n));
        }
      };
      add(raw);
      this.kids = kids;
    }
    return this.kids;
  }

  child(name: string): SchemaNode | undefined {
    return this.children().get(name);
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
}
