import { ratio } from './stats.js';
import type { Row, TargetResult } from './scenarios/types.js';

function fmt(v: number | undefined, digits: number): string {
  if (v === undefined || !Number.isFinite(v)) return '-';
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(header: string[], rows: string[][], rightAlign: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    '| ' + cells.map((c, i) => (rightAlign[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, i) => (rightAlign[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(header), sep, ...rows.map(line)];
}

/** The results table, Markdown-shaped so it can be pasted into docs/benchmarks.md. */
export function resultTable(rows: readonly Row[]): string[] {
  return table(
    ['metric', 'unit', 'emulator', 'ceiling (raw ssh2)', 'emulator / ceiling'],
    rows.map((r) => {
      const d = r.digits ?? 1;
      const q = r.noRatio ? Number.NaN : ratio(r.emulator, r.ceiling);
      return [r.metric, r.unit, fmt(r.emulator, d), fmt(r.ceiling, d), Number.isFinite(q) ? `${q.toFixed(2)}x` : '-'];
    }),
    [false, false, true, true, true],
  );
}

export function targetTable(targets: readonly TargetResult[]): string[] {
  return table(
    ['target', 'measured', 'result'],
    targets.map((t) => [t.target, t.note ? `${t.measured} (${t.note})` : t.measured, t.verdict]),
    [false, false, false],
  );
}
