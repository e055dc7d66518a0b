import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import type { Connection, ParsedKey, ServerChannel } from 'ssh2';
import { SERVER_KEX } from '../src/transport/ssh-listener.js';

const { Server, utils } = ssh2;

const EOM = Buffer.from(']]>]]>');

/** A fixed hello, so a NETCONF client's start-up works unchanged. Never parsed. */
const HELLO = Buffer.from(
  '<hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities>' +
    '<capability>urn:ietf:params:netconf:base:1.0</capability></capabilities>' +
    '<session-id>1</session-id></hello>\n]]>]]>\n',
);

export interface CeilingServerOptions {
  host: string;
  port: number;
  hostKeys: Buffer[];
  username: string;
  password: string;
  /** OpenSSH public key lines accepted for `username`. */
  authorizedKeys: string[];
  /** TCP_NODELAY on accepted sockets (Nagle off). ssh2's default, like the emulator's today, leaves Nagle on. */
  noDelay: boolean;
}

export interface CeilingServer {
  readonly port: number;
  /** NETCONF channels open now. */
  sessions(): number;
  stop(): Promise<void>;
}

/**
 * The benchmark's ceiling: a raw ssh2 server with the emulator's SSH set-up
 * (same host keys, same key-exchange list, same ident, the same password and
 * public-key checks) and a `netconf` subsystem that does no XML at all. It
 * sends a fixed hello, swallows the client's hello, and echoes every later
 * `]]>]]>`-framed message back byte for byte. Whatever the emulator costs
 * beyond this is NETCONF/XML/session overhead rather than SSH.
 */
export async function startCeilingServer(o: CeilingServerOptions): Promise<CeilingServer> {
  const keys: ParsedKey[] = o.authorizedKeys.map((line) => {
    const k = utils.parseKey(line);
    if (k instanceof Error || Array.isArray(k)) throw new Error(`ceiling: bad authorized key: ${line.slice(0, 40)}`);
    return k;
  });
  const password = Buffer.from(o.password);
  const conns = new Set<Connection>();
  let channels = 0;

  const onConnection = (client: Connection): void => {
    conns.add(client);
    // Connection.setNoDelay exists in ssh2 1.x but is missing from @types/ssh2.
    if (o.noDelay) (client as Connection & { setNoDelay(on: boolean): unknown }).setNoDelay(true);
    client.on('error', () => undefined);
    client.on('close', () => conns.delete(client));
    client.on('authentication', (ctx) => {
      if (ctx.username === o.username) {
        if (ctx.method === 'password') {
          const given = Buffer.from(ctx.password);
          if (given.length === password.length && timingSafeEqual(given, password)) return ctx.accept();
        } else if (ctx.method === 'publickey') {
          const pub = ctx.key.data;
          const key = keys.find((k) => {
            const mine = k.getPublicSSH();
            return mine.length === pub.length && timingSafeEqual(mine, pub);
          });
          if (key) {
            if (!ctx.signature) return ctx.accept();
            if (key.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true) return ctx.accept();
          }
        }
      }
      ctx.reject(['publickey', 'password']);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('subsystem', (accept, reject, info) => {
          if (info.name !== 'netconf') return reject();
          echoNetconf(accept(), () => channels++, () => channels--);
        });
        session.on('pty', (accept) => accept?.());
      });
    });
  };

  const server = new Server({ hostKeys: o.hostKeys, ident: 'OpenSSH_7.5', algorithms: { kex: [...SERVER_KEX] } }, onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    sessions: () => channels,
    stop: async () => {
      for (const c of conns) c.end();
      for (const c of conns) (c as unknown as { _sock?: { destroy(): void } })._sock?.destroy();
      conns.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function echoNetconf(ch: ServerChannel, opened: () => void, closed: () => void): void {
  opened();
  let pending: Buffer = Buffer.alloc(0);
  let helloSeen = false;
  ch.on('error', () => undefined);
  ch.on('close', closed);
  ch.on('data', (d: Buffer) => {
    pending = pending.length === 0 ? d : Buffer.concat([pending, d]);
    let start = 0;
    for (;;) {
      const at = pending.indexOf(EOM, start);
      if (at < 0) break;
      const end = at + EOM.length;
      if (helloSeen) ch.write(pending.subarray(start, end));
      helloSeen = true;
      start = end;
    }
    pending = start === 0 ? pending : pending.subarray(start);
  });
  ch.write(HELLO);
}
