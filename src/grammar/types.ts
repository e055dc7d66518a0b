import type { KNOWN_PERMISSIONS } from '../session/login-class.js';
/**
 * The option grammar of an RPC: one declaration serves the RPC parser, the CLI
 * parser for `<command>`, validation and the YANG module.
 */

/** Platform families the emulator models; options can be limited to some. */
export type Platform = 'mx' | 'txmatrix' | 'txmatrix-plus' | 'j-series' | 'ex' | 'srx-branch';

export const ALL_PLATFORMS: readonly Platform[] = ['mx', 'txmatrix', 'txmatrix-plus', 'j-series', 'ex', 'srx-branch'];

/**
 * What one device accepts now: its platform, and for the RPCs whose options
 * depend on the running release, the leaves that release has (its release
 * family row, src/engine/releases). An RPC not listed takes every leaf of
 * the platform.
 */
export interface Dialect {
  readonly platform: Platform;
  readonly leaves: Readonly<Record<string, readonly string[]>>;
}

/** The platform of a bare platform name or a dialect. */
export function platformName(on: Platform | Dialect): Platform {
  return typeof on === 'string' ? on : on.platform;
}

export type LeafType =
  | { readonly kind: 'empty' }
  | { readonly kind: 'string' }
  | { readonly kind: 'uint'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

export interface LeafSpec {
  /** Element name in the RPC, and keyword in the CLI. */
  readonly name: string;
  readonly type: LeafType;
  /** One line, as the CLI's `?` help would show it. */
  readonly description: string;
  /** Where absent, the leaf exists on every platform. */
  readonly platforms?: readonly Platform[];
  /** Placeholder for the value in CLI help and docs (`size`, `number`, `type`). */
  readonly valueName?: string;
  /** Leaves sharing a group are mutually exclusive (a YANG choice). */
  readonly group?: string;
  /**
   * The CLI takes the value without the keyword (`request system software add
   * PACKAGE`); the keyword form is accepted as well.
   */
  readonly positional?: boolean;
}

/** A Junos login-class permission flag. */
export type Permission = (typeof KNOWN_PERMISSIONS)[number];

/**
 * Who may call an RPC: holders of a permission flag, or every logged-in user
 * (`any-user`: close-session, `<command>` whose inner RPC checks its own).
 */
export type RpcPermission = Permission | 'any-user';

export interface RpcGrammar {
  /** Operation element name, e.g. `request-snapshot`. */
  readonly rpc: string;
  /** The CLI words that run it, e.g. ['request', 'system', 'snapshot']. */
  readonly cli: readonly string[];
  readonly description: string;
  /** Login-class permission needed to run it: the one place an RPC with a grammar declares it. */
  readonly permission: RpcPermission;
  /** Where absent, the command exists on every platform. */
  readonly platforms?: readonly Platform[];
  readonly leaves: readonly LeafSpec[];
}

/** Parsed options: leaf name to value; empty leaves map to `true`. */
export type ParsedOptions = ReadonlyMap<string, string | true>;
