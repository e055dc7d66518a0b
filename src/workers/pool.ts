/**
 * SSH workers of one emulator process. The process that owns the devices
 * (sessions, locks, configuration, snapshots, control API) accepts every TCP
 * connection; it keeps some and hands the others, socket and all, to a
 * worker process that does their SSH (see docs/design-notes.md, "Every core
 * on one machine", for why processes and why this split).
 *
 * Workers start when first needed and are started again when one dies; the
 * connections a dead worker carried close, the device state is untouched.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { HandOver, ListenerSetup, OwnerCommand, WorkerEvent } from './messages.js';
import { RemoteConnection, type RemoteChannel, type WorkerLink } from './remote.js';
import { controlMessage, FrameKind, FrameReader, FrameWriter } from './wire.js';

export interface WorkerPoolOptions {
  /** SSH worker processes besides the owner; 0 keeps all SSH in the owner. */
  workers: number;
  /**
   * How many of a worker's connections one kept by the owner weighs: the
   * owner also does every session's XML and dispatch, so it keeps fewer.
   * Default 3, from the CPU split measured in docs/design-notes.md.
   */
  ownerWeight?: number;
  /**
   * Connections the owner keeps before it hands any to a worker (default 4).
   * A few lock-step sessions leave the owner mostly idle, and the hop to a
   * worker costs each of their RPCs two more processes to be scheduled (a
   * second session, on the same or any other device, ran at half the rate
   * of the first); past this count the weight decides.
   */
  ownerFirst?: number;
  /** Node flags of the worker processes. */
  execArgv?: string[];
  onEvent?: (event: string, detail: Record<string, unknown>) => void;
}

export interface WorkerMemory {
  pid: number;
  rss: number;
  heapUsed: number;
  external: number;
  connections: number;
  /** CPU time the worker used so far, µs (process.cpuUsage()). */
  cpuUser: number;
  cpuSystem: number;
}

const NO_WORKER: WorkerMemory = { pid: 0, rss: 0, heapUsed: 0, external: 0, connections: 0, cpuUser: 0, cpuSystem: 0 };

const WORKER_MAIN = fileURLToPath(new URL('./ssh-worker.js', import.meta.url));

/** One worker process and the owner's view of what it carries. */
class SshWorker implements WorkerLink {
  readonly child: ChildProcess;
  private readonly out: FrameWriter;
  ready = false;
  dead = false;
  readonly conns = new Map<number, RemoteConnection>();
  /** Listeners whose set-up this worker has. */
  readonly listeners = new Set<number>();
  private readonly memoryWaiters = new Map<number, (m: WorkerMemory) => void>();
  private nextQuery = 1;
  private readonly readyWaiters: Array<() => void> = [];

  constructor(execArgv: string[], onExit: (w: SshWorker, code: number | null, signal: string | null) => void) {
    this.child = fork(WORKER_MAIN, [], { stdio: ['ignore', 'inherit', 'inherit', 'pipe', 'ipc'], execArgv, serialization: 'json' });
    // Node listens once per socket hand-over still in flight; a fleet's first connections send many at once.
    this.child.setMaxListeners(0);
    const pipe = this.child.stdio[3] as Socket;
    this.out = new FrameWriter(pipe);
    const reader = new FrameReader((kind, id, payload) => this.frame(kind, id, payload));
    pipe.on('data', (d: Buffer) => reader.push(d));
    pipe.on('error', () => undefined);
    this.child.on('error', () => undefined);
    this.child.once('exit', (code, signal) => {
      this.dead = true;
      this.ready = false;
      for (const conn of [...this.conns.values()]) conn.closed();
      this.conns.clear();
      for (const w of this.memoryWaiters.values()) w(NO_WORKER);
      for (const w of this.readyWaiters.splice(0)) w();
      onExit(this, code, signal);
    });
    // A forgotten stop() must not keep the owner's event loop alive.
    this.child.unref();
    pipe.unref();
    this.child.channel?.unref();
  }

  command(cmd: OwnerCommand): void {
    this.out.control(cmd);
  }

  bytes(kind: FrameKind, ch: number, data: Buffer): void {
    this.out.data(kind, ch, data);
  }

  /** Frames received from this worker, by kind (FrameKind's numbers). */
  readonly framesIn = [0, 0, 0, 0];

