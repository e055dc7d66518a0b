import type { DeviceRuntime } from '../device/runtime.js';
import { Dispatcher, type Outcome } from '../dispatch/dispatcher.js';
import type { RpcRegistry } from '../dispatch/registry.js';
import type { SessionView } from '../dispatch/types.js';
import type { FramingMode } from '../framing/decoder.js';
import { FramingError, NetconfDecoder } from '../framing/decoder.js';
import { frameHello } from '../framing/encoder.js';
import type { XmlElement } from '../xml/element.js';
import type { ParseLimits } from '../xml/parse.js';
import { parseXml, rawRootAttributes, XmlParseError } from '../xml/parse.js';
import { malformedMessage, missingMessageId, syntaxError } from '../errors/catalogue.js';
import type { RpcError } from '../errors/rpc-error.js';
import { okXml, rpcReplyXml, type ReplyEcho } from '../render/rpc-reply.js';
import { NETCONF_NS } from '../xml/writer.js';
import { BASE_1_1, clientCapabilities, renderServerHello } from './hello.js';
import type { LoginClasses } from './login-class.js';
import type { ReplyOverride, RpcDirective, SessionInterceptor } from './interceptor.js';
import type { SessionHandle } from './registry.js';
import { ReplyWriter, type SessionTransport } from './reply-writer.js';
import { withWarnings } from './warnings.js';

export type { SessionTransport } from './reply-writer.js';

export type TrafficDirection = 'in' | 'out';

export interface SessionOptions {
  id: number;
  user: string;
  userClass: string;
  routingEngine: string;
  remoteAddress: string;
  device: DeviceRuntime;
  registry: RpcRegistry;
  classes: LoginClasses;
  rfcCompliant: boolean;
  version11: boolean;
  extraCapabilities: readonly string[];
  maxMessageBytes: number;
  /** RPCs received and not yet answered before the session stops reading. */
  maxPendingRpcs: number;
  parseLimits: ParseLimits;
  /** Closes the session if no client hello arrived this long after the server hello. */
  helloTimeoutMs?: number;
  /** Sees every message in and out, after de-framing / before framing. */
  onTraffic?: (session: NetconfSession, dir: TrafficDirection, xml: string, framing: FramingMode) => void;
  onEnd?: (session: NetconfSession, reason: string) => void;
  /** The session stopped (or started again) reading the client's bytes, and why. */
  onFlowControl?: (session: NetconfSession, paused: boolean, why: string) => void;
  onInternalError?: (err: unknown) => void;
  /** Asked before each RPC is answered (fault injection). */
  interceptor?: SessionInterceptor;
}

/** The chain of a session with nothing pending. */
const SETTLED: Promise<void> = Promise.resolve();

/**
 * One NETCONF session's protocol: hello exchange, framing choice, strictly
 * ordered RPC processing, the `<rpc-reply>` envelope and flow control. What
 * an operation does is the dispatcher's business; how bytes leave is the
 * reply writer's. It owns no socket; the transport layer feeds it bytes.
 */
export class NetconfSession implements SessionHandle, SessionView {
  readonly id: number;
  readonly user: string;
  readonly userClass: string;
  readonly routingEngine: string;
  readonly remoteAddress: string;
  readonly startedAt = new Date();
  /** `<set-cli-working-directory>`: unset is the user's home. */
  workingDirectory?: string;
  private readonly o: SessionOptions;
  private readonly decoder: NetconfDecoder;
  private readonly writer: ReplyWriter;
  private readonly dispatcher: Dispatcher;
  private readonly transport: SessionTransport;
  private helloDone = false;
  private helloTimer: NodeJS.Timeout | undefined;
  private ended = false;
  private chain: Promise<void> = Promise.resolve();
  /** RPCs received and not yet answered, and their size: bounded by the limits. */
  private pending = 0;
  private pendingBytes = 0;
  private inputPaused = false;
  /** A framing error: nothing more is read; the session ends once its pending replies are out. */
  private inputBroken = false;
  /** Replies written so far, for the control API and tests. */
  rpcCount = 0;
  /** Bytes received from the client (framing included). */
  bytesIn = 0;
  private endWaiters: Array<() => void> = [];

  constructor(transport: SessionTransport, o: SessionOptions) {
    this.transport = transport;
    this.o = o;
    this.id = o.id;
    this.user = o.user;
    this.userClass = o.userClass;
    this.routingEngine = o.routingEngine;
    this.remoteAddress = o.remoteAddress;
    this.decoder = new NetconfDecoder({
      maxMessageBytes: o.maxMessageBytes,
      onMessage: (xml) => this.onMessage(xml),
      onError: (err) => this.onFramingError(err),
    });
    this.writer = new ReplyWriter(transport, {
      onMessage: (xml, framing) => o.onTraffic?.(this, 'out', xml, framing),
      onBlocked: (blocked) => (blocked ? this.pauseInput('replies not read by the client') : this.maybeResumeInput()),
      onDropped: () => this.finish('connection dropped (fault)', false),
    });
    this.dispatcher = new Dispatcher({
      registry: o.registry,
      classes: o.classes,
      device: o.device,
      prefix: this.prefix,
      onInternalError: o.onInternalError,
    });
  }

