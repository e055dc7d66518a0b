import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import type { AuthContext, Connection, ServerChannel } from 'ssh2';
import { keyMatches, passwordMatches, type UserAccount } from './credentials.js';

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
}

export interface AuthenticatedPeer {
  user: UserAccount;
  remoteAddress: string;
}

/** How the NETCONF layer was asked for: the subsystem, or Junos's exec commands. */
export type NetconfEntry = 'subsystem' | 'exec';

export interface SshListenerOptions {
  host: string;
  port: number;
  hostKeys: Buffer[];
  limits: SshLimits;
  /** Looked up at each login, so users can change while running. */
  findUser: (name: string) => UserAccount | undefined;
  /** Called with an accepted NETCONF channel. */
  onNetconf: (channel: ServerChannel, peer: AuthenticatedPeer, entry: NetconfEntry) => void;
  /** Lets a fault plan or a stopped device refuse the subsystem. */
  refuseNetconf?: (peer: AuthenticatedPeer) => boolean;
  onEvent?: (event: string, detail: Record<string, unknown>) => void;
}

/** Junos answers these exec commands with a NETCONF session (ncclient and Juniper's Ruby client use them). */
const NETCONF_EXEC = /^\s*(xml-mode\s+netconf|junoscript\s+netconf)(\s+need-trailer)?\s*$/;

/**
 * One SSH endpoint: authentication, limits and channel set-up. What flows
 * over an accepted NETCONF channel is not its business.
 */
export class SshListener {
  private readonly o: SshListenerOptions;
  private server: InstanceType<typeof Server> | undefined;
  private readonly connections = new Set<Connection>();
  private unauthenticated = 0;

  constructor(o: SshListenerOptions) {
    this.o = o;
  }

  get port(): number {
    const a = this.server?.address() as AddressInfo | null | undefined;
    return a?.port ?? this.o.port;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async start(): Promise<void> {
    const server = new Server(
      {
        hostKeys: this.o.hostKeys,
        ident: 'OpenSSH_7.5',
        algorithms: { kex: [...SERVER_KEX] },
      },
      (client, info) => this.onConnection(client, info.ip),
    );
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      server.once('error', onError);
      server.listen(this.o.port, this.o.host, () => {
        server.off('error', onError);
        resolve();
      });
    });
    server.on('error', (err: Error) => this.o.onEvent?.('server-error', { err: err.message }));
  }

  /** Stops listening and drops every connection, as a powered-off box would. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const c of this.connections) c.end();
    for (const c of this.connections) (c as unknown as { _sock?: { destroy(): void } })._sock?.destroy();
    this.connections.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private onConnection(client: Connection, ip: string): void {
    const { limits } = this.o;
    if (this.connections.size >= limits.connectionLimit || this.unauthenticated >= limits.maxUnauthenticated) {
      this.o.onEvent?.('connection-refused', { ip, reason: this.connections.size >= limits.connectionLimit ? 'connection-limit' : 'max-unauthenticated' });
      client.on('error', () => undefined);
      client.end();
      return;
    }
    this.connections.add(client);
    this.unauthenticated++;
    let authenticated = false;
    let peer: AuthenticatedPeer | undefined;
    const grace = setTimeout(() => {
      this.o.onEvent?.('login-grace-expired', { ip });
      client.end();
    }, limits.loginGraceMs);
    grace.unref();

    client.on('authentication', (ctx: AuthContext) => {
      const user = this.o.findUser(ctx.username);
      const ok = (): void => {
        peer = { user: user!, remoteAddress: ip };
        ctx.accept();
      };
      switch (ctx.method) {
        case 'password':
          if (user?.password !== undefined && passwordMatches(user.password, ctx.password)) return ok();
          break;
        case 'keyboard-interactive':
          if (user?.password === undefined) break;
          ctx.prompt([{ prompt: 'Password:', echo: false }], (answers) => {
            if (passwordMatches(user.password!, answers[0] ?? '')) ok();
            else ctx.reject(['publickey', 'password', 'keyboard-interactive']);
          });
          return;
        case 'publickey': {
          const key = user?.keys.find((k) => keyMatches(k, ctx.key.algo, ctx.key.data));
          if (!key) break;
          if (!ctx.signature) return ctx.accept(); // the client asks whether this key would do
          if (key.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true) return ok();
          break;
        }
        default:
          break;
      }
      ctx.reject(['publickey', 'password', 'keyboard-interactive']);
    });

    client.on('ready', () => {
      authenticated = true;
      clearTimeout(grace);
      this.unauthenticated--;
      this.o.onEvent?.('login', { ip, user: peer?.user.name });
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        const open = (accept: () => ServerChannel, entry: NetconfEntry): void => {
          if (!peer || this.o.refuseNetconf?.(peer)) return;
          this.o.onNetconf(accept(), peer, entry);
        };
        session.on('subsystem', (accept, reject, info) => {
          if (info.name !== 'netconf' || !peer || this.o.refuseNetconf?.(peer)) return reject();
          open(accept, 'subsystem');
        });
        session.on('exec', (accept, reject, info) => {
          if (!NETCONF_EXEC.test(info.command) || !peer || this.o.refuseNetconf?.(peer)) return reject();
          open(accept, 'exec');
        });
        // A Junos box has a CLI shell; this emulator has only NETCONF.
        session.on('shell', (_accept, reject) => reject());
        session.on('pty', (accept) => accept?.());
      });
    });

    client.on('error', (err: Error) => this.o.onEvent?.('client-error', { ip, err: err.message }));
    client.on('close', () => {
      clearTimeout(grace);
      if (!authenticated) this.unauthenticated--;
      this.connections.delete(client);
    });
  }
}
