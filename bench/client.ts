import ssh2 from 'ssh2';
import type { ClientChannel, ConnectConfig } from 'ssh2';

const { Client } = ssh2;

const EOM = Buffer.from(']]>]]>');
const EOM_TRAILER = '\n]]>]]>\n';

/** base:1.0 only, so every server in the benchmark stays in `]]>]]>` framing. */
export const CLIENT_HELLO =
  '<?xml version="1.0" encoding="UTF-8"?><hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">' +
  '<capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>';

export interface BenchClientOptions {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: Buffer | string;
  readyTimeoutMs?: number;
  /** TCP_NODELAY on the client's socket (default true: the client itself never waits on Nagle). */
  noDelay?: boolean;
  /**
   * Wait this long after sending the client hello. netconfd (yuma123 2.13)
   * drops a message that reaches it in the same read as the client's hello.
   */
  helloSettleMs?: number;
}

type Waiter = { resolve: (msg: string) => void; reject: (err: Error) => void };

/**
 * A deliberately lean NETCONF-over-SSH client for the benchmark: ssh2's
 * Client, `]]>]]>` framing found with Buffer.indexOf, a FIFO of waiters and
 * no per-RPC timers. The same code drives the emulator and the raw ssh2
 * ceiling server, so whatever it costs is paid on both sides of each ratio;
 * keeping it small keeps the ratio honest. (The project's NetconfClient adds
 * a timer and a trim per message, and a chunked decoder we do not need here.)
 */
export class BenchClient {
  serverHello = '';
  /** Called for every message after the hello, before a waiter gets it. Return true to consume it. */
  onMessage: ((msg: string) => boolean) | undefined;
  private readonly conn = new Client();
  private channel: ClientChannel | undefined;
  private pending: Buffer = Buffer.alloc(0);
  private scanned = 0;
  private readonly waiters: Waiter[] = [];
  private readonly queued: string[] = [];
  private closedPromise: Promise<void>;
  private nextId = 1;
  private failure: Error | undefined;
  closed = false;

  private constructor(private readonly o: BenchClientOptions) {
    this.closedPromise = new Promise((resolve) => this.conn.once('close', () => {
      this.closed = true;
      this.fail(new Error('connection closed'));
      resolve();
    }));
  }

  /** Connects, authenticates, opens the `netconf` subsystem and exchanges hellos. */
  static async connect(o: BenchClientOptions): Promise<BenchClient> {
    const c = new BenchClient(o);
    try {
      await c.open();
    } catch (err) {
      c.destroy();
      throw err;
    }
    return c;
  }

  private async open(): Promise<void> {
    const cfg: ConnectConfig = {
      host: this.o.host,
      port: this.o.port,
      username: this.o.username,
      password: this.o.password,
      privateKey: this.o.privateKey,
      readyTimeout: this.o.readyTimeoutMs ?? 20_000,
      tryKeyboard: false,
    };
    await new Promise<void>((resolve, reject) => {
      const onErr = (err: Error): void => reject(err);
      this.conn.once('error', onErr);
      this.conn.once('close', () => reject(new Error('connection closed before ready')));
      this.conn.once('ready', () => {
        this.conn.off('error', onErr);
        resolve();
      });
      this.conn.connect(cfg);
      if (this.o.noDelay ?? true) this.conn.setNoDelay(true);
    });
    this.conn.on('error', (err: Error) => this.fail(err));
    this.channel = await new Promise<ClientChannel>((resolve, reject) => {
      this.conn.subsys('netconf', (err, ch) => (err ? reject(err) : resolve(ch)));
    });
    this.channel.on('data', (d: Buffer) => this.onData(d));
    this.channel.on('error', () => undefined);
    this.serverHello = await this.next();
    this.sendRaw(CLIENT_HELLO + EOM_TRAILER);
    if (this.o.helloSettleMs) await new Promise((resolve) => setTimeout(resolve, this.o.helloSettleMs));
  }

  private onData(d: Buffer): void {
    this.pending = this.pending.length === 0 ? d : Buffer.concat([this.pending, d]);
    for (;;) {
      const at = this.pending.indexOf(EOM, Math.max(0, this.scanned - (EOM.length - 1)));
      if (at < 0) {
        this.scanned = this.pending.length;
        return;
      }
      const msg = this.pending.toString('utf8', 0, at);
      this.pending = this.pending.subarray(at + EOM.length);
      this.scanned = 0;
      this.deliver(msg);
    }
  }

  private deliver(msg: string): void {
    if (this.serverHello !== '' && this.onMessage?.(msg)) return;
    const w = this.waiters.shift();
    if (w) w.resolve(msg);
    else this.queued.push(msg);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  /** The next whole message (the text before `]]>]]>`, newlines included). */
  next(): Promise<string> {
    const q = this.queued.shift();
    if (q !== undefined) return Promise.resolve(q);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  sendRaw(text: string): void {
    this.channel!.write(text);
  }

  /** Sends `<rpc message-id=N>body</rpc>`, framed. */
  sendRpc(body: string): void {
    this.sendRaw(`<rpc message-id="${this.nextId++}">${body}</rpc>${EOM_TRAILER}`);
  }

  /** Sends one RPC and waits for the next message (lock-step use only). */
  rpc(body: string): Promise<string> {
    this.sendRpc(body);
    return this.next();
  }

  /** `<close-session/>`, its reply, then the SSH connection's end. */
  async closeSession(): Promise<void> {
    await this.rpc('<close-session/>');
    await this.end();
  }

  /** Resolves when the SSH connection has closed, for whatever reason. */
  whenClosed(): Promise<void> {
    return this.closedPromise;
  }

  /** Ends the SSH connection and waits until the socket is closed. */
  end(): Promise<void> {
    if (!this.closed) this.conn.end();
    return this.closedPromise;
  }

  /** Drops the connection at once, failing whatever waits (watchdogs, errors). */
  destroy(err = new Error('client destroyed')): void {
    this.fail(err);
    this.conn.destroy();
  }
}
