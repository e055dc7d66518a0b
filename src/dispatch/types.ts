import type { XmlElement } from '../xml/element.js';
import type { RpcErrorInfo } from '../xml/rpc-error.js';
import type { DeviceRuntime } from '../device/runtime.js';
import type { Permission, RpcGrammar, RpcPermission } from '../grammar/types.js';

/** Output format requested with `format=` (ascii is text; the -minified forms keep their base). */
export type OutputFormat = 'xml' | 'text' | 'json';

/** What a handler knows about the session that called it. */
export interface SessionView {
  readonly id: number;
  readonly user: string;
  readonly userClass: string;
  /** The routing engine this session is logged in to (`re0`, `re1`). */
  readonly routingEngine: string;
  /** True when the client's connection is gone (the work may go on regardless). */
  readonly closed: boolean;
  /**
   * Set by a CLI session while it runs a command in text: long operations
   * hand it their CLI text as the work proceeds, and the reply's text starts
   * with what they handed. NETCONF sessions leave it unset.
   */
  readonly progress?: (text: string) => void;
  /**
   * The CLI working directory (`set cli directory`, `<set-cli-working-directory>`):
   * relative paths of the file RPCs start here. Unset is the user's home, where
   * Junos starts every session. It lives on the session object, so it ends with it.
   */
  workingDirectory?: string;
}

export interface RpcContext {
  readonly session: SessionView;
  /** The NETCONF element prefix of this session's replies: '' or 'nc:' (rfc-compliant). */
  readonly prefix: string;
  readonly device: DeviceRuntime;
  readonly format: OutputFormat;
  /** `json-minified` / `xml-minified` asked for output without indentation. */
  readonly minified: boolean;
  /**
   * Runs another operation in this session with its own permission check, in
   * the given format: how `<command>` reaches the RPC its CLI words map to.
   * Absent in handler unit tests that never nest.
   */
  readonly invoke?: (op: XmlElement, format: OutputFormat) => Promise<RpcReply>;
  /**
   * Whether the session's login class holds a permission, for checks that
   * depend on the request (another user's session, a configuration
   * hierarchy). Absent in handler unit tests: everything is allowed there.
   */
  readonly may?: (permission: Permission) => boolean;
}

/**
 * What a handler returns. `body` is XML placed directly inside `<rpc-reply>`;
 * warnings may accompany a body (Junos sends them as sibling rpc-errors).
 */
export type RpcReply =
  | { readonly kind: 'ok'; readonly warnings?: readonly RpcErrorInfo[]; readonly endSession?: boolean }
  | { readonly kind: 'body'; readonly body: string; readonly warnings?: readonly RpcErrorInfo[]; readonly endSession?: boolean }
  /** Errors that come with partial data (one RE unreachable in a multi-RE reply). */
  | { readonly kind: 'partial'; readonly body: string; readonly errors: readonly RpcErrorInfo[] };

interface RpcHandlerBase {
  /** Operation element local name; the registry dispatches on it. */
  readonly name: string;
  /**
   * True where `<format>` is the operation's own leaf (get-schema's `yang`),
   * not the output format Junos reads from a `format` child elsewhere.
   */
  readonly formatIsLeaf?: boolean;
  /** True where the handler reads the `format` attribute itself (get-configuration's `set`). */
  readonly ownsFormat?: boolean;
  /** Throw RpcError for failures. */
  handle(op: XmlElement, ctx: RpcContext): Promise<RpcReply> | RpcReply;
}

/**
 * A handler names its permission exactly once: through its grammar (which
 * also gives its options, CLI words, `?` help and YANG), or, for an RPC
 * without one (the NETCONF base operations, configuration RPCs), itself.
 */
export type RpcHandler = RpcHandlerBase &
  ({ readonly grammar: RpcGrammar; readonly permission?: never } | { readonly grammar?: never; readonly permission: RpcPermission });

/** The permission the dispatcher checks for a handler. */
export function permissionOf(h: RpcHandler): RpcPermission {
  return h.grammar ? h.grammar.permission : h.permission!;
}
