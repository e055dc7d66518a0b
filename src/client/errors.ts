/**
 * What the exported NETCONF client throws, as classes a TypeScript test can
 * tell apart with `instanceof` (and `code` for a switch).
 */
import type { XmlElement } from '../xml/element.js';

export type NetconfErrorCode = 'connect' | 'closed' | 'timeout' | 'rpc-error';

export class NetconfError extends Error {
  constructor(
    message: string,
    readonly code: NetconfErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NetconfError';
  }
}

/** The SSH connection or the netconf subsystem could not be opened (refused, login failed, no subsystem). */
export class NetconfConnectError extends NetconfError {
  constructor(message: string, cause?: unknown) {
    super(message, 'connect', { cause });
    this.name = 'NetconfConnectError';
  }
}

/** The server closed the session while a reply was awaited. */
export class NetconfClosedError extends NetconfError {
  constructor(message = 'the NETCONF session was closed') {
    super(message, 'closed');
    this.name = 'NetconfClosedError';
  }
}

export class NetconfTimeoutError extends NetconfError {
  constructor(message: string) {
    super(message, 'timeout');
    this.name = 'NetconfTimeoutError';
  }
}

/** One `<rpc-error>` of a reply (RFC 6241 section 4.3). */
export interface RpcErrorInfo {
  type: string;
  tag: string;
  severity: string;
  message: string;
  /** `<bad-element>` of `<error-info>`, when there is one. */
  badElement?: string;
}

/** A reply with an `<rpc-error>` of severity error, from `call()`. */
export class NetconfRpcError extends NetconfError {
  constructor(
    readonly errors: RpcErrorInfo[],
    readonly reply: string,
  ) {
    super(errors.map((e) => e.message || e.tag).join('; ') || 'rpc-error', 'rpc-error');
    this.name = 'NetconfRpcError';
  }
}

/** The `<rpc-error>`s of a parsed reply, whatever prefix they carry. */
export function rpcErrorsOf(reply: XmlElement): RpcErrorInfo[] {
  const text = (el: XmlElement, name: string): string => el.children.find((c) => c.name === name)?.text.trim() ?? '';
  return reply.children
    .filter((c) => c.name === 'rpc-error')
    .map((e) => {
      const info: RpcErrorInfo = { type: text(e, 'error-type'), tag: text(e, 'error-tag'), severity: text(e, 'error-severity'), message: text(e, 'error-message') };
      const bad = e.children.find((c) => c.name === 'error-info')?.children.find((c) => c.name === 'bad-element')?.text.trim();
      if (bad !== undefined) info.badElement = bad;
      return info;
    });
}
