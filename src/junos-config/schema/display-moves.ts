/**
 * Where Junos's display order differs from the order of Juniper's YANG, as
 * real devices show it (docs/statement-order.md). In every statement called
 * `parent`, at any depth, `name` is shown right after `after` (null: first,
 * after the list keys). Rows apply one after another to the schema's order.
 */
export interface DisplayMove {
  readonly parent: string;
  readonly name: string;
  readonly after: string | null;
}

export const DISPLAY_MOVES: readonly DisplayMove[] = [];
