/**
 * ssh2's SFTP server object over a byte channel, for connections an SSH
 * worker carries. ssh2 makes its SFTP object only in the process that runs
 * ssh2 (server.js builds it from the session's own channel); in a worker
 * there is no 'sftp' listener, so ssh2 hands subsystem `sftp` over as a plain
 * subsystem channel and the worker relays its bytes like any other. Here, in
 * the owner, the same SFTP class (ssh2/lib/protocol/SFTP.js) parses and
 * writes the protocol over that relayed channel, so src/files/sftp.ts serves
 * both paths with one code.
 *
 * This depends on ssh2 1.17 internals, which its types do not describe:
 * - `new SFTP(client, chanInfo, { server: true })` reads
 *   `client._protocol._remoteIdentRaw` (an OpenSSH client swaps SYMLINK's
 *   paths; ssh2 reads them right only when it knows) and keeps
 *   `chanInfo.outgoing` as its `outgoing`;
 * - it writes each packet whole with `client._protocol.channelData(id, buf)`
 *   while `outgoing.state` is 'open' and `outgoing.window` has room (no larger
 *   than `outgoing.packetSize` at a time); with no room it keeps the packet,
 *   sets `_waitWindow` and leaves in `_chunkcb` the function that sends what
 *   it kept (what ssh2's CHANNEL_WINDOW_ADJUST handler calls);
 * - `push(buf)` feeds it the client's bytes, `push(null)` the client's EOF;
 * - `end()` / `destroy()` close through `client._protocol.channelClose(id)`;
 *   src/files/copy-channels.ts sends the exit status through
 *   `_protocol.exitStatus(id, status)`.
 * sftpOverChannelProblem() checks these on first use and
 * test/workers/sftp-over-channel.test.ts pins them: an ssh2 upgrade that
 * changes them fails that test, and at run time `sftp` through a worker is
 * refused (as before this module) rather than served wrong.
 */
import { createRequire } from 'node:module';
import type { SFTPWrapper } from 'ssh2';

/** A relayed channel as the owner holds it (src/workers/remote.ts RemoteChannel). */
export interface ByteChannel {
  /** False: stop writing until 'drain'. */
  write(data: Buffer): boolean;
  exit(status: number): void;
  close(): void;
  pause(): unknown;
  resume(): unknown;
  on(event: 'data', fn: (data: Buffer) => void): unknown;
  on(event: 'end' | 'close' | 'drain', fn: () => void): unknown;
}

type ChannelState = 'open' | 'eof' | 'closing' | 'closed';

/** One direction of ssh2's channel bookkeeping (its chanInfo.incoming / outgoing). */
interface ChannelSide {
  id: number;
  state: ChannelState;
  window: number;
  packetSize: number;
}

/** What ssh2's SFTP reads and calls of the connection it serves (its `client._protocol`). */
interface ProtocolPort {
  _remoteIdentRaw: Buffer | undefined;
  channelData(id: number, data: Buffer): void;
  channelClose(id: number): void;
  exitStatus(id: number, status: number): void;
}

/** The members of ssh2's SFTP object used here that its public types leave out. */
interface SftpInternals {
  push(data: Buffer | null): void;
  readonly outgoing: ChannelSide;
  readonly incoming: ChannelSide;
  readonly _isOpenSSH: unknown;
  _waitWindow: boolean;
  _chunkcb: (() => void) | undefined;
  readonly readable: boolean;
  emit(event: string, ...args: unknown[]): boolean;
}

type SftpObject = SFTPWrapper & SftpInternals;

type SftpConstructor = new (
  client: { _protocol: ProtocolPort },
  chanInfo: { type: string; incoming: ChannelSide; outgoing: ChannelSide },
  cfg: { server: boolean },
) => SftpObject;

/**
 * The window the SFTP object sees while the channel takes bytes: no packet is
 * ever split or held for want of window (the worker's ssh2 channel does the
 * real SSH window and packet size); 0 while the channel says "wait".
 */
const OPEN = Number.MAX_SAFE_INTEGER;

let sftpClass: SftpConstructor | undefined;
let problem: string | null | undefined;

function loadSftpClass(): SftpConstructor {
  if (!sftpClass) {
    // ssh2 exports no path but its main one to ESM types; its package has no "exports" map, so require finds the file.
    const mod = createRequire(import.meta.url)('ssh2/lib/protocol/SFTP.js') as { SFTP?: unknown };
    if (typeof mod.SFTP !== 'function') throw new Error('ssh2/lib/protocol/SFTP.js exports no SFTP class');
    sftpClass = mod.SFTP as SftpConstructor;
  }
  return sftpClass;
}

/** An SFTP INIT (version 3), as a client opens with. */
const INIT = Buffer.from([0, 0, 0, 5, 1, 0, 0, 0, 3]);

