/**
 * Refusals from the engine. Handlers turn them into `<rpc-error>`; the engine
 * itself stays free of wire concerns.
 */
export class SnapshotRefusal extends Error {
  /** Set when Junos would name an offending element (`bad-element`). */
  readonly badElement: string | undefined;
  /** Further error messages reported together with this one. */
  readonly more: readonly string[];
  constructor(message: string, opts: { badElement?: string; more?: readonly string[] } = {}) {
    super(message);
    this.name = 'SnapshotRefusal';
    this.badElement = opts.badElement;
    this.more = opts.more ?? [];
  }
}

/** Exactly the spec's text. */
export const MIRROR_REFUSAL = 'Snapshot is not possible since mirror-flash-on-disk is configured.';
