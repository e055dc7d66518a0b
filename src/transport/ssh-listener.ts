import { Admissions, type Admission } from './admissions.js';
import net, { type AddressInfo, type Socket } from 'node:net';
import ssh2 from 'ssh2';
import type { AuthContext, Connection, ServerChannel, SFTPWrapper } from 'ssh2';
import { hostKeyBytes, type HostKey } from './device-keys.js';
import { ConnectionAuthenticator, OFFERED_METHODS, type AuthPolicy, type RetryOptions } from './authenticator.js';
import type { UserAccount } from './credentials.js';
import type { RemoteHandle, SshWorkerPool } from '../workers/pool.js';
import { handshakeUnpooled, unpooled } from './ssh-memory.js';
import { coalesceWrites, flushAndDestroy } from './socket-writes.js';

const { Server } = ssh2;

/**
 * ssh2 advertises diffie-hellman-group-exchange but cannot complete it as a
 * server; paramiko (under ncclient and PyEZ) picks it and fails. So the list
 * is explicit, best first.
 */
export const SERVER_KEX = [
  'curve25519-sha256',
  'curve25519-sha256@libssh.org',
  'ecdh-sha2-nistp256',
  'ecdh-sha2-nistp384',
  'ecdh-sha2-nistp521',
  'diffie-hellman-group14-sha256',
  'diffie-hellman-group16-sha512',
  'diffie-hellman-group18-sha512',
  'diffie-hellman-group14-sha1',
] as const;

export interface SshLimits {
  /** Time a client has to authenticate, in ms (Junos/OpenSSH LoginGraceTime). */
  loginGraceMs: number;
  /** Connections still authenticating at once (OpenSSH MaxStartups). */
  maxUnauthenticated: number;
  /** Connections at once on this listener (Junos `connection-limit`). */
  connectionLimit: number;
  /** Session channels open at once on one connection (Junos `max-sessions-per-connection`, OpenSSH MaxSessions). */
  maxSessionsPerConnection: number;
  /** Junos `system login retry-options` defaults (the device configuration can override them). */
  triesBeforeDisconnect: number;
  backoffThreshold: number;
  backoffFactorMs: number;
  maxPublickeyTries: number;
  maxPasswordHashRounds: number;
}

export interface AuthenticatedPeer {
  user: UserAccount;
  remoteAddress: string;
  /** Cuts the TCP connection at once (fault injection: a dropped link). */
  drop(): void;
}

/** How the NETCONF layer was asked for: the subsystem, or Junos's exec commands. */
export type NetconfEntry = 'subsystem' | 'exec';

/** The pseudo-terminal a client asked for; a window change updates it in place. */
export interface TerminalSize {
  readonly term: string;
  cols: number;
  rows: number;
}

export interface SshListenerOptions {
  host: string;
  port: number;
  /**
   * The keys, or a function that gives them on the first connection: a fleet
   * device nobody connects to never derives its key (0.3 ms each, most of a
   * 10,000-device start).
   */
  hostKeys: HostKey[] | (() => HostKey[]);
  limits: SshLimits;
  /** Looked up at each login, so users can change while running. */
  findUser: (name: string) => UserAccount | undefined;
  /** Called with an accepted NETCONF channel. */
  onNetconf: (channel: ServerChannel, peer: AuthenticatedPeer, entry: NetconfEntry) => void;
  /** Called with an accepted shell channel (the Junos CLI); without it shells are refused. */
  onShell?: (channel: ServerChannel, peer: AuthenticatedPeer, pty: TerminalSize | undefined) => void;
  /** Called with an exec channel that is not a NETCONF entry point; without it such commands are refused. */
  onExec?: (channel: ServerChannel, peer: AuthenticatedPeer, command: string, pty: TerminalSize | undefined) => void;
  /** Called with an accepted SFTP subsystem (src/files/sftp.ts); without it `sftp` is refused. */
  onSftp?: (accept: () => SFTPWrapper, peer: AuthenticatedPeer, onEof: (cb: () => void) => void) => void;
  /** Lets a fault plan or a stopped device refuse the subsystem. */
  refuseNetconf?: (peer: AuthenticatedPeer) => boolean;
  /** Lets a fault plan refuse a login whose credentials are right. */
  refuseLogin?: (user: string, remoteAddress: string) => boolean;
  /** `system login retry-options` of the committed configuration; what it sets overrides `limits`. */
  retryOptions?: () => Partial<RetryOptions>;
  /** Lets a fault plan refuse a connection as if the connection limit were reached. */
  refuseConnection?: (remoteAddress: string) => boolean;
  onEvent?: (event: string, detail: Record<string, unknown>) => void;
  /** SSH worker processes that may take connections (src/workers); without them all SSH runs here. */
  workers?: SshWorkerPool;
}

