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
import { coalesceWrites, flushAndDestroy } from '../transport/ssh-listener.js';
import { handshakeUnpooled, unpooled } from '../transport/ssh-memory.js';
import { controlMessage, FrameKind, FrameReader, FrameWriter } from './wire.js';

const { Server } = ssh2;

type Accept = (() => ServerChannel | void) | undefined;
type Reject = (() => void) | undefined;

interface ChannelState {
  c: number;
  session: Session;
  channel: ServerChannel | undefined;
  accept?: () => Session;
  reject?: () => void;
  requests: Map<number, PendingRequest>;
}

/**
 * A request the owner has not answered yet. A subsystem, exec or shell is
 * accepted in ssh2 at once with its reply held back: ssh2 drops channel data
 * (and an EOF) that arrive before a channel exists, and OpenSSH sends stdin
 * right behind its request. The channel buffers until the owner says yes.
 */
interface PendingRequest {
  wantReply: boolean;
  /** The started channel, for subsystem / exec / shell. */
  channel: ServerChannel | undefined;
}

/** The parts of ssh2's server-side objects the held replies need (not in its types). */
interface ProtocolReplies {
  channelSuccess(chan: number): void;
  channelFailure(chan: number): void;
}
const protocolOf = (client: Connection): ProtocolReplies => (client as unknown as { _protocol: ProtocolReplies })._protocol;
const remoteChannelId = (session: Session): number => (session as unknown as { _chanInfo: { outgoing: { id: number } } })._chanInfo.outgoing.id;

/** Channel ids whose success reply is held, per protocol. */
const held = new WeakMap<ProtocolReplies, Set<number>>();
/** The protocol's own reply functions, before holding wraps them. */
const replies = new WeakMap<ProtocolReplies, ProtocolReplies>();

function holdReplies(client: Connection): void {
  const proto = protocolOf(client);
  if (replies.has(proto)) return;
  const own = { channelSuccess: proto.channelSuccess.bind(proto), channelFailure: proto.channelFailure.bind(proto) };
  replies.set(proto, own);
  const set = new Set<number>();
  held.set(proto, set);
  proto.channelSuccess = (chan: number) => {
    if (!set.has(chan)) own.channelSuccess(chan);
  };
}

interface ConnState {
  socket: Socket;
  client: Connection | undefined;
  auths: Map<number, AuthContext>;
}

const pipe = new net.Socket({ fd: 3, readable: true, writable: true });
const out = new FrameWriter(pipe);
const send = (e: WorkerEvent): void => out.control(e);

const servers = new Map<number, InstanceType<typeof Server>>();
const conns = new Map<number, ConnState>();
const channels = new Map<number, ChannelState>();
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
        const c = byPeer.get(`${info.ip}|${info.port}`);
        const state = c === undefined ? undefined : conns.get(c);
        if (c === undefined || !state) return void client.end();
        handshakeUnpooled(client);
        state.client = client;
        wireClient(c, client, state);
      },
    );
    servers.set(l, s);
  }
  return s;
}

function adopt(c: number, socket: Socket, server: InstanceType<typeof Server>): void {
  const state: ConnState = { socket, client: undefined, auths: new Map() };
  conns.set(c, state);
  socket.setNoDelay(true);
  socket.on('error', () => undefined);
  socket.once('close', () => {
    conns.delete(c);
    for (const [id, ch] of channels) if (ch.c === c) channels.delete(id);
    send({ t: 'closed', c });
  });
  coalesceWrites(socket);
  const peer = `${socket.remoteAddress}|${socket.remotePort}`;
  byPeer.set(peer, c);
  socket.once('close', () => byPeer.delete(peer));
  unpooled(() => server.injectSocket(socket));
  for (const cmd of early.get(c) ?? []) command(cmd);
  early.delete(c);
}

