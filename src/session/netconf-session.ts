import type { DeviceRuntime } from '../device/runtime.js';
import type { FramingMode } from '../framing/decoder.js';
import { FramingError, NetconfDecoder } from '../framing/decoder.js';
import { frameHello, frameMessage } from '../framing/encoder.js';
import type { XmlElement } from '../xml/element.js';
import type { ParseLimits } from '../xml/parse.js';
import { parseXml, rawRootAttributes, XmlParseError } from '../xml/parse.js';
import type { RpcErrorInfo } from '../xml/rpc-error.js';
import { permissionDenied, renderRpcError, RpcError, syntaxError } from '../xml/rpc-error.js';
import type { RpcRegistry } from '../../rpc/registry.js';
import type { OutputFormat, RpcContext, RpcReply, SessionView } from '../../rpc/types.js';
import { BASE_1_1, clientCapabilities, NETCONF_NS, renderServerHello } from './hello.js';
import type { LoginClasses } from './login-class.js';
import type { Delivery, RpcDirective, SessionInterceptor } from './interceptor.js';
import type { SessionHandle } from './registry.js';

/** The byte pipe under a session: an SSH channel in production, anything in tests. */
export interface SessionTransport {
  /** False when the peer is not taking bytes as fast as they come: wait for onceDrained. */
  write(data: Buffer): boolean | void;
  /** Ends the stream after queued bytes are sent. */
  end(): void;
  /** Cuts the connection at once, as a network failure would (fault injection). */
  drop?(): void;
  /** Stops delivering the client's bytes: on SSH the channel window then closes. */
  pauseInput?(): void;
  resumeInput?(): void;
  /** Calls back once the bytes written so far have gone out. */
  onceDrained?(cb: () => void): void;
}

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

const FORMATS: Record<string, { format: OutputFormat; minified: boolean }> = {
  xml: { format: 'xml', minified: false },
  'xml-minified': { format: 'xml', minified: true },
  text: { format: 'text', minified: false },
  ascii: { format: 'text', minified: false },
  json: { format: 'json', minified: false },
  'json-minified': { format: 'json', minified: true },
};

/**
 * One NETCONF session: hello exchange, framing choice, strictly ordered RPC
 * processing, replies. It owns no socket; the transport layer feeds it bytes.
 */
