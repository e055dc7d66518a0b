/**
 * Password hashes are computed on worker threads: a SHA-crypt hash of many
 * rounds takes seconds, and on the event loop it would stall every session of
 * every device. Jobs queue in order; each login attempt has at most one job
 * (ssh2 answers a connection's authentication requests one at a time), so the
 * queue is bounded by the connections still authenticating.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CryptRequest, CryptResponse } from './crypt-worker.js';
import type { ShaCryptAlgorithm } from './crypt.js';

interface Job {
  request: CryptRequest;
  resolve: (digest: string) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

/** One thread per spare core, at most two: logins are rare next to NETCONF work. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

export class HashPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** Digests computed so far (tests use it to see that every attempt costs one). */
  computed = 0;

  constructor(private readonly size = defaultPoolSize()) {}

  /** The SHA-crypt digest of `password`, computed off the event loop. */
  compute(algorithm: ShaCryptAlgorithm, password: Buffer, salt: Buffer, rounds: number): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, algorithm, password, salt, rounds }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the threads; queued jobs fail. A later compute() starts new ones. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const job of this.queue.splice(0)) job.reject(new Error('hash pool closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === undefined);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref(); // a login in progress keeps the process alive, an idle pool does not
      slot.worker.postMessage(job.request);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./crypt-worker.js', import.meta.url));
    const slot: Slot = { worker, job: undefined };
    worker.unref();
    worker.on('message', (r: CryptResponse) => {
      const job = slot.job;
      if (!job || job.request.id !== r.id) return;
      slot.job = undefined;
      worker.unref();
      this.computed++;
      job.resolve(r.digest);
      this.dispatch();
    });
    // A thread that dies fails its job only; the next job gets a fresh thread.
    const lost = (err: Error): void => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const job = slot.job;
      slot.job = undefined;
      job?.reject(err);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`hash worker exited (${code})`)));
    this.slots.push(slot);
    return slot;
  }
}

/** The process-wide pool every listener uses. */
export const hashPool = new HashPool();