  get closed(): boolean {
    return this.ended;
  }

  get prefix(): string {
    return this.o.rfcCompliant ? 'nc:' : '';
  }

  /** Bytes sent to the client (framing included). */
  get bytesOut(): number {
    return this.writer.bytesOut;
  }

  /** Sends the server hello; the device speaks first, as Junos does. */
  start(): void {
    this.o.device.sessions.add(this);
    const hello = renderServerHello({
      sessionId: this.id,
      user: this.user,
      userClass: this.userClass,
      rfcCompliant: this.o.rfcCompliant,
      version11: this.o.version11,
      extraCapabilities: this.o.extraCapabilities,
    });
    this.writer.send(hello, frameHello(hello, this.o.rfcCompliant && this.o.version11));
    const wait = this.o.helloTimeoutMs;
    if (wait !== undefined && !this.helloDone && !this.ended) {
      this.helloTimer = setTimeout(() => this.finish(`no client hello within ${wait} ms`, true), wait);
      this.helloTimer.unref();
    }
  }

  receive(data: Buffer): void {
    if (this.ended || this.inputBroken) return;
    this.bytesIn += data.length;
    const filter = this.o.interceptor?.filterInbound;
    this.decoder.push(filter ? filter(data, this.decoder.mode) : data);
  }

  /** The transport went away under us (client closed, network drop). */
  transportClosed(): void {
    this.finish('transport closed', false);
  }

  terminate(reason: string): void {
    this.finish(reason, true);
  }

  private finish(reason: string, endTransport: boolean): void {
    if (this.ended) return;
    this.ended = true;
    this.writer.close();
    clearTimeout(this.helloTimer);
    this.o.device.sessions.remove(this.id);
    this.o.device.locks.releaseAll(this.id);
    if (endTransport) this.transport.end();
    for (const w of this.endWaiters.splice(0)) w();
    this.o.onEnd?.(this, reason);
  }