function wireClient(c: number, client: Connection, state: ConnState): void {
  client.on('authentication', (ctx: AuthContext) => {
    const a = nextAuth++;
    state.auths.set(a, ctx);
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
  });
  client.on('ready', () => {
    const ident = (client as unknown as { _protocol: { _remoteIdentRaw?: Buffer } })._protocol._remoteIdentRaw;
    send({ t: 'ready', c, ...(ident ? { ident: ident.toString('latin1') } : {}) });
  });
  client.on('error', (err: Error) => send({ t: 'error', c, message: err.message }));
  client.on('session', (accept, reject) => {
    const ch = nextChannel++;
    channels.set(ch, { c, session: undefined as unknown as Session, channel: undefined, accept, reject, requests: new Map() });
    send({ t: 'session', c, ch });
  });
}

function wireSession(ch: number, st: ChannelState): void {
  const { session } = st;
  const client = conns.get(st.c)?.client;
  if (!client) return;
  holdReplies(client);
  const proto = protocolOf(client);
  const relay = (kind: SessionRequestKind) => (accept: Accept, reject: Reject, info?: unknown) => {
    const r = nextRequest++;
    let channel: ServerChannel | undefined;
    if (kind === 'subsystem' || kind === 'exec' || kind === 'shell') {
      const id = remoteChannelId(session);
      held.get(proto)!.add(id);
      channel = accept?.() ?? undefined;
      held.get(proto)!.delete(id);
      channel?.on('error', () => undefined);
    }
    st.requests.set(r, { wantReply: reject !== undefined, channel });
    const plain = info && typeof info === 'object' ? { ...(info as Record<string, unknown>) } : {};
    send({ t: 'request', c: st.c, ch, r, kind, info: plain, wantReply: reject !== undefined });
  };
  session.on('subsystem', relay('subsystem'));
  session.on('exec', relay('exec'));
  session.on('shell', relay('shell'));
  session.on('pty', relay('pty'));
  session.on('window-change', relay('window-change'));
  session.on('env', relay('env'));
  session.on('signal', relay('signal'));
  session.once('close', () => closed(ch));
}

function wireChannel(ch: number, channel: ServerChannel): void {
  channel.on('data', (d: Buffer) => out.data(FrameKind.data, ch, d));
  channel.on('end', () => send({ t: 'eof', ch }));
  channel.on('error', () => undefined);
  channel.once('close', () => closed(ch));
}

function closed(ch: number): void {
  if (channels.delete(ch)) send({ t: 'chclosed', ch });
}

function authCommand(cmd: Extract<OwnerCommand, { t: 'auth-accept' | 'auth-reject' | 'auth-prompt' }>): void {
  const state = conns.get(cmd.c);
  const ctx = state?.auths.get(cmd.a);
  if (!state || !ctx) return;
  if (cmd.t === 'auth-prompt') {
    (ctx as KeyboardAuthContext).prompt(cmd.prompts, (answers) => send({ t: 'answers', c: cmd.c, a: cmd.a, answers }));
    return;
  }
  state.auths.delete(cmd.a);
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
      const req = st?.requests.get(cmd.r);
      if (!st || !req) return;
      st.requests.delete(cmd.r);
      const conn = conns.get(st.c)?.client;
      const own = conn ? replies.get(protocolOf(conn)) : undefined;
      if (!own) return;
      const id = remoteChannelId(st.session);
      // Answered here rather than through ssh2's accept/reject: those refuse to once a channel exists.
      if (cmd.t === 'request-reject') {
        if (req.wantReply) own.channelFailure(id);
        // A refused start leaves its held channel unread; the client closes it.
        return;
      }
      if (req.wantReply) own.channelSuccess(id);
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
  // Bytes ssh2 took without back-pressure are acknowledged at once; the rest when it drains.
  if (ok) out.ack(ch, payload.length);
  else channel.once('drain', () => out.ack(ch, payload.length));
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
    return;
  }
  const server = serverFor(m.l, m.setup);
  if (!socket) return;
  if (!server) {
    socket.destroy();
    return;
  }
  adopt(m.c, socket, server);
});

send({ t: 'hello' });
