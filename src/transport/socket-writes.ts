/**
 * How SSH connections write to their TCP socket: a turn's packets go out
 * together (one writev instead of a write per packet and cipher part), and a
 * dropped connection first sends what it had already written. Shared by the
 * listener (connections SSH runs in this process) and the SSH workers.
 */
import net, { type Socket } from 'node:net';

/** Set while a socket is corked until the end of this turn (coalesceWrites). */
const CORKED = Symbol('corked');
/** A write() someone else had put on the socket before, if any. */
const INNER = Symbol('innerWrite');
type Coalesced = Socket & { [CORKED]?: boolean; [INNER]?: Socket['write'] };

const streamWrite = net.Socket.prototype.write;

function uncorkTurn(socket: Coalesced): void {
  socket[CORKED] = false;
  socket.uncork();
}

/** The same function for every socket: a connection holds no closures of its own for this. */
function coalescedWrite(this: Coalesced, ...args: Parameters<Socket['write']>): boolean {
  if (!this[CORKED]) {
    this[CORKED] = true;
    this.cork();
    process.nextTick(uncorkTurn, this);
  }
  return (this[INNER] ?? streamWrite).apply(this, args);
}

/**
 * ssh2 writes each packet (and its AES-CTR/HMAC cipher each part of one) with
 * its own socket.write(). Corking until the end of the turn sends a burst in
 * one writev: a pipelined client's replies, or a packet and its window adjust.
 */
export function coalesceWrites(socket: Socket): void {
  const s = socket as Coalesced;
  if (s.write === coalescedWrite) return;
  if (s.write !== streamWrite) s[INNER] = s.write;
  s[CORKED] = false;
  s.write = coalescedWrite as Socket['write'];
}

/**
 * Drops a connection as a powered-off box does, after what was already
 * written in this turn: corked bytes (coalesceWrites) would otherwise die
 * with the socket, and a reply written just before a reboot (`Shutdown NOW!`)
 * would never reach the client.
 */
export function flushAndDestroy(socket: Socket | { destroy(): void }): void {
  if (socket instanceof net.Socket) while (socket.writableCorked > 0) socket.uncork();
  socket.destroy();
}