  /** Resolves when the session ends. */
  private whenEnded(): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve) => this.endWaiters.push(resolve));
  }

  /**
   * No message boundary is left to answer at, so the session ends; but the
   * RPCs received whole before the broken frame are answered first, in order.
   */
  private onFramingError(err: FramingError): void {
    this.o.onInternalError?.(err);
    this.inputBroken = true;
    const reason = `framing error: ${err.message}`;
    if (this.pending === 0) this.finish(reason, true);
    else void this.chain.then(() => this.finish(reason, true));
  }

  private pauseInput(why: string): void {
    if (this.inputPaused || !this.transport.pauseInput) return;
    this.inputPaused = true;
    this.transport.pauseInput();
    this.o.onFlowControl?.(this, true, why);
  }

  /** Reads again once replies flow and the queue is down to half its limit. */
  private maybeResumeInput(): void {
    if (!this.inputPaused || this.writer.isBlocked || this.ended) return;
    if (this.pending > this.o.maxPendingRpcs / 2 || this.pendingBytes > this.o.maxMessageBytes / 2) return;
    this.inputPaused = false;
    this.transport.resumeInput?.();
    this.o.onFlowControl?.(this, false, `${this.pending} RPCs pending`);
  }

  private onMessage(xml: string): void {
    this.o.onTraffic?.(this, 'in', xml, this.decoder.mode);
    if (!this.helloDone) {
      this.onClientHello(xml);
      return;
    }
    const size = xml.length;
    this.pending++;
    this.pendingBytes += size;
    if (this.pending >= this.o.maxPendingRpcs || this.pendingBytes >= this.o.maxMessageBytes) {
      this.pauseInput(`${this.pending} RPCs pending (${this.pendingBytes} bytes)`);
    }
    // Replies go out in request order: an RPC starts only when the one before
    // has written its reply. With none pending, it starts at once (lock-step
    // clients, the common case, skip a promise hop and a closure per RPC).
    const answered = this.pending === 1 ? this.answer(xml, size) : this.chain.then(() => this.answer(xml, size));
    this.chain = answered ?? SETTLED;
  }

  /**
   * Answers one RPC once the client reads the replies before it; never
   * rejects. An RPC whose handler answered at once (a cached get-config)
   * is written before this returns, with no promise (undefined).
   */
  private answer(xml: string, size: number): Promise<void> | undefined {
    let work: Promise<void> | undefined;
    try {
      // A reply waits while the client is not reading the ones before it.
      work = this.writer.isBlocked ? this.writer.untilDrained().then(() => this.handleRpc(xml)) : this.handleRpc(xml);
    } catch (err) {
      this.internalError(err);
    }
    if (!work) {
      this.answered(size);
      return undefined;
    }
    return work.then(
      () => this.answered(size),
      (err: unknown) => {
        this.internalError(err);
        this.answered(size);
      },
    );
  }

  /**
   * The dispatcher turns every failure into rpc-errors; what is left is a
   * bug in the envelope itself. One reply or a clean close, never silence.
   */
  private internalError(err: unknown): void {
    this.o.onInternalError?.(err);
    this.finish('internal error', true);
  }

  private answered(size: number): void {
    this.pending--;
    this.pendingBytes -= size;
    this.maybeResumeInput();
  }

  private onClientHello(xml: string): void {
    let caps: string[];
    try {
      caps = clientCapabilities(parseXml(xml, this.o.parseLimits));
    } catch (err) {
      this.o.onInternalError?.(err);
      this.finish('no valid client hello', true);
      return;
    }
    this.helloDone = true;
    clearTimeout(this.helloTimer);
    if (this.o.rfcCompliant && this.o.version11 && caps.includes(BASE_1_1)) {
      this.decoder.mode = 'chunked';
      this.writer.mode = 'chunked';
    }
  }

  /** Undefined when the reply is already written. */
  private handleRpc(xml: string): Promise<void> | undefined {
    if (this.ended) return undefined;
    const echo = this.echoAttributes(xml);
    let root: XmlElement;
    try {
      root = parseXml(xml, this.o.parseLimits);
    } catch (err) {
      const msg = err instanceof XmlParseError ? err.message : String(err);
      return this.refuse(echo, malformedMessage(msg));
    }
    if (root.name !== 'rpc') return this.refuse(echo, syntaxError(root.name));
    if (root.attrs['message-id'] === undefined) return this.refuse(echo, missingMessageId());
    const op = root.children[0];
    if (!op) return this.refuse(echo, syntaxError('rpc'));
    const icpt = this.o.interceptor;
    const directive = icpt?.beforeDispatch && icpt.mayDirect?.() !== false ? icpt.beforeDispatch({
      sessionId: this.id,
      user: this.user,
      rpc: op.name,
      command: op.name === 'command' ? op.text.trim() : undefined,
      messageId: root.attrs['message-id'],
    }) : undefined;
    const outcome = directive?.reply ? this.overridden(directive.reply) : this.dispatcher.runNow(op, this);
    return outcome instanceof Promise ? outcome.then((o) => this.replyWith(echo, o, directive)) : this.replyWith(echo, outcome, directive);
  }

  private replyWith(echo: ReplyEcho, outcome: Outcome, directive: RpcDirective | undefined): Promise<void> | undefined {
    if (directive?.warnings) outcome = withWarnings(outcome, directive.warnings, this.prefix);
    const sent = this.reply(echo, outcome, directive);
    if (!outcome.endSession) return sent;
    if (!sent) {
      this.finish('session closed by client', true);
      return undefined;
    }
    return sent.then(() => this.finish('session closed by client', true));
  }

  private refuse(echo: ReplyEcho, e: RpcError): Promise<void> | undefined {
    return this.reply(echo, { errors: e.errors, body: '', okBody: false, endSession: false });
  }

  /** A fault plan's reply in place of the handler's. */
  private overridden(r: ReplyOverride): Outcome {
    if (r.kind === 'body') return { errors: [], body: r.body, okBody: false, endSession: false };
    return { errors: r.errors, body: r.ok ? okXml(this.prefix) : '', okBody: true, endSession: false };
  }

  /**
   * The client's rpc attributes, echoed byte for byte minus the namespaces
   * the reply declares itself. Junos writes `xmlns:junos` and then the
   * client's attributes in the client's order, its default namespace among
   * them (18.4R3 replay, 20.3R0 and 20.4R0 traces, where `message-id` comes
   * before `xmlns`); it declares the NETCONF namespace itself, ahead of
   * `xmlns:junos`, only when the client did not (ncclient's `nc:rpc` in
   * py-junos-eznc#922 and ncclient#44, netconf-perl's bare `<rpc>`, 18.2R1's).
   * An rfc-compliant Junos declares `xmlns:nc` first and echoes the rest
   * (18.3R3 capture).
   */
  private echoAttributes(xml: string): ReplyEcho {
    let attrs = '';
    let ownDefault = true;
    for (const a of rawRootAttributes(xml)) {
      if (a.qname === 'xmlns:junos') continue;
      if (this.o.rfcCompliant && a.qname === 'xmlns:nc') continue;
      if (!this.o.rfcCompliant && a.qname === 'xmlns') {
        // Another default namespace would move the reply out of NETCONF's: Junos's own takes its place.
        // a.raw is xmlns="..." (or '...'): the value is NETCONF's when it is exactly that between the quotes.
        if (a.raw.length !== NETCONF_NS.length + 8 || !a.raw.startsWith(NETCONF_NS, 7)) continue;
        ownDefault = false;
      }
      attrs += ` ${a.raw}`;
    }
    return { attrs, ownDefault };
  }

  /** Writes the reply at once (undefined), or as a fault directive says. */
  private reply(echo: ReplyEcho, outcome: Outcome, directive?: RpcDirective): Promise<void> | undefined {
    const s = rpcReplyXml(this.prefix, this.o.device.release(), echo, outcome);
    this.rpcCount++;
    if (!directive) {
      this.writer.send(s);
      return undefined;
    }
    return this.deliverDirected(s, directive);
  }

  private async deliverDirected(s: string, directive: RpcDirective): Promise<void> {
    await directive.wait?.();
    await this.writer.deliver(s, directive.delivery ?? { kind: 'normal' }, () => this.whenEnded());
  }
}