  private frame(kind: FrameKind, id: number, payload: Buffer): void {
    this.framesIn[kind] = (this.framesIn[kind] ?? 0) + 1;
    if (kind === FrameKind.data) return this.channelOf(id)?.received(payload);
    if (kind === FrameKind.ack) return this.channelOf(id)?.acked(payload.readUInt32BE(0));
    if (kind !== FrameKind.control) return;
    const e = controlMessage<WorkerEvent>(payload);
    switch (e.t) {
      case 'hello':
        this.ready = !this.dead;
        for (const w of this.readyWaiters.splice(0)) w();
        return;
      case 'closed': {
        const conn = this.conns.get(e.c);
        this.conns.delete(e.c);
        this.byChannel.forEach((c, ch) => c === e.c && this.byChannel.delete(ch));
        conn?.closed();
        return;
      }
      case 'session':
        this.byChannel.set(e.ch, e.c);
        return this.conns.get(e.c)?.event(e);
      case 'eof':
        return this.channelOf(e.ch)?.eof();
      case 'chclosed': {
        const c = this.byChannel.get(e.ch);
        this.byChannel.delete(e.ch);
        return c === undefined ? undefined : this.conns.get(c)?.sessions.get(e.ch)?.closed();
      }
      case 'memory': {
        const w = this.memoryWaiters.get(e.q);
        this.memoryWaiters.delete(e.q);
        w?.({ pid: this.child.pid ?? 0, rss: e.rss, heapUsed: e.heapUsed, external: e.external, connections: e.connections, cpuUser: e.cpuUser, cpuSystem: e.cpuSystem });
        return;
      }
      default:
        return this.conns.get(e.c)?.event(e);
    }
  }

  /** The connection each open channel belongs to. */
  private readonly byChannel = new Map<number, number>();

  private channelOf(ch: number): RemoteChannel | undefined {
    const c = this.byChannel.get(ch);
    return c === undefined ? undefined : this.conns.get(c)?.sessions.get(ch)?.channel;
  }

  /** Resolves once the worker said hello (or died). */
  whenReady(): Promise<void> {
    if (this.ready || this.dead) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  handOver(m: HandOver, socket?: Socket): void {
    if (this.dead || !this.child.connected) {
      socket?.destroy();
      return;
    }
    this.child.send(m, socket, { keepOpen: false }, () => undefined);
  }

  memory(gc = false): Promise<WorkerMemory> {
    if (this.dead) return Promise.resolve(NO_WORKER);
    const q = this.nextQuery++;
    return new Promise((resolve) => {
      this.memoryWaiters.set(q, resolve);
      this.command({ t: 'memory', q, gc });
    });
  }
}

/** Where a connection's SSH runs: in the owner, or in a worker. */
export interface RemoteHandle {
  readonly connection: RemoteConnection;
  destroy(): void;
  /** Ends the TCP connection after what is written (no SSH disconnect message). */
  end(): void;
}

export class SshWorkerPool {
  private readonly o: WorkerPoolOptions;
  private readonly workers: Array<SshWorker | undefined>;
  private readonly setups = new Map<number, ListenerSetup>();
  private nextListener = 1;
  private nextConn = 1;
  /** Connections whose SSH the owner runs itself. */
  private local = 0;
  private closing = false;
  private restarts = 0;
  /** Frames received from workers that have exited. */
  private readonly retiredFrames = [0, 0, 0, 0];
  /**
   * How much a connection the owner keeps weighs against a worker's (see
   * WorkerPoolOptions). Infinity sends every connection to a worker (tests).
   */
  ownerWeight: number;
  /** Connections the owner keeps before weighing (see WorkerPoolOptions). */
  ownerFirst: number;

