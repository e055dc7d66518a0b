/**
 * Benchmark sizes. Every one can be overridden by an environment variable so
 * a quick run (`BENCH_SECONDS=1 BENCH_SESSIONS=100 npm run bench`) or a longer,
 * steadier one needs no code change.
 */
export interface BenchSettings {
  /** Measured seconds per phase (each scenario runs one phase per server). */
  seconds: number;
  /** Unmeasured warm-up seconds before each timed phase (JIT, buffers). */
  warmupSeconds: number;
  /** RPCs in flight in the pipelined scenario. */
  pipeline: number;
  /** Parallel connect+hello+close loops in the set-up scenario. */
  setupConcurrency: number;
  /** Concurrent sessions to hold in the memory scenario. */
  sessions: number;
  /** Connections being opened at once while filling up to `sessions`. */
  openConcurrency: number;
  /** Only these scenario names run (empty: all). */
  scenarios: string[];
  /** Folder for server-side `--cpu-prof` profiles, or undefined for none. */
  cpuProfDir: string | undefined;
  /** Also write the results as JSON here. */
  jsonOut: string | undefined;
}

function num(name: string, dflt: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return dflt;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) {
    throw new Error(`${name}=${raw}: expected a number from ${min} to ${max}`);
  }
  return v;
}

export function loadSettings(): BenchSettings {
  const scen = (process.env['BENCH_SCENARIOS'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const prof = process.env['BENCH_CPU_PROF'];
  return {
    seconds: num('BENCH_SECONDS', 5, 0.2, 600),
    warmupSeconds: num('BENCH_WARMUP_SECONDS', 1, 0, 60),
    pipeline: Math.round(num('BENCH_PIPELINE', 16, 1, 4096)),
    setupConcurrency: Math.round(num('BENCH_SETUP_CONCURRENCY', 4, 1, 256)),
    sessions: Math.round(num('BENCH_SESSIONS', 1000, 1, 20_000)),
    openConcurrency: Math.round(num('BENCH_OPEN_CONCURRENCY', 16, 1, 1024)),
    scenarios: scen,
    cpuProfDir: prof === undefined || prof === '' || prof === '0' ? undefined : prof,
    jsonOut: process.env['BENCH_JSON'] || undefined,
  };
}
