import ssh2 from 'ssh2';
import type { ClientChannel, ConnectConfig } from 'ssh2';
import { NetconfDecoder, type FramingMode } from '../framing/decoder.js';
import { frameHello, frameMessage } from '../framing/encoder.js';
import { parseXml } from '../xml/parse.js';
import { NetconfClosedError, NetconfConnectError, NetconfRpcError, NetconfTimeoutError, rpcErrorsOf } from './errors.js';

const { Client } = ssh2;

export interface NetconfClientOptions {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: Buffer | string;
  /** Offer base:1.1 in the client hello (default true, as ncclient does). */
  offerBase11?: boolean;
  /** Send the hello yourself (raw tests); the client then only connects. */
  manualHello?: boolean;
  /** `subsystem` (default) or an exec command such as `xml-mode netconf need-trailer`. */
  exec?: string;
  readyTimeoutMs?: number;
  maxMessageBytes?: number;
  /** Sees the server's host key; return false to refuse it. */
  hostVerifier?: (key: Buffer) => boolean;
}

const CLIENT_HELLO = (base11: boolean): string =>
  '<?xml version="1.0" encoding="UTF-8"?><hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities>' +
  '<capability>urn:ietf:params:netconf:base:1.0</capability>' +
  (base11 ? '<capability>urn:ietf:params:netconf:base:1.1</capability>' : '') +
  '</capabilities></hello>';

interface Waiter {
  resolve(msg: string): void;
  reject(err: Error): void;
}

/**
 * A small NETCONF client on ssh2's Client: enough for tests and benchmarks to
 * see the exact bytes a device sends, without ncclient's per-RPC delay.
 * base:1.0 framing, and base:1.1 chunked framing when both sides offer it.
 * Failures are NetconfError subclasses (client/errors.ts): a refused
 * connection or login, a session closed under a pending reply, a timeout,
 * and from `call()` a reply with an `<rpc-error>`.
 */
export class NetconfClient {
  readonly messages: string[] = [];
  /** Every byte received, for byte-exact assertions on framing. */
  readonly raw: Buffer[] = [];
  serverHello = '';
  framing: FramingMode = 'eom';
  private conn = new Client();
  private channel: ClientChannel | undefined;
  private decoder: NetconfDecoder;
  private waiters: Waiter[] = [];
  private closeWaiters: Array<() => void> = [];
  private nextId = 1;
  closed = false;

  constructor(private readonly o: NetconfClientOptions) {
    this.decoder = new NetconfDecoder({
      maxMessageBytes: o.maxMessageBytes ?? 64 * 1024 * 1024,
      onMessage: (m) => this.onMessage(m),
      onError: () => this.conn.end(),
    });
  }

  static async connect(o: NetconfClientOptions): Promise<NetconfClient> {
    const c = new NetconfClient(o);
    await c.open();
    return c;
  }

  /** Messages are trimmed: the newlines around `]]>]]>` are not part of the XML (see `raw` for bytes). */
  private onMessage(raw: string): void {
    const m = raw.trim();
    const w = this.waiters.shift();
    if (w) w.resolve(m);
    else this.messages.push(m);
  }

  async open(): Promise<void> {
    const cfg: ConnectConfig = {
      host: this.o.host,
      port: this.o.port,
      username: this.o.username,
      password: this.o.password,
      privateKey: this.o.privateKey,
      readyTimeout: this.o.readyTimeoutMs ?? 10_000,
      tryKeyboard: false,
      hostVerifier: this.o.hostVerifier,
    };
    // ssh2 may emit more than one error for one failure (a refused login, then the reset
    // socket); a listener that stays keeps the later ones from crashing the process.
    this.conn.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      this.conn.once('ready', () => resolve());
      this.conn.once('error', (err: Error) => reject(new NetconfConnectError(`${this.o.host}:${this.o.port}: ${err.message}`, err)));
      this.conn.once('close', () => reject(new NetconfConnectError(`${this.o.host}:${this.o.port}: connection closed before ready`)));
      this.conn.connect(cfg);
    });
    this.channel = await new Promise<ClientChannel>((resolve, reject) => {
      const cb = (err: Error | undefined, ch: ClientChannel): void => (err ? reject(new NetconfConnectError(`${this.o.exec ?? 'netconf subsystem'}: ${err.message}`, err)) : resolve(ch));
      if (this.o.exec) this.conn.exec(this.o.exec, cb);
      else this.conn.subsys('netconf', cb);
    });
    this.channel.on('data', (d: Buffer) => {
      this.raw.push(d);
      this.decoder.push(d);
    });
    this.channel.on('close', () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w.reject(new NetconfClosedError());
      for (const w of this.closeWaiters.splice(0)) w();
      this.conn.end();
    });
    if (this.o.manualHello) return;
    this.serverHello = await this.next();
    this.sendRaw(frameHello(CLIENT_HELLO(this.o.offerBase11 ?? true), this.o.offerBase11 ?? true));
    if ((this.o.offerBase11 ?? true) && this.serverHello.includes('urn:ietf:params:netconf:base:1.1<')) {
      this.framing = 'chunked';
      this.decoder.mode = 'chunked';
    }
  }

  /** The next whole message from the server. */
  next(timeoutMs = 30_000): Promise<string> {
    const queued = this.messages.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.closed) return Promise.reject(new NetconfClosedError());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (m) => {
          clearTimeout(t);
          resolve(m);
        },
        reject: (err) => {
          clearTimeout(t);
          reject(err);
        },
      };
      const t = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new NetconfTimeoutError(`timed out waiting for a message (${timeoutMs} ms)`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Writes bytes; false when the channel holds more than its high-water mark (the server is not reading). */
  sendRaw(data: Buffer | string): boolean {
    return this.channel!.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  /** Bytes written and not yet sent: they wait for the server's SSH window. */
  get unsentBytes(): number {
    return this.channel?.writableLength ?? 0;
  }

  /** Stops reading the server's replies (a client that never reads, for flow-control tests). */
  pauseReading(): void {
    this.channel?.pause();
  }

  resumeReading(): void {
    this.channel?.resume();
  }

  /** Frames and sends one message in the session's framing. */
  send(xml: string): void {
    this.sendRaw(frameMessage(xml, this.framing));
  }

  /** Sends `<rpc message-id=N>body</rpc>` and waits for its reply. */
  async rpc(body: string, attrs = ''): Promise<string> {
    const id = this.nextId++;
    this.send(`<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="${id}"${attrs}>${body}</rpc>`);
    return this.next();
  }

  /**
   * Sends an RPC and returns its `<rpc-reply>`; a reply with an `<rpc-error>`
   * of severity error throws NetconfRpcError (warnings do not).
   */
  async call(body: string, attrs = ''): Promise<string> {
    const reply = await this.rpc(body, attrs);
    let errors;
    try {
      errors = rpcErrorsOf(parseXml(reply, { maxDepth: 256 }));
    } catch {
      return reply; // not well-formed: the caller sees it as it came
    }
    const fatal = errors.filter((e) => e.severity !== 'warning');
    if (fatal.length > 0) throw new NetconfRpcError(fatal, reply);
    return reply;
  }

  /** Resolves when the server closes the channel. */
  waitClosed(timeoutMs = 10_000): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('channel still open')), timeoutMs);
      this.closeWaiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  close(): void {
    this.conn.end();
  }
}