  constructor(o: WorkerPoolOptions) {
    this.o = o;
    this.ownerWeight = o.ownerWeight ?? 3;
    this.ownerFirst = o.ownerFirst ?? 4;
    this.workers = new Array<SshWorker | undefined>(Math.max(0, o.workers)).fill(undefined);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Worker processes started again after one died. */
  get restartCount(): number {
    return this.restarts;
  }

  register(setup: ListenerSetup): number {
    const l = this.nextListener++;
    this.setups.set(l, setup);
    return l;
  }

  unregister(l: number): void {
    this.setups.delete(l);
    for (const w of this.workers) {
      if (w?.listeners.delete(l)) w.handOver({ t: 'unlisten', l });
    }
  }

  /** The owner keeps a connection (`+1`) or one it kept closed (`-1`). */
  noteLocal(delta: number): void {
    this.local += delta;
  }

  /**
   * Takes `socket` into a worker, or leaves it to the owner (undefined): the
   * owner keeps its first `ownerFirst` connections, then a connection while
   * its weighted count is no higher than the least busy worker's, so a few
   * sessions (on one device or on several of a fleet) pay no hop between
   * processes. With 16 sessions, one worker and the defaults: 4 and 12.
   */
  adopt(socket: Socket, l: number): RemoteHandle | undefined {
    const w = this.pick();
    if (!w) return undefined;
    const c = this.nextConn++;
    const connection = new RemoteConnection(w, c);
    w.conns.set(c, connection);
    const first = !w.listeners.has(l);
    w.listeners.add(l);
    w.handOver({ t: 'socket', c, l, setup: first ? this.setups.get(l) : undefined }, socket);
    return {
      connection,
      destroy: () => w.command({ t: 'destroy', c }),
      // As socket.end() on a local connection: what is written goes out, then TCP closes, no SSH goodbye.
      end: () => w.command({ t: 'drop', c }),
    };
  }

  private pick(): SshWorker | undefined {
    if (this.closing || this.workers.length === 0) return undefined;
    let best: SshWorker | undefined;
    for (let i = 0; i < this.workers.length; i++) {
      let w = this.workers[i];
      if (!w || w.dead) {
        w = this.spawn(i);
        continue;
      }
      if (w.ready && (!best || w.conns.size < best.conns.size)) best = w;
    }
    if (!best) return undefined;
    if (this.ownerWeight === Number.POSITIVE_INFINITY) return best;
    if (this.local < this.ownerFirst) return undefined;
    return this.local * this.ownerWeight <= best.conns.size ? undefined : best;
  }

  private spawn(i: number): SshWorker {
    // The owner's --expose-gc (the benchmark's children) carries over, so their memory can be read after a GC too.
    const execArgv = this.o.execArgv ?? ['--max-semi-space-size=2', ...(process.execArgv.includes('--expose-gc') ? ['--expose-gc'] : [])];
    const w = new SshWorker(execArgv, (dead, code, signal) => {
      if (this.workers[i] === dead) this.workers[i] = undefined;
      dead.framesIn.forEach((v, k) => (this.retiredFrames[k] = (this.retiredFrames[k] ?? 0) + v));
      if (!this.closing) {
        this.restarts++;
        this.o.onEvent?.('ssh-worker-exit', { pid: dead.child.pid, code, signal });
      }
    });
    this.workers[i] = w;
    return w;
  }

  /** Starts every worker now rather than at the first connections that need one (for measurements and tests). */
  async warm(): Promise<void> {
    for (let i = 0; i < this.workers.length; i++) if (!this.workers[i]) this.spawn(i);
    await Promise.all(this.workers.map((w) => w?.whenReady()));
  }

  /** Connections whose SSH the owner runs, and those each worker runs (by worker slot). */
  placement(): { owner: number; workers: number[] } {
    return { owner: this.local, workers: this.workers.map((w) => (w && !w.dead ? w.conns.size : 0)) };
  }

  /**
   * Frames the owner received from its workers so far, by kind, over every
   * worker this pool started (for measurements and tests: how many crossings
   * a set-up or an RPC costs).
   */
  framesReceived(): { control: number; data: number; ack: number; stderr: number } {
    const n = [...this.retiredFrames];
    for (const w of this.workers) w?.framesIn.forEach((v, i) => (n[i] = (n[i] ?? 0) + v));
    return { control: n[FrameKind.control]!, data: n[FrameKind.data]!, ack: n[FrameKind.ack]!, stderr: n[FrameKind.stderr]! };
  }

  /** Process ids of the running workers. */
  pids(): number[] {
    return this.workers.flatMap((w) => (w && !w.dead && w.child.pid !== undefined ? [w.child.pid] : []));
  }

  /** Each running worker's memory and CPU; `gc` first where the workers can (the owner runs with --expose-gc). */
  memory(gc = false): Promise<WorkerMemory[]> {
    return Promise.all(this.workers.flatMap((w) => (w && !w.dead ? [w.memory(gc)] : [])));
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.workers.map((w) => {
        if (!w || w.dead) return undefined;
        return new Promise<void>((resolve) => {
          // The worker is unref'd so that it never keeps the owner alive; while
          // the owner waits for it to exit it must, or a caller awaiting stop()
          // finds an empty event loop (Node exits with 13: unsettled await).
          w.child.ref();
          const kill = setTimeout(() => w.child.kill('SIGKILL'), 2000);
          w.child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          w.child.kill('SIGTERM');
        });
      }),
    );
  }
}
