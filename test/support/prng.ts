/** A seeded PRNG (mulberry32), so a property-test failure names the seed that reproduces it. */
export class Prng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** The seed a property suite runs with: PROPERTY_SEED when set, else a fixed one. */
export function propertySeed(fallback: number): number {
  const env = process.env['PROPERTY_SEED'];
  return env !== undefined && env !== '' ? Number(env) : fallback;
}