export class NetconfSession implements SessionHandle, SessionView {
  readonly id: number;
  readonly user: string;
  readonly userClass: string;
  readonly routingEngine: string;
  readonly remoteAddress: string;
  readonly startedAt = new Date();
  private readonly o: SessionOptions;
  private readonly decoder: NetconfDecoder;
  private outMode: FramingMode = 'eom';
  private helloDone = false;
  private helloTimer: NodeJS.Timeout | undefined;
  private ended = false;
  private chain: Promise<void> = Promise.resolve();
  /** RPCs received and not yet answered, and their size: bounded by the limits. */
  private pending = 0;
  private pendingBytes = 0;
  /** A write was refused by the transport and has not drained yet. */
  private outBlocked = false;
  private drainWaiters: Array<() => void> = [];
  private inputPaused = false;
  private transport: SessionTransport;
  /** Replies written so far, for tests and the request log. */
  rpcCount = 0;
  /** Bytes received from and sent to the client (framing included). */
  bytesIn = 0;
  bytesOut = 0;
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
  }

  get closed(): boolean {
    return this.ended;
  }

  get prefix(): string {
    return this.o.rfcCompliant ? 'nc:' : '';
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
    this.send(hello, frameHello(hello, this.o.rfcCompliant && this.o.version11));
    const wait = this.o.helloTimeoutMs;
    if (wait !== undefined && !this.helloDone && !this.ended) {
      this.helloTimer = setTimeout(() => this.finish(`no client hello within ${wait} ms`, true), wait);
      this.helloTimer.unref();
    }
  }

  receive(data: Buffer): void {
    if (this.ended) return;
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
    clearTimeout(this.helloTimer);
    this.o.device.sessions.remove(this.id);
    this.o.device.locks.releaseAll(this.id);
    if (endTransport) this.transport.end();
    for (const w of this.endWaiters.splice(0)) w();
    for (const w of this.drainWaiters.splice(0)) w();
    this.o.onEnd?.(this, reason);
  }

  /** Resolves when the session ends. */
  private whenEnded(): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve) => this.endWaiters.push(resolve));
  }

  private onFramingError(err: FramingError): void {
    this.o.onInternalError?.(err);
    this.finish(`framing error: ${err.message}`, true);
  }

  private send(xml: string, framed = frameMessage(xml, this.outMode)): void {
    if (this.ended) return;
    this.o.onTraffic?.(this, 'out', xml, this.outMode);
    this.write(framed);
  }

  /**
   * Writes to the transport, noting when it takes no more: the next RPC then
   * waits for the drain and the session stops reading, as an SSH server's
   * window makes a client that never reads its replies stop sending.
   */
  private write(framed: Buffer): void {
    this.bytesOut += framed.length;
    if (this.transport.write(framed) !== false || this.outBlocked || !this.transport.onceDrained) return;
    this.outBlocked = true;
    this.pauseInput();
    this.transport.onceDrained(() => {
      this.outBlocked = false;
      for (const w of this.drainWaiters.splice(0)) w();
      this.maybeResumeInput();
    });
  }

  private untilDrained(): Promise<void> {
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private pauseInput(): void {
    if (this.inputPaused || !this.transport.pauseInput) return;
    this.inputPaused = true;
    this.transport.pauseInput();
    const why = this.outBlocked ? 'replies not read by the client' : `${this.pending} RPCs pending (${this.pendingBytes} bytes)`;
    this.o.onFlowControl?.(this, true, why);
  }

  /** Reads again once replies flow and the queue is down to half its limit. */
  private maybeResumeInput(): void {
    if (!this.inputPaused || this.outBlocked || this.ended) return;
    if (this.pending > this.o.maxPendingRpcs / 2 || this.pendingBytes > this.o.maxMessageBytes / 2) return;
    this.inputPaused = false;
    this.transport.resumeInput?.();
    this.o.onFlowControl?.(this, false, `${this.pending} RPCs pending`);
  }

  /** Writes a reply the way a directive says: whole, cut off, never, or slowly. */
  private async deliver(xml: string, delivery: Delivery): Promise<void> {
    if (this.ended) return;
    switch (delivery.kind) {
      case 'normal':
        this.send(xml);
        return;
      case 'hang':
        await this.whenEnded();
        return;
      case 'drop': {
        if (delivery.at !== 'before-reply') {
          this.o.onTraffic?.(this, 'out', xml, this.outMode);
          const framed = frameMessage(xml, this.outMode);
          const cut = delivery.at === 'mid-reply' ? Math.floor(framed.length / 2) : this.midFrameOffset(xml, framed);
          this.write(framed.subarray(0, cut));
        }
        this.dropTransport();
        return;
      }
      case 'drip': {
        this.o.onTraffic?.(this, 'out', xml, this.outMode);
        const framed = frameMessage(xml, this.outMode);
        for (let off = 0; off < framed.length && !this.ended; off += delivery.bytes) {
          if (off > 0) await delivery.pause();
          if (this.ended) return;
          const piece = framed.subarray(off, Math.min(off + delivery.bytes, framed.length));
          this.write(piece);
          if (this.outBlocked) await this.untilDrained();
        }
        return;
      }
    }
  }

  /** Inside the first chunk's data (chunked), or inside the `]]>]]>` end marker (base:1.0). */
  private midFrameOffset(xml: string, framed: Buffer): number {
    if (this.outMode === 'eom') return framed.length - 5;
    const data = Buffer.byteLength(xml, 'utf8');
    const header = framed.indexOf(0x0a, 1) + 1;
    return header + Math.max(1, Math.floor(Math.min(data, framed.length - header) / 2));
  }

  private dropTransport(): void {
    if (this.transport.drop) this.transport.drop();
    else this.transport.end();
    this.finish('connection dropped (fault)', false);
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
    if (this.pending >= this.o.maxPendingRpcs || this.pendingBytes >= this.o.maxMessageBytes) this.pauseInput();
    const go = (): Promise<void> => {
      return this.handleRpc(xml)
        .catch((err: unknown) => this.o.onInternalError?.(err))
        .finally(() => {
          this.pending--;
          this.pendingBytes -= size;
          this.maybeResumeInput();
        });
    };
    // A reply waits while the client is not reading the ones before it.
    const run = (): Promise<void> => (this.outBlocked ? this.untilDrained().then(go) : go());
    // Replies go out in request order: an RPC starts only when the one before
    // has written its reply. With none pending, it starts at once (lock-step
    // clients, the common case, skip a promise hop per RPC).
    this.chain = this.pending === 1 ? run() : this.chain.then(run);
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
      this.outMode = 'chunked';
    }
  }

  private async handleRpc(xml: string): Promise<void> {
    if (this.ended) return;
    const echo = this.echoAttributes(xml);
    let root: XmlElement;
    try {
      root = parseXml(xml, this.o.parseLimits);
    } catch (err) {
      const msg = err instanceof XmlParseError ? err.message : String(err);
      this.reply(echo, '', [{ type: 'rpc', tag: 'malformed-message', severity: 'error', message: `XML parse error: ${msg}` }]);
      return;
    }
    if (root.name !== 'rpc') {
      this.reply(echo, '', syntaxError(root.name).errors);
      return;
    }
    if (root.attrs['message-id'] === undefined) {
      this.reply(echo, '', [
        {
          type: 'rpc',
          tag: 'missing-attribute',
          severity: 'error',
          message: 'missing attribute message-id',
          info: [
            ['bad-attribute', 'message-id'],
            ['bad-element', 'rpc'],
          ],
        },
      ]);
      return;
    }
    const op = root.children[0];
    if (!op) {
      this.reply(echo, '', syntaxError('rpc').errors);
      return;
    }
    const directive = this.o.interceptor?.beforeDispatch?.({
      sessionId: this.id,
      user: this.user,
      rpc: op.name,
      command: op.name === 'command' ? op.text.trim() : undefined,
      messageId: root.attrs['message-id'],
    });
    const p = this.prefix;
    if (directive?.reply) {
      const r = directive.reply;
      if (r.kind === 'errors') await this.reply(echo, r.ok ? `<${p}ok/>` : '', r.errors, true, directive);
      else await this.reply(echo, r.body, [], false, directive);
      return;
    }
    let result: RpcReply;
    try {
      result = await this.dispatch(op);
    } catch (err) {
      if (err instanceof RpcError) {
        await this.reply(echo, '', err.errors, false, directive);
      } else {
        this.o.onInternalError?.(err);
        await this.reply(echo, '', [{ type: 'application', tag: 'operation-failed', severity: 'error', message: 'internal error' }], false, directive);
      }
      return;
    }
    switch (result.kind) {
      case 'ok':
        await this.reply(echo, `<${p}ok/>`, result.warnings ?? [], true, directive);
        break;
      case 'body':
        await this.reply(echo, result.body, result.warnings ?? [], false, directive);
        break;
      case 'partial':
        await this.reply(echo, result.body, result.errors, false, directive);
        break;
    }
    if ((result.kind === 'ok' || result.kind === 'body') && result.endSession) {
      this.finish('session closed by client', true);
    }
  }

  /** `forced` is set when `<command>` runs the RPC its CLI words map to (ctx.invoke). */
  private async dispatch(op: XmlElement, forced?: { format: OutputFormat; minified: boolean }): Promise<RpcReply> {
    const handler = this.o.registry.find(op.name);
    if (!handler) throw syntaxError(op.name);
    if (handler.permission && !this.o.classes.allows(this.userClass, handler.permission)) {
      throw permissionDenied(op.name);
    }
    let f = forced;
    if (!f) {
      const fmtChild = handler.formatIsLeaf ? undefined : op.children.find((c) => c.name === 'format');
      const fmt = op.attrs['format'] ?? fmtChild?.text.trim() ?? 'xml';
      f = FORMATS[fmt] ?? (handler.ownsFormat ? FORMATS['xml'] : undefined);
      if (!f) throw syntaxError(fmt, 'invalid value for format');
      this.rpcCount++;
    }
    const minified = f.minified;
    const ctx: RpcContext = {
      session: this,
      device: this.o.device,
      format: f.format,
      minified,
      prefix: this.prefix,
      invoke: (inner, format) => this.dispatch(inner, { format, minified }),
    };
    return handler.handle(op, ctx);
  }

  /** The client's rpc attributes, echoed byte for byte minus the namespaces the reply declares itself. */
  private echoAttributes(xml: string): string {
    let s = '';
    for (const a of rawRootAttributes(xml)) {
      if (a.qname === 'xmlns' || a.qname === 'xmlns:junos') continue;
      if (this.o.rfcCompliant && a.qname === 'xmlns:nc') continue;
      s += ` ${a.raw}`;
    }
    return s;
  }

  private async reply(echo: string, body: string, errors: readonly RpcErrorInfo[], okBody = false, directive?: RpcDirective): Promise<void> {
    const p = this.prefix;
    const ns = this.o.rfcCompliant ? `xmlns:${p.slice(0, -1)}="${NETCONF_NS}"` : `xmlns="${NETCONF_NS}"`;
    let s = `<${p}rpc-reply ${ns} xmlns:junos="http://xml.juniper.net/junos/${this.o.device.release()}/junos"${echo}>\n`;
    for (const e of errors) s += renderRpcError(e, p);
    // A reply that carries errors of severity error has no <ok/>.
    const hasError = errors.some((e) => e.severity === 'error');
    if (body !== '' && !(okBody && hasError)) s += body.endsWith('\n') ? body : `${body}\n`;
    s += `</${p}rpc-reply>`;
    if (!directive) {
      this.send(s);
      return;
    }
    await directive.wait?.();
    await this.deliver(s, directive.delivery ?? { kind: 'normal' });
  }
}
