/**
 * Long configuration work (a 16,000-line load, a compare of two large
 * configurations, rendering them) written as generators that `yield` at
 * checkpoints, so one user's big operation never holds the event loop that
 * serves every session of every device.
 *
 * `runSliced` runs a piece of work in slices of about `sliceMs` and lets the
 * event loop turn between them (setImmediate: socket reads and other
 * sessions' RPCs run in between); `runNow` runs the same work to the end at
 * once, for callers that are synchronous. Both give the same result.
 */
import { performance } from 'node:perf_hooks';

/** A piece of work: yields at checkpoints, returns its result. */
export type Work<T> = Generator<void, T, void>;

/** Units of work (statements, nodes, lines) between two checkpoints. */
const UNITS_PER_CHECKPOINT = 512;

/**
 * Event-loop time one piece of work may take before it lets others run. With
 * the slice at 4 ms another session's RPC waits at most a few ms for a
 * configuration operation of any size (docs/benchmarks.md).
 */
export const DEFAULT_SLICE_MS = 4;

let sliceMs = DEFAULT_SLICE_MS;
let units = 0;

/**
 * Sets the slice length; 0 yields at every checkpoint (tests use it to make
 * the interleaving depend on the amount of work, not on the machine's speed).
 * Returns the previous value.
 */
export function setSliceMs(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`slice length ${ms}: expected a number of ms >= 0`);
  const before = sliceMs;
  sliceMs = ms;
  return before;
}

/**
 * Counts `n` units of work; true when a checkpoint is due. Written as
 * `if (pace()) yield;` so the yield (which climbs the whole `yield*` chain)
 * happens once per few hundred units, not once per node.
 */
export function pace(n = 1): boolean {
  units += n;
  if (units < UNITS_PER_CHECKPOINT) return false;
  units = 0;
  return true;
}

export function runNow<T>(work: Work<T>): T {
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `work` to the end, letting the event loop turn whenever a slice is used up. */
export async function runSliced<T>(work: Work<T>): Promise<T> {
  let end = performance.now() + sliceMs;
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
    if (performance.now() >= end) {
      await turn();
      end = performance.now() + sliceMs;
    }
  }
}

/** `items.map(f)` as work, with a checkpoint every few hundred items. */
export function* mapWork<A, B>(items: readonly A[], f: (a: A, i: number) => B, unitsEach = 1): Work<B[]> {
  const out: B[] = new Array<B>(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = f(items[i]!, i);
    if (pace(unitsEach)) yield;
  }
  return out;
}

/** Pieces joined into one text per this many, so a large render keeps few small strings alive. */
const PIECES_PER_CHUNK = 512;

/**
 * Builds a long text from many small pieces. One array of every piece, joined
 * at the end, kept hundreds of thousands of strings alive through garbage
 * collections (twice the time of the whole render); joining every few hundred
 * lets them die young. `transform` (escaping) applies to each chunk.
 */
export class TextBuffer {
  private pieces: string[] = [];
  private readonly chunks: string[] = [];

  constructor(private readonly transform: (s: string) => string = (s) => s) {}

  push(s: string): void {
    this.pieces.push(s);
    if (this.pieces.length >= PIECES_PER_CHUNK) this.flush();
  }

  get empty(): boolean {
    return this.pieces.length === 0 && this.chunks.length === 0;
  }

  text(): string {
    this.flush();
    return this.chunks.join('');
  }

  private flush(): void {
    if (this.pieces.length === 0) return;
    this.chunks.push(this.transform(this.pieces.join('')));
    this.pieces = [];
  }
}
