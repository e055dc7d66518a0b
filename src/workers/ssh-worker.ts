/**
 * An SSH worker process: it terminates SSH (key exchange, ciphers, packets)
 * for the connections the device owner hands it, and relays everything
 * else to the owner: each authentication attempt (the owner decides), each
 * channel and request (the owner accepts or refuses) and each channel's
 * bytes. No device state lives here, so any number of workers serve the
 * same device and a crash loses only the connections it carried.
 */
import net, { type Socket } from 'node:net';
import ssh2 from 'ssh2';
import type { AuthContext, Connection, ServerChannel, Session, KeyboardAuthContext, PublicKeyAuthContext, PasswordAuthContext } from 'ssh2';
import type { HandOver, ListenerSetup, OwnerCommand, SessionRequestKind, WorkerEvent } from './messages.js';
import { coalesceWrites, flushAndDestroy } from '../transport/socket-writes.js';
import { handshakeUnpooled, unpooled } from '../transport/ssh-memory.js';
import { acceptHeld, sendReply } from './held-replies.js';
import { ACK_EVERY, controlMessage, FrameKind, FrameReader, FrameWriter } from './wire.js';

const { Server } = ssh2;

type Accept = (() => ServerChannel | void) | undefined;
type Reject = (() => void) | undefined;

interface ChannelState {
  c: number;
  session: Session;
  channel: ServerChannel | undefined;
  accept?: () => Session;
  reject?: () => void;
  /** Bytes ssh2 took that the owner has not been told of yet. */
  untold: number;
}

/**
 * A request the owner has not answered yet. A subsystem, exec or shell is
 * accepted in ssh2 at once with its reply held back: ssh2 drops channel data
 * (and an EOF) that arrive before a channel exists, and OpenSSH sends stdin
 * right behind its request. The channel buffers until the owner says yes.
 */
interface PendingRequest {
  ch: number;
  wantReply: boolean;
  /** The started channel, for subsystem / exec / shell. */
  channel: ServerChannel | undefined;
}

interface ConnState {
  /** The listener it came to. */
  l: number;
  socket: Socket;
  client: Connection | undefined;
  /** The socket's peer, until ssh2 reports the connection (byPeer). */
  peer: string | undefined;
}

/** This worker's number of a connection, channel or socket, on ssh2's objects and the socket (shared listeners read it from `this`). */
const ID = Symbol('relayId');
type Tagged<T> = T & { [ID]: number };

const pipe = new net.Socket({ fd: 3, readable: true, writable: true });
const out = new FrameWriter(pipe);
const send = (e: WorkerEvent): void => out.control(e);

const servers = new Map<number, InstanceType<typeof Server>>();
/** Per listener: the methods offered, the answer to any other (see OFFERED_METHODS). */
const offered = new Map<number, string[]>();
const conns = new Map<number, ConnState>();
const channels = new Map<number, ChannelState>();
/** Authentication attempts waiting for the owner, by attempt id (unique in this worker). */
const auths = new Map<number, { c: number; ctx: AuthContext }>();
/** Requests waiting for the owner, by request id (unique in this worker). */
const requests = new Map<number, PendingRequest>();
/** Commands for a connection whose socket has not arrived yet (the IPC channel and the pipe are not ordered). */
const early = new Map<number, OwnerCommand[]>();
/** ssh2 reports a connection by its peer's address and port; this pairs it with its socket. */
const byPeer = new Map<string, number>();
let nextChannel = 1;
let nextAuth = 1;
let nextRequest = 1;

function b64(b: Buffer | undefined): string | undefined {
  return b === undefined ? undefined : b.toString('base64');
}

function serverFor(l: number, setup: ListenerSetup | undefined): InstanceType<typeof Server> | undefined {
  let s = servers.get(l);
  if (!s && setup) {
    s = new Server(
      { hostKeys: setup.hostKeys.map((k) => Buffer.from(k, 'base64')), ident: setup.ident, algorithms: { kex: setup.kex as ssh2.KexAlgorithm[] } },
      (client, info) => {
        const peer = `${info.ip}|${info.port}`;
        const c = byPeer.get(peer);
        const state = c === undefined ? undefined : conns.get(c);
        if (c === undefined || !state) return void client.end();
        byPeer.delete(peer);
        state.peer = undefined;
        handshakeUnpooled(client);
        state.client = client;
        wireClient(c, client);
      },
    );
    servers.set(l, s);
    if (setup.methods) offered.set(l, setup.methods);
  }
  return s;
}

function ignore(): void {}

function onSocketClose(this: Tagged<Socket>): void {
  const c = this[ID];
  const state = conns.get(c);
  conns.delete(c);
  if (state?.peer !== undefined) byPeer.delete(state.peer);
  for (const [id, ch] of channels) if (ch.c === c) channels.delete(id);
  for (const [a, at] of auths) if (at.c === c) auths.delete(a);
  send({ t: 'closed', c });
}

