/** Durations as people write them in YAML and JSON: `500ms`, `30s`, `15m`, `1h30m`, or a number of ms. */

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;

/** Milliseconds, or undefined if `v` is not a duration. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === '') return undefined;
  PART.lastIndex = 0;
  let total = 0;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = PART.exec(s)) !== null) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    end = PART.lastIndex;
  }
  return end === s.length ? total : undefined;
}
