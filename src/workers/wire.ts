/**
 * Frames between the device owner and an SSH worker process, over a pipe of
 * their own (the IPC channel carries only socket hand-overs: Node's IPC
 * serialises every message to JSON, which would cost more than the SSH work
 * moved away for each channel data chunk).
 *
 * A frame is: u32 length of what follows, u8 kind, u32 id, payload.
 * `control` frames carry a JSON message (id unused); `data` and `stderr`
 * frames carry one channel's bytes; `ack` frames say how many more of a
 * channel's bytes ssh2 in the worker has taken (in steps, see ACK_EVERY).
 * Everything written in one turn of the event loop leaves in one writev.
 */
import type { Socket } from 'node:net';

/**
 * Owner-side bytes of a channel not yet acknowledged at which its write()
 * says "wait" (ssh2's channel stream says so at 32 KiB too).
 */
export const ACK_HIGH_WATER = 32 * 1024;
/**
 * The worker acknowledges a channel's bytes once ssh2 has taken this many
 * (or more), not after every frame: a small reply then costs no frame back
 * and no wake-up of the owner. Below ACK_HIGH_WATER, so the owner never
 * waits on bytes the worker has taken but not yet acknowledged: while the
 * owner waits it has more than ACK_HIGH_WATER unacknowledged, the worker
 * holds back less than ACK_EVERY, so the rest is in flight or in ssh2, and
 * its acknowledgement follows.
 */
export const ACK_EVERY = 8 * 1024;

export const FrameKind = { control: 0, data: 1, ack: 2, stderr: 3 } as const;
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

const HEADER = 9;

export class FrameWriter {
  private corked = false;

  constructor(private readonly pipe: Socket) {}

  control(message: object): void {
    this.frame(FrameKind.control, 0, Buffer.from(JSON.stringify(message)));
  }

  data(kind: FrameKind, id: number, payload: Buffer): void {
    this.frame(kind, id, payload);
  }

  ack(id: number, bytes: number): void {
    const b = Buffer.allocUnsafe(4);
    b.writeUInt32BE(bytes, 0);
    this.frame(FrameKind.ack, id, b);
  }

  private frame(kind: FrameKind, id: number, payload: Buffer): void {
    if (this.pipe.destroyed) return;
    const head = Buffer.allocUnsafe(HEADER);
    head.writeUInt32BE(payload.length + HEADER - 4, 0);
    head[4] = kind;
    head.writeUInt32BE(id, 5);
    if (!this.corked) {
      this.corked = true;
      this.pipe.cork();
      process.nextTick(() => {
        this.corked = false;
        this.pipe.uncork();
      });
    }
    this.pipe.write(head);
    this.pipe.write(payload);
  }
}

export type FrameHandler = (kind: FrameKind, id: number, payload: Buffer) => void;

/** Cuts the pipe's byte stream into frames. */
export class FrameReader {
  private pending: Buffer | undefined;

  constructor(private readonly onFrame: FrameHandler) {}

  push(chunk: Buffer): void {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    let at = 0;
    while (buf.length - at >= 4) {
      const len = buf.readUInt32BE(at);
      if (buf.length - at - 4 < len) break;
      const kind = buf[at + 4] as FrameKind;
      const id = buf.readUInt32BE(at + 5);
      // A copy of its own size: a frame may outlive this chunk (ssh2 and the
      // sessions keep what they were last given), and a small copy from
      // Node's shared 8 KB pool would keep a whole pool slab alive with it.
      const payload = Buffer.allocUnsafeSlow(len - (HEADER - 4));
      buf.copy(payload, 0, at + HEADER, at + 4 + len);
      at += 4 + len;
      this.onFrame(kind, id, payload);
    }
    if (at < buf.length) this.pending = at === 0 ? buf : buf.subarray(at);
  }
}

export function controlMessage<T>(payload: Buffer): T {
  return JSON.parse(payload.toString('utf8')) as T;
}
