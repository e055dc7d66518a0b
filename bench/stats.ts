/**
 * Small statistics helpers for the benchmark: a growable sample buffer with
 * percentiles, and rate arithmetic. No dependencies, no allocation per sample
 * beyond the occasional buffer doubling.
 */

/** Latency samples in milliseconds (fractional). */
export class Samples {
  private buf: Float64Array;
  private n = 0;
  private sorted = true;

  constructor(initialCapacity = 1 << 14) {
    this.buf = new Float64Array(initialCapacity);
  }

  add(ms: number): void {
    if (this.n === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = ms;
    this.sorted = false;
  }

  get count(): number {
    return this.n;
  }

  /** Nearest-rank percentile, p in [0, 100]; NaN with no samples. */
  percentile(p: number): number {
    if (this.n === 0) return Number.NaN;
    if (!this.sorted) {
      this.buf.subarray(0, this.n).sort();
      this.sorted = true;
    }
    const rank = Math.min(this.n, Math.max(1, Math.ceil((p / 100) * this.n)));
    return this.buf[rank - 1]!;
  }

  mean(): number {
    if (this.n === 0) return Number.NaN;
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.buf[i]!;
    return s / this.n;
  }
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export function summarize(s: Samples): LatencySummary {
  return { count: s.count, p50Ms: s.percentile(50), p99Ms: s.percentile(99), meanMs: s.mean() };
}

/** Operations per second over an elapsed time in milliseconds. */
export function rate(ops: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (ops * 1000) / elapsedMs : 0;
}

/** emulator / ceiling, or NaN when either is missing. */
export function ratio(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return a / b;
}

/** CPU time in microseconds between two process.cpuUsage() readings. */
export function cpuMicros(before: NodeJS.CpuUsage, after: NodeJS.CpuUsage): number {
  return after.user - before.user + (after.system - before.system);
}

export const KIB = 1024;
