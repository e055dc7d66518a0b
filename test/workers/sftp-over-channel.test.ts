/**
 * src/workers/sftp-over-channel.ts runs ssh2's SFTP object over a byte
 * channel using ssh2 1.17 internals its types do not describe. These tests
 * pin them: after an ssh2 upgrade that changes them, this file fails (and
 * `sftp` through a worker is refused at run time, never served wrong).
 */
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { SFTPWrapper } from 'ssh2';
import { sftpOverChannel, sftpOverChannelProblem, type ByteChannel } from '../../src/workers/sftp-over-channel.js';

/** A relayed channel that records what is written and says "wait" when told to. */
class FakeChannel extends EventEmitter implements ByteChannel {
  written: Buffer[] = [];
  full = false;
  paused = false;
  exited: number | undefined;
  closed = false;
  write(data: Buffer): boolean {
    this.written.push(data);
    return !this.full;
  }
  exit(status: number): void {
    this.exited = status;
  }
  close(): void {
    this.closed = true;
  }
  pause(): this {
    this.paused = true;
    return this;
  }
  resume(): this {
    this.paused = false;
    return this;
  }
  /** The SFTP packet types written so far. */
  types(): number[] {
    return this.written.map((b) => b[4]!);
  }
}

function packet(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(body.length + 1, 0);
  head[4] = type;
  return Buffer.concat([head, body]);
}

const INIT = packet(1, Buffer.from([0, 0, 0, 3]));

/** SSH_FXP_REALPATH of `path` with request id `id`. */
function realpath(id: number, path: string): Buffer {
  const b = Buffer.alloc(8 + path.length);
  b.writeUInt32BE(id, 0);
  b.writeUInt32BE(path.length, 4);
  b.write(path, 8);
  return packet(16, b);
}

/** SSH_FXP_SYMLINK with the two paths in the order OpenSSH sends them (target first). */
function symlinkAsOpenSsh(id: number, target: string, link: string): Buffer {
  const str = (s: string): Buffer => {
    const b = Buffer.alloc(4 + s.length);
    b.writeUInt32BE(s.length, 0);
    b.write(s, 4);
    return b;
  };
  const idb = Buffer.alloc(4);
  idb.writeUInt32BE(id, 0);
  return packet(20, Buffer.concat([idb, str(target), str(link)]));
}

function served(ident = 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3'): { ch: FakeChannel; sftp: SFTPWrapper } {
  const ch = new FakeChannel();
  const sftp = sftpOverChannel(ch, { clientIdent: ident });
  sftp.on('error', () => undefined);
  return { ch, sftp };
}

describe('SFTP over a relayed channel: the ssh2 internals it depends on', () => {
  it('ssh2 is 1.17: another version needs sftp-over-channel.ts checked against it, then this pin moved', () => {
    const pkg = createRequire(import.meta.url)('ssh2/package.json') as { version: string };
    expect(pkg.version).to.match(/^1\.17\./);
  });

  it('the probe finds every internal it relies on', () => {
    expect(sftpOverChannelProblem()).to.equal(undefined);
  });

  it("answers INIT with VERSION 3 on the channel, and a request with its reply", () => {
    const { ch, sftp } = served();
    sftp.on('REALPATH', (req: number, path: string) => sftp.name(req, [{ filename: `/abs${path}`, longname: path, attrs: {} as never }]));
    ch.emit('data', Buffer.concat([INIT, realpath(9, '/x')]));
    expect(ch.types()).to.deep.equal([2, 104]);
    expect(ch.written[0]!.readUInt32BE(5)).to.equal(3);
    expect(ch.written[1]!.readUInt32BE(5)).to.equal(9);
    expect(ch.written[1]!.toString('latin1')).to.include('/abs/x');
  });

  it('reads a packet split over chunks', () => {
    const { ch, sftp } = served();
    const seen: string[] = [];
    sftp.on('REALPATH', (req: number, path: string) => seen.push(path));
    const bytes = Buffer.concat([INIT, realpath(1, '/split/here')]);
    for (let i = 0; i < bytes.length; i++) ch.emit('data', bytes.subarray(i, i + 1));
    expect(seen).to.deep.equal(['/split/here']);
  });

  it('when the channel says "wait", keeps its replies and stops reading until drain, then sends them in order', () => {
    const { ch, sftp } = served();
    sftp.on('REALPATH', (req: number) => sftp.status(req, 0));
    ch.full = true;
    ch.emit('data', Buffer.concat([INIT, realpath(1, '/a')]));
    // VERSION went out and the channel was full: REALPATH's status is kept, input paused.
    expect(ch.types()).to.deep.equal([2]);
    expect(ch.paused).to.equal(true);
    sftp.status(2, 0);
    sftp.status(3, 0);
    expect(ch.written).to.have.length(1);
    ch.full = false;
    ch.emit('drain');
    expect(ch.types()).to.deep.equal([2, 101, 101, 101]);
    expect(ch.written.slice(1).map((b) => b.readUInt32BE(5))).to.deep.equal([1, 2, 3]);
    expect(ch.paused).to.equal(false);
  });

  it('a drain that fills the channel again leaves input paused', () => {
    const { ch, sftp } = served();
    ch.full = true;
    ch.emit('data', INIT);
    sftp.status(1, 0);
    sftp.status(2, 0);
    ch.emit('drain');
    // Status 1 went out and filled the channel again; status 2 waits for the next drain.
    expect(ch.types()).to.deep.equal([2, 101]);
    expect(ch.paused).to.equal(true);
    ch.full = false;
    ch.emit('drain');
    expect(ch.types()).to.deep.equal([2, 101, 101]);
    expect(ch.paused).to.equal(false);
  });

  it("OpenSSH's SYMLINK (target first) reaches the handler as (link, target) when the client's version line says OpenSSH", () => {
    for (const [ident, expected] of [
      ['SSH-2.0-OpenSSH_9.2p1', ['/l', '/t']],
      ['SSH-2.0-paramiko_4.0.0', ['/t', '/l']],
    ] as const) {
      const { ch, sftp } = served(ident);
      let got: string[] = [];
      sftp.on('SYMLINK', (_req: number, linkPath: string, targetPath: string) => (got = [linkPath, targetPath]));
      ch.emit('data', Buffer.concat([INIT, symlinkAsOpenSsh(1, '/t', '/l')]));
      expect(got, ident).to.deep.equal(expected);
    }
  });

  it("the client's EOF ends the SFTP object; its exit status and end() go to the channel; a closed channel takes no more", () => {
    const { ch, sftp } = served();
    let ended = false;
    let closed = false;
    sftp.on('end', () => (ended = true));
    sftp.on('close', () => (closed = true));
    ch.emit('data', INIT);
    ch.emit('end');
    expect(ended).to.equal(true);
    // What src/files/copy-channels.ts does at the client's EOF.
    const inner = sftp as unknown as { _protocol: { exitStatus(id: number, status: number): void }; outgoing: { id: number; state: string } };
    inner._protocol.exitStatus(inner.outgoing.id, 0);
    sftp.end();
    expect(ch.exited).to.equal(0);
    expect(ch.closed).to.equal(true);
    ch.emit('close');
    expect(closed).to.equal(true);
    const before = ch.written.length;
    sftp.status(5, 0);
    expect(ch.written).to.have.length(before);
  });
});
