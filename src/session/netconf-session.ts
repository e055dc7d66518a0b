import type { DeviceRuntime } from '../device/runtime.js';
import type { FramingMode } from '../framing/decoder.js';
import { FramingError, NetconfDecoder } from '../framing/decoder.js';
import { frameMessage } from '../framing/encoder.js';
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
  write(data: Buffer): void;
  /** Ends the stream after queued bytes are sent. */
  end(): void;
  /** Cuts the connection at once, as a network failure would (fault injection). */
  drop?(): void;
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
  parseLimits: ParseLimits;
  /** Sees every message in and out, after de-framing / before framing. */
  onTraffic?: (session: NetconfSession, dir: TrafficDirection, xml: string, framing: FramingMode) => void;
  onEnd?: (session: NetconfSession, reason: string) => void;
  onInternalError?: (err: unknown) => void;
  /** Asked before each RPC is answered (fault injection). */
  interceptor?: SessionInterceptor;
}

/** A Map: the key is the client's text, and `toString` or `__proto__` must find nothing. */
const FORMATS = new Map<string, { format: OutputFormat; minified: boolean }>([
  ['xml', { format: 'xml', minified: false }],
  ['xml-minified', { format: 'xml', minified: true }],
  ['text', { format: 'text', minified: false }],
  ['ascii', { format: 'text', minified: false }],
  ['json', { format: 'json', minified: false }],
  ['json-minified', { format: 'json', minified: true }],
]);

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
  private ended = false;
  private chain: Promise<void> = Promise.resolve();
  /** RPCs started and not yet answered (0 or 1: they run one at a time). */
  private running = 0;
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
    this.send(
      renderServerHello({
        sessionId: this.id,
        user: this.user,
        userClass: this.userClass,
        rfcCompliant: this.o.rfcCompliant,
        version11: this.o.version11,
        extraCapabilities: this.o.extraCapabilities,
      }),
    );
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

  private onFramingError(err: FramingError): void {
    this.o.onInternalError?.(err);
    this.finish(`framing error: ${err.message}`, true);
  }

  private send(xml: string): void {
    if (this.ended) return;
    this.o.onTraffic?.(this, 'out', xml, this.outMode);
    const framed = frameMessage(xml, this.outMode);
    this.bytesOut += framed.length;
    this.transport.write(framed);
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
          this.bytesOut += cut;
          this.transport.write(framed.subarray(0, cut));
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
          this.bytesOut += piece.length;
          this.transport.write(piece);
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
    const run = (): Promise<void> => {
      this.running++;
      return this.handleRpc(xml)
        .catch((err: unknown) => this.o.onInternalError?.(err))
        .finally(() => this.running--);
    };
    // Replies go out in request order: an RPC starts only when the one before
    // has written its reply. With none running, it starts at once (lock-step
    // clients, the common case, skip a promise hop per RPC).
    this.chain = this.running === 0 ? run() : this.chain.then(run);
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
      f = FORMATS.get(fmt) ?? (handler.ownsFormat ? FORMATS.get('xml') : undefined);
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
