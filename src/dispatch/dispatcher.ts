/**
 * From an operation element to what goes inside `<rpc-reply>`: the handler
 * by name, the login-class check, the output format, and every failure turned
 * into rpc-errors in one place. The session around it knows nothing of
 * handlers; handlers know nothing of sessions beyond their SessionView.
 */
import type { DeviceRuntime } from '../device/runtime.js';
import type { LoginClasses } from '../session/login-class.js';
import type { XmlElement } from '../xml/element.js';
import { okXml } from '../render/rpc-reply.js';
import { internalError, invalidValue, permissionDenied, syntaxError } from '../errors/catalogue.js';
import { domainError } from '../errors/domain.js';
import { RpcError, RpcErrorInside, type RpcErrorInfo } from '../errors/rpc-error.js';
import { durably } from './durable.js';
import { outputFormat, type FormatChoice } from './formats.js';
import type { RpcRegistry } from './registry.js';
import { permissionOf, type RpcContext, type RpcReply, type SessionView } from './types.js';

/** What the envelope carries: rpc-errors first, then the body (none when an error has severity error and the body is `<ok/>`). */
export interface Outcome {
  readonly errors: readonly RpcErrorInfo[];
  readonly body: string;
  /** The body is `<ok/>`, which an error of severity error replaces. */
  readonly okBody: boolean;
  /** The client asked to end the session (close-session, request-end-session). */
  readonly endSession: boolean;
  /** The errors go inside this element, which is then the whole body (`load-configuration-results`). */
  readonly errorsInside?: string;
}

export interface DispatcherOptions {
  registry: RpcRegistry;
  classes: LoginClasses;
  device: DeviceRuntime;
  /** The NETCONF element prefix of replies: '' or 'nc:' (rfc-compliant). */
  prefix: string;
  /** Sees failures that are bugs, not refusals; the client is told "internal error". */
  onInternalError?: (err: unknown) => void;
}


interface SessionFunctions {
  readonly session: SessionView;
  readonly invoke: RpcContext['invoke'];
  readonly invokeMinified: RpcContext['invoke'];
  readonly may: RpcContext['may'];
}

export class Dispatcher {
  private functions: SessionFunctions | undefined;

  constructor(private readonly o: DispatcherOptions) {}

  /** Runs one operation for a session; never rejects. */
  run(op: XmlElement, session: SessionView): Promise<Outcome> {
    return Promise.resolve(this.runNow(op, session));
  }

  /**
   * As run(), but a handler that answered at once (a cached get-config, most
   * reads) gives its outcome at once, with no promise: the NETCONF session's
   * lock-step path. Never throws.
   */
  runNow(op: XmlElement, session: SessionView): Outcome | Promise<Outcome> {
    let r: Promise<RpcReply> | RpcReply;
    try {
      r = this.invoke(op, session);
    } catch (err) {
      return this.failed(err);
    }
    if (typeof (r as { then?: unknown }).then !== 'function') return this.outcome(r as RpcReply);
    return Promise.resolve(r).then(
      (x) => this.outcome(x),
      (err: unknown) => this.failed(err),
    );
  }

  private failed(err: unknown): Outcome {
    if (err instanceof RpcErrorInside) return { errors: err.errors, body: err.trailer, okBody: false, endSession: false, errorsInside: err.element };
    return { errors: this.errorsOf(err), body: '', okBody: false, endSession: false };
  }

  /** `forced` is set when `<command>` runs the RPC its CLI words map to (ctx.invoke). */
  private invoke(op: XmlElement, session: SessionView, forced?: FormatChoice): Promise<RpcReply> | RpcReply {
    const handler = this.o.registry.find(op.name);
    if (!handler) throw syntaxError(op.name);
    const permission = permissionOf(handler);
    if (permission !== 'any-user' && !this.o.classes.allows(session.userClass, permission)) {
      throw permissionDenied(op.name);
    }
    let f = forced;
    if (!f) {
      const fmtChild = handler.formatIsLeaf ? undefined : op.children.find((c) => c.name === 'format');
      const fmt = op.attrs['format'] ?? fmtChild?.text.trim() ?? 'xml';
      f = outputFormat(fmt) ?? (handler.ownsFormat ? outputFormat('xml') : undefined);
      if (!f) throw invalidValue(fmt, 'format');
    }
    const minified = f.minified;
    const own = this.ownFunctions(session);
    const ctx: RpcContext = {
      session,
      device: this.o.device,
      format: f.format,
      minified,
      prefix: this.o.prefix,
      invoke: minified ? own.invokeMinified : own.invoke,
      may: own.may,
    };
    return durably(this.o.device, () => handler.handle(op, ctx));
  }

  /** The context's functions for `session`, made once per session rather than per RPC (a dispatcher serves one session). */
  private ownFunctions(session: SessionView): SessionFunctions {
    let fns = this.functions;
    if (fns?.session !== session) {
      fns = {
        session,
        invoke: async (inner, format) => this.invoke(inner, session, { format, minified: false }),
        invokeMinified: async (inner, format) => this.invoke(inner, session, { format, minified: true }),
        may: (p) => this.o.classes.allows(session.userClass, p),
      };
      this.functions = fns;
    }
    return fns;
  }

  private outcome(r: RpcReply): Outcome {
    switch (r.kind) {
      case 'ok':
        return { errors: r.warnings ?? [], body: okXml(this.o.prefix), okBody: true, endSession: r.endSession === true };
      case 'body':
        return { errors: r.warnings ?? [], body: r.body, okBody: false, endSession: r.endSession === true };
      case 'partial':
        return { errors: r.errors, body: r.body, okBody: false, endSession: false };
    }
  }

  private errorsOf(err: unknown): readonly RpcErrorInfo[] {
    if (err instanceof RpcError) return err.errors;
    const mapped = domainError(err);
    if (mapped) return mapped.errors;
    this.o.onInternalError?.(err);
    return internalError().errors;
  }
}
