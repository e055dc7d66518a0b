import type { BenchClientOptions } from '../client.js';
import type { EmulatorLayout, Fixtures } from '../fixtures.js';
import type { ServerKind } from '../server-protocol.js';
import type { ServerHandle } from '../servers.js';
import type { BenchSettings } from '../settings.js';

export type { ServerKind } from '../server-protocol.js';

/** One line of the result table: the same metric for the emulator and the ceiling. */
export interface Row {
  metric: string;
  unit: string;
  emulator?: number;
  ceiling?: number;
  /** Decimals to print. */
  digits?: number;
  /** Only the emulator column means something (no ratio printed). */
  noRatio?: boolean;
}

export type Verdict = 'PASS' | 'MISS' | 'n/a';

export interface TargetResult {
  /** The target as the issue states it. */
  target: string;
  /** What was measured, formatted. */
  measured: string;
  verdict: Verdict;
  note?: string;
}

export interface ScenarioResult {
  rows: Row[];
  targets: TargetResult[];
  notes: string[];
  /** Anything else worth keeping in BENCH_JSON output. */
  raw?: Record<string, unknown>;
}

export interface ScenarioContext {
  readonly settings: BenchSettings;
  readonly fixtures: Fixtures;
  /** A server of that kind shared by scenarios, started on first use. */
  server(kind: ServerKind): Promise<ServerHandle>;
  /** A server of its own (clean memory baseline, other layout); the scenario stops it. */
  freshServer(kind: ServerKind, layout?: Partial<EmulatorLayout>): Promise<ServerHandle>;
  /** Login for `server`'s first port (or `port`), by password or by the client's ed25519 key. */
  clientOptions(server: ServerHandle, auth: 'password' | 'key', port?: number): BenchClientOptions;
  log(line: string): void;
}

/**
 * A benchmark scenario. To add one (a snapshot RPC, a fleet start), write
 * bench/scenarios/NAME.ts exporting a Scenario and list it in bench/run.ts.
 * Measure the ceiling beside the emulator where a ceiling makes sense.
 */
export interface Scenario {
  name: string;
  title: string;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}

/** The order in which a scenario measures the two servers. */
export const KINDS: readonly ServerKind[] = ['ceiling', 'emulator'];
