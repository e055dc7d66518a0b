/**
 * What a session asks before it answers an RPC, so a fault plan (or anything
 * else) can change the reply and how it is delivered. The session carries out
 * directives; it does not know why they were given.
 */
import type { FramingMode } from '../framing/decoder.js';
import type { RpcErrorInfo } from '../xml/rpc-error.js';

/** The call being answered. */
export interface InterceptedCall {
  readonly sessionId: number;
  readonly user: string;
  /** Operation element name (`get-config`, `request-snapshot`, `command`). */
  readonly rpc: string;
  /** The CLI text of a `<command>` RPC, trimmed. */
  readonly command?: string;
  readonly messageId?: string;
}

/** A reply to send instead of the handler's. */
export type ReplyOverride =
  /** rpc-errors; with `ok`, followed by `<ok/>` (warnings on a success). */
  | { readonly kind: 'errors'; readonly errors: readonly RpcErrorInfo[]; readonly ok: boolean }
  /** Any fixed content placed inside `<rpc-reply>`. */
  | { readonly kind: 'body'; readonly body: string };

export type Delivery =
  | { readonly kind: 'normal' }
  /** Closes the connection before the reply, after half of it, or inside the frame's data/end marker. */
  | { readonly kind: 'drop'; readonly at: 'before-reply' | 'mid-reply' | 'mid-chunk' }
  /** Never replies; the session stays open (later RPCs queue behind this one). */
  | { readonly kind: 'hang' }
  /** Writes `bytes` at a time, awaiting `pause` between pieces. */
  | { readonly kind: 'drip'; readonly bytes: number; readonly pause: () => Promise<void> };

export interface RpcDirective {
  /** Awaited after the reply is ready and before it is written. */
  readonly wait?: () => Promise<void>;
  /** Replaces the handler: it is not called. */
  readonly reply?: ReplyOverride;
  /** Added to the handler's reply where Junos puts warnings (beside `<ok/>`, or inside the result element). */
  readonly warnings?: readonly RpcErrorInfo[];
  readonly delivery?: Delivery;
}

export interface SessionInterceptor {
  /** Asked once per well-formed RPC, before dispatch. */
  beforeDispatch?(call: InterceptedCall): RpcDirective | undefined;
  /**
   * False when beforeDispatch would give no directive whatever the call (no
   * fault armed): the session then neither builds the call nor asks. Absent
   * means it may direct any call.
   */
  mayDirect?(): boolean;
  /** Sees the raw bytes from the client before the decoder, and may change them. */
  filterInbound?(data: Buffer, framing: FramingMode): Buffer;
}
