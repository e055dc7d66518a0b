/**
 * Keeps ssh2's per-connection Buffers out of Node's shared 8 KB allocation
 * pool where they live as long as the connection.
 *
 * Node hands out every Buffer under 4 KB as a slice of a shared 8 KB slab,
 * and a slab lives while any slice of it does. ssh2 allocates a handful of
 * small Buffers per connection that it keeps for the connection's whole life:
 * its own version line twice (Protocol's constructor), the client's version
 * line, the AES-GCM tag scratch buffer, the key-exchange secret and hash
 * (kept by the key exchange's completion closure). Between them, slices of
 * other connections' short-lived packets fill the slabs; measured with 1,000
 * held sessions, 0.66-0.76 whole slabs (5.4-6.2 KB) stayed pinned per
 * connection, a fifth of its memory. (Unpooling every Buffer of the process
 * costs 10 % more CPU per RPC; these allocations are set-up only.)
 *
 * So allocations that happen while ssh2 builds a connection and runs its
 * handshake and login (until 'ready') bypass the pool: each gets a backing
 * store of its own size. ssh2's behaviour is untouched; only where its bytes
 * live changes. A rekey later allocates pooled again (rare: OpenSSH rekeys
 * after about 1 GB).
 */
import type { Connection } from 'ssh2';

interface Parser {
  parse(chunk: Buffer, i: number, len: number): void;
  _remoteIdentRaw?: Buffer;
}

/** Runs `fn` with Node's Buffer pool bypassed (Buffer.allocUnsafe / Buffer.from of < 4 KB). */
export function unpooled<T>(fn: () => T): T {
  const size = Buffer.poolSize;
  // allocate() pools only sizes below poolSize / 2, so 0 pools none; the current slab stays for later.
  Buffer.poolSize = 0;
  try {
    return fn();
  } finally {
    Buffer.poolSize = size;
  }
}

/** A copy with a backing store of its own size. */
function own(b: Buffer): Buffer {
  const c = Buffer.allocUnsafeSlow(b.length);
  b.copy(c);
  return c;
}

function parseUnpooled(this: Parser, chunk: Buffer, i: number, len: number): void {
  const proto = Object.getPrototypeOf(this) as Parser;
  unpooled(() => proto.parse.call(this, chunk, i, len));
}

/**
 * Call from ssh2's 'connection' callback, before anything else: the client's
 * version line (just parsed) moves out of the pool, and the rest of the
 * handshake and login is parsed with the pool bypassed, until 'ready' (or the
 * connection ends first).
 */
export function handshakeUnpooled(client: Connection): void {
  const proto = (client as unknown as { _protocol?: Parser })._protocol;
  if (!proto || typeof proto.parse !== 'function' || Object.prototype.hasOwnProperty.call(proto, 'parse')) return;
  if (Buffer.isBuffer(proto._remoteIdentRaw)) proto._remoteIdentRaw = own(proto._remoteIdentRaw);
  proto.parse = parseUnpooled;
  const done = (): void => {
    client.removeListener('ready', done);
    client.removeListener('close', done);
    // ssh2 replaces parse itself when the connection is torn down; leave that in place.
    if (proto.parse === parseUnpooled) delete (proto as Partial<Parser>).parse;
  };
  client.once('ready', done);
  client.once('close', done);
}