function adopt(c: number, l: number, socket: Socket, server: InstanceType<typeof Server>): void {
  const peer = `${socket.remoteAddress}|${socket.remotePort}`;
  conns.set(c, { l, socket, client: undefined, peer });
  (socket as Tagged<Socket>)[ID] = c;
  socket.setNoDelay(true);
  socket.on('error', ignore);
  socket.once('close', onSocketClose);
  coalesceWrites(socket);
  byPeer.set(peer, c);
  unpooled(() => server.injectSocket(socket));
  for (const cmd of early.get(c) ?? []) command(cmd);
  early.delete(c);
}

function onAuthentication(this: Tagged<Connection>, ctx: AuthContext): void {
  const c = this[ID];
  const methods = offered.get(conns.get(c)?.l ?? 0);
  // `none` (or any method not offered) gets the list, as the owner would answer: no round trip.
  if (methods && !methods.includes(ctx.method)) return ctx.reject(methods as ssh2.AuthenticationType[]);
  const a = nextAuth++;
  auths.set(a, { c, ctx });
  const e: WorkerEvent = { t: 'auth', c, a, user: ctx.username, method: ctx.method };
  if (ctx.method === 'password') e.password = (ctx as PasswordAuthContext).password;
  if (ctx.method === 'publickey') {
    const k = ctx as PublicKeyAuthContext;
    e.key = { algo: k.key.algo, data: k.key.data.toString('base64') };
    e.signature = b64(k.signature);
    e.blob = b64(k.blob);
    e.hashAlgo = k.hashAlgo;
  }
  send(e);
}

function onReady(this: Tagged<Connection>): void {
  const ident = (this as unknown as { _protocol: { _remoteIdentRaw?: Buffer } })._protocol._remoteIdentRaw;
  send({ t: 'ready', c: this[ID], ...(ident ? { ident: ident.toString('latin1') } : {}) });
}

function onClientError(this: Tagged<Connection>, err: Error): void {
  send({ t: 'error', c: this[ID], message: err.message });
}

function onSession(this: Tagged<Connection>, accept: () => Session, reject: () => void): void {
  const ch = nextChannel++;
  channels.set(ch, { c: this[ID], session: undefined as unknown as Session, channel: undefined, accept, reject, untold: 0 });
  send({ t: 'session', c: this[ID], ch });
}

function wireClient(c: number, client: Connection): void {
  (client as Tagged<Connection>)[ID] = c;
  client.on('authentication', onAuthentication);
  client.on('ready', onReady);
  client.on('error', onClientError);
  client.on('session', onSession);
}

const REQUEST_KINDS: readonly SessionRequestKind[] = ['subsystem', 'exec', 'shell', 'pty', 'window-change', 'env', 'signal'];

function relay(session: Tagged<Session>, kind: SessionRequestKind, accept: Accept, reject: Reject, info: unknown): void {
  const ch = session[ID];
  const st = channels.get(ch);
  const client = st ? conns.get(st.c)?.client : undefined;
  if (!st || !client) return;
  const r = nextRequest++;
  let channel: ServerChannel | undefined;
  if (kind === 'subsystem' || kind === 'exec' || kind === 'shell') {
    channel = acceptHeld(client, session, accept);
    channel?.on('error', ignore);
  }
  requests.set(r, { ch, wantReply: reject !== undefined, channel });
  const plain = info && typeof info === 'object' ? { ...(info as Record<string, unknown>) } : {};
  send({ t: 'request', c: st.c, ch, r, kind, info: plain, wantReply: reject !== undefined });
}

/** One listener per request kind for every session (ssh2 calls it with the session as `this`). */
const RELAYS = REQUEST_KINDS.map((kind) => [kind, function (this: Tagged<Session>, accept: Accept, reject: Reject, info?: unknown) {
  relay(this, kind, accept, reject, info);
}] as const);

function onSessionClose(this: Tagged<Session>): void {
  closed(this[ID]);
}

function wireSession(ch: number, st: ChannelState): void {
  const { session } = st;
  if (!conns.get(st.c)?.client) return;
  (session as Tagged<Session>)[ID] = ch;
  for (const [kind, fn] of RELAYS) session.on(kind as 'subsystem', fn as never);
  session.once('close', onSessionClose);
}

function onChannelData(this: Tagged<ServerChannel>, d: Buffer): void {
  out.data(FrameKind.data, this[ID], d);
}

function onChannelEnd(this: Tagged<ServerChannel>): void {
  send({ t: 'eof', ch: this[ID] });
}

function onChannelClose(this: Tagged<ServerChannel>): void {
  closed(this[ID]);
}

function wireChannel(ch: number, channel: ServerChannel): void {
  (channel as Tagged<ServerChannel>)[ID] = ch;
  channel.on('data', onChannelData);
  channel.on('end', onChannelEnd);
  channel.on('error', ignore);
  channel.once('close', onChannelClose);
}

function closed(ch: number): void {
  if (!channels.delete(ch)) return;
  for (const [r, req] of requests) if (req.ch === ch) requests.delete(r);
  send({ t: 'chclosed', ch });
}

