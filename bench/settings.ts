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
  /** Alternating ceiling/emulator rounds the RPC scenarios split their seconds into. */
  rounds: number;
  /** RPCs in flight in the pipelined scenario. */
  pipeline: number;
  /** Parallel connect+hello+close loops in the set-up scenario. */
  setupConcurrency: number;
  /** Concurrent sessions to hold in the memory scenario. */
  sessions: number;
  /** Connections being opened at once while filling up to `sessions`. */
  openConcurrency: number;
  /** TCP_NODELAY on the ceiling server's sockets (BENCH_CEILING_NODELAY=0 to leave Nagle on, as ssh2 does by default). */
  ceilingNoDelay: boolean;
  /** TCP_NODELAY on the benchmark clients' sockets (BENCH_CLIENT_NODELAY=0 to leave Nagle on). */
  clientNoDelay: boolean;
  /** Only these scenario names run (empty: all). */
  scenarios: string[];
  /** Folder for server-side `--cpu-prof` profiles, or undefined for none. */
  cpuProfDir: string | undefined;
  /** Extra node flags for every server child (BENCH_SERVER_NODE_ARGS, space-separated), for experiments. */
  serverNodeArgs: string[];
  /** Also write the results as JSON here. */
  jsonOut: string | undefined;
  /** Concurrent sessions of the netconfd comparison (issue 15: 16). */
  netconfdSessions: number;
  /** The netconfd comparison also runs with another process keeping one core busy (BENCH_CPU_LOAD=0: not). */
  cpuLoad: boolean;
  /** SSH workers of the emulator under test (BENCH_WORKERS; default: the emulator's own default). */
  workers: number | undefined;
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
    seconds: num('BENCH_SECONDS', 10, 0.2, 600),
    warmupSeconds: num('BENCH_WARMUP_SECONDS', 1, 0, 60),
    rounds: Math.round(num('BENCH_ROUNDS', 3, 1, 100)),
    pipeline: Math.round(num('BENCH_PIPELINE', 16, 1, 4096)),
    setupConcurrency: Math.round(num('BENCH_SETUP_CONCURRENCY', 4, 1, 256)),
    sessions: Math.round(num('BENCH_SESSIONS', 5000, 1, 20_000)),
    openConcurrency: Math.round(num('BENCH_OPEN_CONCURRENCY', 16, 1, 1024)),
    ceilingNoDelay: num('BENCH_CEILING_NODELAY', 1, 0, 1) === 1,
    clientNoDelay: num('BENCH_CLIENT_NODELAY', 1, 0, 1) === 1,
    scenarios: scen,
    serverNodeArgs: (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(/\s+/).filter((s) => s !== ''),
    cpuProfDir: prof === undefined || prof === '' || prof === '0' ? undefined : prof,
    jsonOut: process.env['BENCH_JSON'] || undefined,
    netconfdSessions: Math.round(num('BENCH_NETCONFD_SESSIONS', 16, 1, 1024)),
    cpuLoad: num('BENCH_CPU_LOAD', 1, 0, 1) === 1,
    workers: process.env['BENCH_WORKERS'] === undefined || process.env['BENCH_WORKERS'] === '' ? undefined : Math.round(num('BENCH_WORKERS', 0, 0, 256)),
  };
}