/** A connection's transport: its socket, or the worker that has it. */
interface ConnectionHandle {
  end(): void;
  destroy(): void;
}

function peerKey(ip: string | undefined, port: number | undefined): string {
  return `${ip}|${port}`;
}

/** Sends what is already written (a partial reply), then cuts the link without an SSH goodbye. */
function dropSocket(socket: ConnectionHandle | undefined): void {
  if (!socket) return;
  socket.end();
  setTimeout(() => socket.destroy(), 1000).unref();
}

/** Junos answers these exec commands with a NETCONF session (ncclient and Juniper's Ruby client use them). */
const NETCONF_EXEC = /^\s*(xml-mode\s+netconf|junoscript\s+netconf)(\s+need-trailer)?\s*$/;

/**
 * One SSH endpoint: authentication, limits and channel set-up. What flows
 * over an accepted NETCONF channel is not its business.
 */
export class SshListener {
  private readonly o: SshListenerOptions;
  private ssh: InstanceType<typeof Server> | undefined;
  private tcp: net.Server | undefined;
  private readonly sockets = new Admissions<ConnectionHandle>();
  /** This listener's number in the worker pool. */
  private workerListener = 0;
  /** Socket by remote address and port, to pair ssh2's connection with its socket. */
  private readonly byPeer = new Map<string, Socket>();

  constructor(o: SshListenerOptions) {
    this.o = o;
  }

