/**
 * src/transport/ssh-memory.ts: the Buffers ssh2 keeps for a connection's
 * life are not slices of Node's shared 8 KB pool (each would pin a slab),
 * and ssh2 works as before. Pins the ssh2 1.17 internals it relies on.
 */
import { expect } from 'chai';
import net, { type AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import type { Connection } from 'ssh2';
import { handshakeUnpooled, unpooled } from '../../src/transport/ssh-memory.js';
import { newEd25519KeyPair } from '../../src/transport/device-keys.js';
import { coalesceWrites } from '../../src/transport/socket-writes.js';

const { Server, Client } = ssh2;

/** A Buffer with a backing store of its own (not a slice of a shared slab). */
const ownStore = (b: Buffer | undefined): boolean => b !== undefined && b.buffer.byteLength === b.length;

interface ServerSide {
  _protocol: { _identRaw?: Buffer; _remoteIdentRaw?: Buffer; _decipher?: { _tag?: Buffer }; parse: unknown };
}

describe('SSH memory: handshake Buffers outside the shared pool', function () {
  this.timeout(20_000);

  it('unpooled() gives the value back and restores the pool size, also when it throws', () => {
    const size = Buffer.poolSize;
    const inside = unpooled(() => Buffer.allocUnsafe(16));
    expect(ownStore(inside)).to.equal(true);
    expect(Buffer.poolSize).to.equal(size);
    expect(() =>
      unpooled(() => {
        throw new Error('boom');
      }),
    ).to.throw('boom');
    expect(Buffer.poolSize).to.equal(size);
    expect(ownStore(Buffer.allocUnsafe(16))).to.equal(false);
  });

  it('after login the version lines and the cipher tag have stores of their own, parse is ssh2s again, and the session works', async () => {
    const hostKey = newEd25519KeyPair('test').private;
    let server: Connection | undefined;
    const ssh = new Server({ hostKeys: [hostKey], ident: 'OpenSSH_7.5' }, (client) => {
      handshakeUnpooled(client);
      server = client;
      client.on('authentication', (ctx) => ctx.accept());
      client.on('session', (accept) => {
        accept().on('exec', (acc, _rej, info) => {
          const ch = acc();
          ch.end(`ran ${info.command}`);
          ch.exit(0);
        });
      });
    });
    const tcp = net.createServer((socket) => unpooled(() => ssh.injectSocket(socket)));
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', () => r()));
    const c = new Client();
    try {
      await new Promise<void>((resolve, reject) => {
        c.once('ready', () => resolve());
        c.once('error', reject);
        c.connect({ host: '127.0.0.1', port: (tcp.address() as AddressInfo).port, username: 'u', password: 'p' });
      });
      const out = await new Promise<string>((resolve, reject) =>
        c.exec('show version', (err, ch) => {
          if (err) return reject(err);
          let text = '';
          ch.on('data', (d: Buffer) => (text += d.toString()));
          ch.on('close', () => resolve(text));
        }),
      );
      expect(out).to.equal('ran show version');
      const proto = (server as unknown as ServerSide)._protocol;
      expect(ownStore(proto._identRaw), 'own version line').to.equal(true);
      expect(ownStore(proto._remoteIdentRaw), 'client version line').to.equal(true);
      expect(proto._remoteIdentRaw!.toString('latin1')).to.match(/^SSH-2\.0-/);
      if (proto._decipher?._tag !== undefined) expect(ownStore(proto._decipher._tag), 'AES-GCM tag').to.equal(true);
      expect(Object.prototype.hasOwnProperty.call(proto, 'parse'), 'parse back to the prototype').to.equal(false);
    } finally {
      c.end();
      await new Promise<void>((r) => tcp.close(() => r()));
    }
  });
});

describe('coalesceWrites: one function for every socket', function () {
  this.timeout(20_000);

  it('corks each socket until the end of the turn, keeps the bytes in order and calls a write callback', async () => {
    const received: Buffer[] = [];
    let done: () => void = () => undefined;
    const all = new Promise<void>((r) => (done = r));
    const tcp = net.createServer((s) => {
      s.on('data', (d: Buffer) => {
        received.push(d);
        if (Buffer.concat(received).length === 6) done();
      });
    });
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', () => r()));
    const port = (tcp.address() as AddressInfo).port;
    const a = net.connect(port, '127.0.0.1');
    const b = net.connect(port, '127.0.0.1');
    try {
      await Promise.all([a, b].map((s) => new Promise<void>((r) => s.once('connect', () => r()))));
      coalesceWrites(a);
      coalesceWrites(a);
      coalesceWrites(b);
      expect(a.write).to.equal(b.write);
      let called = false;
      a.write(Buffer.from('ab'));
      a.write(Buffer.from('cd'), () => (called = true));
      expect(a.writableCorked).to.equal(1);
      expect(b.writableCorked).to.equal(0);
      await new Promise((r) => process.nextTick(r));
      expect(a.writableCorked).to.equal(0);
      a.write(Buffer.from('ef'));
      await all;
      expect(Buffer.concat(received).toString()).to.equal('abcdef');
      expect(called).to.equal(true);
    } finally {
      a.destroy();
      b.destroy();
      await new Promise<void>((r) => tcp.close(() => r()));
    }
  });
});