/**
 * Why ssh2's SFTP cannot be run over a byte channel here, or undefined when
 * it can: builds one over a probe and checks what this module relies on
 * (the constructor's arguments, push, the window, channelData, _chunkcb,
 * channelClose). Computed once.
 */
export function sftpOverChannelProblem(): string | undefined {
  if (problem === undefined) {
    let what: string | undefined;
    try {
      what = probe();
    } catch (e) {
      what = e instanceof Error ? e.message : String(e);
    }
    problem = what === undefined ? null : `ssh2's SFTP internals changed (${what}); sftp through an SSH worker is refused`;
    // Said once, on stderr: otherwise a client sees only "subsystem request failed".
    if (problem) process.emitWarning(problem);
  }
  return problem ?? undefined;
}

/** What of the relied-on behaviour is missing, or undefined. */
function probe(): string | undefined {
  const written: Buffer[] = [];
  const sent = (): number => written.length;
  let closed = -1;
  const port: ProtocolPort = {
    _remoteIdentRaw: Buffer.from('SSH-2.0-OpenSSH_9.2p1'),
    channelData: (_id, data) => void written.push(data),
    channelClose: (id) => void (closed = id),
    exitStatus: () => undefined,
  };
  const outgoing: ChannelSide = { id: 7, state: 'open', window: 0, packetSize: OPEN };
  const incoming: ChannelSide = { id: 7, state: 'open', window: OPEN, packetSize: OPEN };
  const sftp = new (loadSftpClass())({ _protocol: port }, { type: 'session', incoming, outgoing }, { server: true });
  sftp.on('error', () => undefined);
  if (sftp.outgoing !== outgoing || typeof sftp.push !== 'function') return 'outgoing / push';
  if (!sftp._isOpenSSH) return '_remoteIdentRaw';
  sftp.push(INIT);
  // No window: the VERSION reply is kept, with the function that sends it.
  if (sent() !== 0 || !sftp._waitWindow || typeof sftp._chunkcb !== 'function') return 'window / _waitWindow / _chunkcb';
  outgoing.window = OPEN;
  sftp._waitWindow = false;
  sftp._chunkcb();
  const version = written[0];
  if (sent() !== 1 || !version || version[4] !== 2 || version.readUInt32BE(5) !== 3) return 'channelData';
  sftp.end();
  if (closed !== 7 || outgoing.state !== 'closing') return 'channelClose';
  return undefined;
}

export interface SftpOverChannelOptions {
  /** The client's SSH version line (ssh2 reads OpenSSH's SYMLINK order from it). */
  clientIdent: string | undefined;
}

/**
 * ssh2's SFTP server object whose packets travel over `channel`. Back-pressure
 * both ways: when the channel says "wait" the SFTP object's window is 0, so it
 * keeps its replies, and the client's requests are not read (as OpenSSH's
 * sftp-server reads no request while its output queue is full); on 'drain'
 * both go on. Call sftpOverChannelProblem() first.
 */
export function sftpOverChannel(channel: ByteChannel, o: SftpOverChannelOptions): SFTPWrapper {
  const outgoing: ChannelSide = { id: 0, state: 'open', window: OPEN, packetSize: OPEN };
  const incoming: ChannelSide = { id: 0, state: 'open', window: OPEN, packetSize: OPEN };
  let waiting = false;
  const port: ProtocolPort = {
    _remoteIdentRaw: o.clientIdent === undefined ? undefined : Buffer.from(o.clientIdent),
    channelData: (_id, data) => {
      if (channel.write(data) || waiting) return;
      waiting = true;
      outgoing.window = 0;
      channel.pause();
    },
    channelClose: () => channel.close(),
    exitStatus: (_id, status) => channel.exit(status),
  };
  const sftp = new (loadSftpClass())({ _protocol: port }, { type: 'session', incoming, outgoing }, { server: true });
  channel.on('drain', () => {
    if (!waiting) return;
    waiting = false;
    if (outgoing.state === 'open') outgoing.window = OPEN;
    // What ssh2's CHANNEL_WINDOW_ADJUST does for a channel waiting on its window.
    if (sftp._waitWindow) {
      sftp._waitWindow = false;
      sftp._chunkcb?.();
    }
    if (!waiting) channel.resume();
  });
  channel.on('data', (d) => sftp.push(d));
  channel.on('end', () => {
    if (incoming.state === 'open') incoming.state = 'eof';
    sftp.push(null);
  });
  // ssh2's CHANNEL_CLOSE for an SFTP object: nothing more is read or sent, then 'close'.
  channel.on('close', () => {
    incoming.state = 'closed';
    outgoing.state = 'closed';
    if (sftp.readable) sftp.push(null);
    sftp.emit('close');
  });
  return sftp;
}