  get port(): number {
    const a = this.tcp?.address() as AddressInfo | null | undefined;
    return a?.port ?? this.o.port;
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  private keys: HostKey[] | undefined;

  /** The host keys, derived on first use (a fleet device nobody connects to never derives its key). */
  private hostKeyList(): HostKey[] {
    const k = this.o.hostKeys;
    this.keys ??= typeof k === 'function' ? k() : k;
    return this.keys;
  }

  /** This listener's number in the worker pool, registered with its SSH set-up on first use. */
  private workerListenerId(pool: SshWorkerPool): number {
    if (!this.workerListener) {
      this.workerListener = pool.register({
        hostKeys: this.hostKeyList().map((k) => hostKeyBytes(k).toString('base64')),
        ident: 'OpenSSH_7.5',
        kex: [...SERVER_KEX],
        methods: [...OFFERED_METHODS],
      });
    }
    return this.workerListener;
  }

  /** ssh2's server, made on the first connection: an idle fleet device holds only its TCP listener. */
  private sshServer(): InstanceType<typeof Server> {
    if (this.ssh) return this.ssh;
    this.ssh = new Server(
      {
        hostKeys: this.hostKeyList(),
        ident: 'OpenSSH_7.5',
        algorithms: { kex: [...SERVER_KEX] },
      },
      (client, info) => {
        handshakeUnpooled(client);
        this.onConnection(client, info.ip, info.port);
      },
    );
    return this.ssh;
  }

  async start(): Promise<void> {
    // Our own TCP server feeds ssh2, so limits and the login grace time apply
    // from the first byte: ssh2 reports a connection only after the client's
    // version line, and a client that sends nothing would never be seen.
    // Sockets start paused: one handed to a worker must not be read here.
    const tcp = net.createServer({ pauseOnConnect: true }, (socket) => this.onSocket(socket));
    this.tcp = tcp;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      tcp.once('error', onError);
      tcp.listen(this.o.port, this.o.host, () => {
        tcp.off('error', onError);
        resolve();
      });
    });
    tcp.on('error', (err: Error) => this.o.onEvent?.('server-error', { err: err.message }));
  }

  /** Stops listening and drops every connection, as a powered-off box would. */
  async stop(): Promise<void> {
    const tcp = this.tcp;
    this.tcp = undefined;
    for (const s of this.sockets.handles()) flushAndDestroy(s);
    this.sockets.clear();
    if (this.workerListener) this.o.workers?.unregister(this.workerListener);
    this.workerListener = 0;
    if (tcp) {
      // close() calls back once connections handed to a worker are reported closed over the
      // worker's IPC channel, which is unref'd: hold the loop open meanwhile, or a caller whose
      // last await is this stop finds an empty loop (exit 13) before the report comes.
      const hold = setInterval(() => undefined, 60_000);
      try {
        await new Promise<void>((resolve) => tcp.close(() => resolve()));
      } finally {
        clearInterval(hold);
      }
    }
  }

  private onSocket(socket: Socket): void {
    const { limits } = this.o;
    socket.on('error', () => undefined);
    const forced = this.o.refuseConnection?.(socket.remoteAddress ?? '') === true;
    if (forced || this.sockets.size >= limits.connectionLimit || this.sockets.unauthenticated >= limits.maxUnauthenticated) {
      this.o.onEvent?.('connection-refused', {
        ip: socket.remoteAddress,
        reason: forced || this.sockets.size >= limits.connectionLimit ? 'connection-limit' : 'max-unauthenticated',
      });
      socket.destroy();
      return;
    }
    const ip = socket.remoteAddress ?? '';
    const port = socket.remotePort ?? 0;
    const pool = this.o.workers;
    let remote;
    try {
      remote = pool && pool.size > 0 ? pool.adopt(socket, this.workerListenerId(pool)) : undefined;
    } catch (err) {
      this.o.onEvent?.('server-error', { err: err instanceof Error ? err.message : String(err) });
      socket.destroy();
      return;
    }
    // Two methods, so that no closure of a connection handed to a worker holds
    // its (by then closed) socket: a closure keeps every variable its function
    // shares with other closures.
    if (remote) this.keepRemote(remote, ip, port);
    else this.keepLocal(socket, ip, port);
  }

  /** Holds a connection, with its login grace timer (cleared at login or close). */
  private admit(handle: ConnectionHandle, ip: string): Admission {
    return this.sockets.admit(handle, this.o.limits.loginGraceMs, () => {
      this.o.onEvent?.('login-grace-expired', { ip });
      handle.destroy();
    });
  }

  private keepRemote(remote: RemoteHandle, ip: string, port: number): void {
    const state = this.admit(remote, ip);
    remote.connection.once('close', () => this.sockets.forget(remote, state));
    // The worker does the SSH; the same connection handler decides everything else.
    this.onConnection(remote.connection as unknown as Connection, ip, port, remote);
  }

  private keepLocal(socket: Socket, ip: string, port: number): void {
    const state = this.admit(socket, ip);
    // Small NETCONF replies must not wait for the peer's delayed ACK.
    socket.setNoDelay(true);
    coalesceWrites(socket);
    this.o.workers?.noteLocal(1);
    this.byPeer.set(peerKey(ip, port), socket);
    socket.once('close', () => {
      this.sockets.forget(socket, state);
      this.byPeer.delete(peerKey(ip, port));
      this.o.workers?.noteLocal(-1);
    });
    let ssh: InstanceType<typeof Server>;
    try {
      ssh = this.sshServer();
    } catch (err) {
      this.o.onEvent?.('server-error', { err: err instanceof Error ? err.message : String(err) });
      socket.destroy();
      return;
    }
    // ssh2 resumes the socket itself once its 'data' handler is in place
    // (after an async crypto set-up); resuming it here would lose the first bytes.
    unpooled(() => ssh.injectSocket(socket));
  }

  private authPolicy(): AuthPolicy {
    const l = this.o.limits;
    return {
      triesBeforeDisconnect: l.triesBeforeDisconnect,
      backoffThreshold: l.backoffThreshold,
      backoffFactorMs: l.backoffFactorMs,
      maxPublickeyTries: l.maxPublickeyTries,
      maxPasswordHashRounds: l.maxPasswordHashRounds,
      ...this.o.retryOptions?.(),
    };
  }

  private onConnection(client: Connection, ip: string, port: number, remote?: ConnectionHandle): void {
    const socket = remote ?? this.byPeer.get(peerKey(ip, port));
    const state = socket ? this.sockets.of(socket) : undefined;
    let peer: AuthenticatedPeer | undefined;

    const auth = new ConnectionAuthenticator(
      {
        findUser: this.o.findUser,
        policy: () => this.authPolicy(),
        refuseLogin: this.o.refuseLogin,
        onEvent: this.o.onEvent,
      },
      ip,
      () => client.end(),
      (user) => {
        peer = { user, remoteAddress: ip, drop: () => dropSocket(socket) };
      },
    );
    client.on('authentication', (ctx: AuthContext) => auth.handle(ctx));
    client.on('close', () => auth.dispose());

    client.on('ready', () => {
      if (socket !== undefined && state) this.sockets.loggedIn(socket, state);
      this.o.onEvent?.('login', { ip, user: peer?.user.name });
      let sessions = 0;
      client.on('session', (acceptSession, rejectSession) => {
        if (sessions >= this.o.limits.maxSessionsPerConnection) {
          this.o.onEvent?.('session-refused', { ip, reason: 'max-sessions-per-connection', open: sessions });
          return rejectSession();
        }
        const session = acceptSession();
        sessions++;
        session.once('close', () => sessions--);
        // refuseNetconf is asked exactly once per channel: a fault plan counts
        // its calls (`nth`), and a second question would decide another channel.
        session.on('subsystem', (accept, reject, info) => {
          if (info.name !== 'netconf' || !peer || this.o.refuseNetconf?.(peer)) return reject();
          this.o.onNetconf(accept(), peer, 'subsystem');
        });
        const onSftp = this.o.onSftp;
        // ssh2's SFTP object hears no EOF; the session does.
        if (onSftp) session.on('sftp', (accept, reject) => (peer ? onSftp(accept, peer, (cb) => session.once('eof', cb)) : reject()));
        let pty: TerminalSize | undefined;
        session.on('exec', (accept, reject, info) => {
          if (!NETCONF_EXEC.test(info.command)) {
            if (!peer || !this.o.onExec) return reject();
            return this.o.onExec(accept(), peer, info.command, pty);
          }
          if (!peer || this.o.refuseNetconf?.(peer)) return reject();
          this.o.onNetconf(accept(), peer, 'exec');
        });
        session.on('shell', (accept, reject) => (peer && this.o.onShell ? this.o.onShell(accept(), peer, pty) : reject()));
        session.on('pty', (accept, _reject, info) => {
          pty = { term: info.term, cols: info.cols, rows: info.rows };
          accept?.();
        });
        session.on('window-change', (accept, _reject, info) => {
          if (pty) {
            pty.cols = info.cols;
            pty.rows = info.rows;
          }
          accept?.();
        });
      });
    });

    client.on('error', (err: Error) => this.o.onEvent?.('client-error', { ip, err: err.message }));
  }
}
