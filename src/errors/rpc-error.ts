import type { TagAndType } from './tags.js';

export type ErrorSeverity = 'error' | 'warning';

/**
 * One `<rpc-error>` as Junos shapes it. Junos often omits error-type and
 * error-tag; when they are there, they are a pair RFC 6241 allows.
 */
export type RpcErrorInfo = TagAndType & {
  readonly severity: ErrorSeverity;
  readonly message: string;
  /** Children of `<error-info>`, in order, e.g. [['bad-element', 'get-test']]. */
  readonly info?: ReadonlyArray<readonly [string, string]>;
  readonly path?: string;
};

/**
 * Thrown by parsers, handlers and the engine's callers; the dispatcher turns
 * it into `<rpc-error>` elements. Build it with the catalogue (catalogue.ts).
 */
export class RpcError extends Error {
  readonly errors: readonly RpcErrorInfo[];
  constructor(errors: RpcErrorInfo | readonly RpcErrorInfo[]) {
    const list: readonly RpcErrorInfo[] = Array.isArray(errors) ? (errors as readonly RpcErrorInfo[]) : [errors as RpcErrorInfo];
    super(list.map((e) => e.message).join('; '));
    this.errors = list;
  }
}

/**
 * Errors Junos writes inside the operation's result element rather than
 * beside it: a refused load is `<load-configuration-results><rpc-error>...`
 * (PyEZ's load-configuration-error.xml fixture).
 */
export class RpcErrorInside extends RpcError {
  constructor(
    errors: readonly RpcErrorInfo[],
    readonly element: string,
    /** XML written after the errors inside the element (`<load-error-count>2</load-error-count>`). */
    readonly trailer: string = '',
  ) {
    super(errors);
  }
}