function authCommand(cmd: Extract<OwnerCommand, { t: 'auth-accept' | 'auth-reject' | 'auth-prompt' }>): void {
  const at = auths.get(cmd.a);
  if (!at || at.c !== cmd.c || !conns.has(cmd.c)) return;
  const { ctx } = at;
  if (cmd.t === 'auth-prompt') {
    (ctx as KeyboardAuthContext).prompt(cmd.prompts, (answers) => send({ t: 'answers', c: cmd.c, a: cmd.a, answers }));
    return;
  }
  auths.delete(cmd.a);
  if (cmd.t === 'auth-accept') ctx.accept();
  else ctx.reject(cmd.methods as ssh2.AuthenticationType[]);
}

function command(cmd: OwnerCommand): void {
  if ('c' in cmd && !conns.has(cmd.c) && cmd.t !== 'request-accept' && cmd.t !== 'request-reject') {
    // The socket is still on its way over the IPC channel; a closed one is never seen again.
    const q = early.get(cmd.c) ?? [];
    q.push(cmd);
    early.set(cmd.c, q);
    return;
  }
  switch (cmd.t) {
    case 'auth-accept':
    case 'auth-reject':
    case 'auth-prompt':
      return authCommand(cmd);
    case 'end':
      return conns.get(cmd.c)?.client?.end() as undefined;
    case 'destroy':
      return void (conns.get(cmd.c)?.socket && flushAndDestroy(conns.get(cmd.c)!.socket));
    case 'drop': {
      const s = conns.get(cmd.c)?.socket;
      s?.end();
      setTimeout(() => s?.destroy(), 1000).unref();
      return;
    }
    case 'session-accept': {
      const st = channels.get(cmd.ch);
      if (!st?.accept) return;
      st.session = st.accept();
      st.accept = st.reject = undefined;
      wireSession(cmd.ch, st);
      return;
    }
    case 'session-reject': {
      const st = channels.get(cmd.ch);
      channels.delete(cmd.ch);
      st?.reject?.();
      return;
    }
    case 'request-accept':
    case 'request-reject': {
      const st = channels.get(cmd.ch);
      const req = requests.get(cmd.r);
      if (!st || !req || req.ch !== cmd.ch) return;
      requests.delete(cmd.r);
      const conn = conns.get(st.c)?.client;
      if (!conn) return;
      // Answered here rather than through ssh2's accept/reject: those refuse to once a channel exists.
      if (cmd.t === 'request-reject') {
        if (req.wantReply) sendReply(conn, st.session, false);
        // A refused start leaves its held channel unread; the client closes it.
        return;
      }
      if (req.wantReply) sendReply(conn, st.session, true);
      if (req.channel) {
        st.channel = req.channel;
        wireChannel(cmd.ch, req.channel);
      }
      return;
    }
    case 'pause':
      return void channels.get(cmd.ch)?.channel?.pause();
    case 'resume':
      return void channels.get(cmd.ch)?.channel?.resume();
    case 'exit':
      return void channels.get(cmd.ch)?.channel?.exit(cmd.status);
    case 'chend':
      return void channels.get(cmd.ch)?.channel?.end();
    case 'chclose':
      return void channels.get(cmd.ch)?.channel?.close();
    case 'memory': {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (cmd.gc && gc) {
        gc();
        gc();
      }
      const m = process.memoryUsage();
      const cpu = process.cpuUsage();
      send({ t: 'memory', q: cmd.q, rss: m.rss, heapUsed: m.heapUsed, external: m.external, connections: conns.size, cpuUser: cpu.user, cpuSystem: cpu.system });
      return;
    }
  }
}

function channelBytes(kind: FrameKind, ch: number, payload: Buffer): void {
  const channel = channels.get(ch)?.channel;
  if (!channel) return;
  const ok = kind === FrameKind.stderr ? channel.stderr.write(payload) : channel.write(payload);
  // Bytes ssh2 took without back-pressure count at once; the rest when it drains.
  if (ok) took(ch, payload.length);
  else channel.once('drain', () => took(ch, payload.length));
}

/** ssh2 took `n` more bytes of channel `ch`: acknowledged in steps of ACK_EVERY (see wire.ts). */
function took(ch: number, n: number): void {
  const st = channels.get(ch);
  if (!st) return;
  st.untold += n;
  if (st.untold < ACK_EVERY) return;
  out.ack(ch, st.untold);
  st.untold = 0;
}

const reader = new FrameReader((kind, id, payload) => {
  if (kind === FrameKind.control) command(controlMessage<OwnerCommand>(payload));
  else channelBytes(kind, id, payload);
});
pipe.on('data', (d: Buffer) => reader.push(d));
// The owner is gone: so is every connection this worker carried for it.
pipe.on('close', () => process.exit(0));
pipe.on('error', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
// One internal listener per socket hand-over being received; many arrive at once for a fleet.
process.setMaxListeners(0);

process.on('message', (m: HandOver, socket?: Socket) => {
  if (m.t === 'unlisten') {
    servers.delete(m.l);
    offered.delete(m.l);
    return;
  }
  const server = serverFor(m.l, m.setup);
  if (!socket) return;
  if (!server) {
    socket.destroy();
    return;
  }
  adopt(m.c, m.l, socket, server);
});

send({ t: 'hello' });
