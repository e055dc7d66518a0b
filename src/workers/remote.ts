/**
 * The owner's side of a connection an SSH worker terminates: objects that
 * look to SshListener and to the sessions like ssh2's Connection, Session,
 * AuthContext and ServerChannel, and turn each call into a command to the
 * worker. So the listener's channel handlers (NETCONF, CLI, exec, other
 * subsystems) are the same code for a local and a remote connection.
 */
import { EventEmitter } from 'node:events';
import type { OwnerCommand, SessionRequestKind, WorkerEvent } from './messages.js';
import { sftpOverChannel, sftpOverChannelProblem } from './sftp-over-channel.js';
import { ACK_HIGH_WATER, FrameKind } from './wire.js';

/** What a remote object needs of its worker. */
export interface WorkerLink {
  command(cmd: OwnerCommand): void;
  bytes(kind: FrameKind, ch: number, data: Buffer): void;
}

const HIGH_WATER = ACK_HIGH_WATER;

export class RemoteChannel extends EventEmitter {
  private unacked = 0;
  private blocked = false;
  private paused = false;
  /** Input that arrived while paused (made when first needed); null is the client's EOF. */
  private held: Array<Buffer | null> | undefined;
  private done = false;
  private stderrStream: { write: (data: string | Buffer) => boolean } | undefined;

  constructor(
    private readonly link: WorkerLink,
    readonly ch: number,
    /** The session the channel runs on: it hears the client's EOF, as ssh2's Session does. */
    private readonly session?: EventEmitter,
  ) {
    super();
  }

  /** As ssh2's channel.stderr; made on first use (most channels never write there). */
  get stderr(): { write: (data: string | Buffer) => boolean } {
    this.stderrStream ??= { write: (data) => this.send(FrameKind.stderr, data) };
    return this.stderrStream;
  }

  write(data: string | Buffer): boolean {
    return this.send(FrameKind.data, data);
  }

  private send(kind: FrameKind, data: string | Buffer): boolean {
    if (this.done) return true;
    const b = typeof data === 'string' ? Buffer.from(data) : data;
    this.link.bytes(kind, this.ch, b);
    this.unacked += b.length;
    if (this.unacked > HIGH_WATER) this.blocked = true;
    return !this.blocked;
  }

  /** The worker's ssh2 took `n` more bytes. */
  acked(n: number): void {
    this.unacked -= n;
    if (this.blocked && this.unacked <= HIGH_WATER) {
      this.blocked = false;
      this.emit('drain');
    }
  }

  /** Bytes that were on their way when the session paused are held until it resumes, as a paused stream holds them. */
  received(data: Buffer): void {
    if (this.paused) (this.held ??= []).push(data);
    else this.emit('data', data);
  }

  pause(): this {
    if (!this.paused) {
      this.paused = true;
      this.link.command({ t: 'pause', ch: this.ch });
    }
    return this;
  }

  resume(): this {
    if (!this.paused) return this;
    this.paused = false;
    while (!this.paused && this.held && this.held.length > 0) {
      const d = this.held.shift()!;
      if (d === null) this.ended();
      else this.emit('data', d);
    }
    if (this.held?.length === 0) this.held = undefined;
    if (!this.paused) this.link.command({ t: 'resume', ch: this.ch });
    return this;
  }

  exit(status: number): void {
    if (!this.done) this.link.command({ t: 'exit', ch: this.ch, status });
  }

  end(): this {
    if (!this.done) this.link.command({ t: 'chend', ch: this.ch });
    return this;
  }

  close(): void {
    if (!this.done) this.link.command({ t: 'chclose', ch: this.ch });
  }

  /** The client sent EOF. */
  eof(): void {
    if (this.paused) (this.held ??= []).push(null);
    else this.ended();
  }

  /** The client's EOF, after the data before it: the session says 'eof' first, as ssh2's Session does. */
  private ended(): void {
    this.session?.emit('eof');
    this.emit('end');
  }

  closed(): void {
    if (this.done) return;
    this.done = true;
    this.held = undefined;
    this.emit('close');
  }
}

type Reply = (() => unknown) | undefined;

/** An SSH session channel before (and while) it carries a subsystem, exec or shell. */
export class RemoteSession extends EventEmitter {
  channel: RemoteChannel | undefined;
  private gone = false;

  constructor(
    private readonly link: WorkerLink,
    readonly c: number,
    readonly ch: number,
    /** The client's SSH version line, for the SFTP protocol object. */
    private readonly clientIdent?: string,
    /** Its connection's open sessions, which it leaves when it closes. */
    private readonly openSessions?: Map<number, RemoteSession>,
  ) {
    super();
  }

  request(r: number, kind: SessionRequestKind, info: Record<string, unknown>, wantReply: boolean): void {
    const starts = kind === 'subsystem' || kind === 'exec' || kind === 'shell';
    let replied = false;
    const accept: Reply =
      starts || wantReply
        ? () => {
            if (replied || this.gone) return undefined;
            replied = true;
            this.link.command({ t: 'request-accept', c: this.c, ch: this.ch, r });
            if (!starts) return undefined;
            const channel = new RemoteChannel(this.link, this.ch, this);
            this.channel = channel;
            return channel;
          }
        : undefined;
    const reject: Reply = wantReply || starts
      ? () => {
          if (replied || this.gone) return;
          replied = true;
          this.link.command({ t: 'request-reject', c: this.c, ch: this.ch, r });
        }
      : undefined;
    // As ssh2's Session: subsystem `sftp` goes to an 'sftp' listener, with ssh2's
    // SFTP object run here over the relayed channel (sftp-over-channel.ts).
    if (kind === 'subsystem' && info['name'] === 'sftp' && this.listenerCount('sftp') > 0 && sftpOverChannelProblem() === undefined) {
      const acceptSftp = (): unknown => {
        const channel = accept?.();
        return channel instanceof RemoteChannel ? sftpOverChannel(channel, { clientIdent: this.clientIdent }) : undefined;
      };
      this.emit('sftp', acceptSftp, reject);
      return;
    }
    // Requests nobody handles are refused, as ssh2 does.
    if (this.listenerCount(kind) === 0) return void reject?.();
    if (kind === 'shell') this.emit(kind, accept, reject);
    else this.emit(kind, accept, reject, info);
  }

  closed(): void {
    if (this.gone) return;
    this.gone = true;
    if (this.openSessions?.get(this.ch) === this) this.openSessions.delete(this.ch);
    this.channel?.closed();
    this.emit('close');
  }
}

/** A connection's authentication attempt, answered by the owner's ConnectionAuthenticator. */
export function remoteAuthContext(link: WorkerLink, e: Extract<WorkerEvent, { t: 'auth' }>, prompts: () => Map<number, (answers: string[]) => void>): object {
  const answer = {
    accept: () => link.command({ t: 'auth-accept', c: e.c, a: e.a }),
    reject: (methods?: string[]) => link.command({ t: 'auth-reject', c: e.c, a: e.a, methods: methods ?? [] }),
  };
  const base = { username: e.user, method: e.method, ...answer };
  switch (e.method) {
    case 'password':
      return { ...base, password: e.password ?? '' };
    case 'publickey':
      return {
        ...base,
        key: { algo: e.key!.algo, data: Buffer.from(e.key!.data, 'base64') },
        signature: e.signature === undefined ? undefined : Buffer.from(e.signature, 'base64'),
        blob: e.blob === undefined ? undefined : Buffer.from(e.blob, 'base64'),
        hashAlgo: e.hashAlgo,
      };
    case 'keyboard-interactive':
      return {
        ...base,
        prompt: (list: Array<{ prompt: string; echo?: boolean }>, cb: (answers: string[]) => void) => {
          prompts().set(e.a, cb);
          link.command({ t: 'auth-prompt', c: e.c, a: e.a, prompts: list.map((p) => ({ prompt: p.prompt, echo: p.echo === true })) });
        },
      };
    default:
      return base;
  }
}

/** One connection a worker carries: ssh2's Connection as SshListener uses it. */
export class RemoteConnection extends EventEmitter {
  readonly sessions = new Map<number, RemoteSession>();
  /** Keyboard-interactive prompts waiting for answers (made when first needed). */
  private promptsWaiting: Map<number, (answers: string[]) => void> | undefined;
  private gone = false;
  /** The client's SSH version line, from the worker's 'ready'. */
  private clientIdent: string | undefined;

  constructor(
    private readonly link: WorkerLink,
    readonly c: number,
  ) {
    super();
  }

  end(): this {
    if (!this.gone) this.link.command({ t: 'end', c: this.c });
    return this;
  }

  event(e: WorkerEvent): void {
    switch (e.t) {
      case 'auth':
        this.emit('authentication', remoteAuthContext(this.link, e, () => (this.promptsWaiting ??= new Map())));
        return;
      case 'answers': {
        const cb = this.promptsWaiting?.get(e.a);
        this.promptsWaiting?.delete(e.a);
        cb?.(e.answers);
        return;
      }
      case 'ready':
        this.clientIdent = e.ident;
        this.emit('ready');
        return;
      case 'error':
        this.emit('error', new Error(e.message));
        return;
      case 'session': {
        if (this.listenerCount('session') === 0) return this.link.command({ t: 'session-reject', c: this.c, ch: e.ch });
        let replied = false;
        const accept = (): RemoteSession => {
          replied = true;
          const s = new RemoteSession(this.link, this.c, e.ch, this.clientIdent, this.sessions);
          this.sessions.set(e.ch, s);
          this.link.command({ t: 'session-accept', c: this.c, ch: e.ch });
          return s;
        };
        const reject = (): void => {
          if (replied) return;
          replied = true;
          this.link.command({ t: 'session-reject', c: this.c, ch: e.ch });
        };
        this.emit('session', accept, reject);
        return;
      }
      case 'request':
        this.sessions.get(e.ch)?.request(e.r, e.kind, e.info, e.wantReply);
        return;
      default:
        return;
    }
  }

  /** The socket closed, or the worker died: every channel closes with it. */
  closed(): void {
    if (this.gone) return;
    this.gone = true;
    for (const s of [...this.sessions.values()]) s.closed();
    this.sessions.clear();
    this.emit('close');
  }
}
