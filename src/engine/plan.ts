/**
 * A plan is what a snapshot will do on one target: timed steps, then one
 * commit that applies every state change at once, so an interrupted or
 * abandoned run never leaves a half-written alternate.
 */
import type { MediumState, RoutingEngineState } from './state.js';
import type { SnapshotStep } from './results.js';

export interface PlannedStep {
  /** Output line(s) this step produces, if any. */
  readonly out?: SnapshotStep;
  /** Virtual duration of the step. */
  readonly ms: number;
}

export interface TargetPlan {
  readonly reName: string;
  readonly re: RoutingEngineState | null;
  readonly steps: readonly PlannedStep[];
  /** Failures found while planning: the target reports them and changes nothing. */
  readonly errors: readonly string[];
  /** Applies the target's state changes; `now` is the virtual completion time. */
  readonly commit: (now: number) => void;
  /** The medium the copies write to, for media faults. */
  readonly medium?: MediumState;
  /**
   * Leaves what a run cut off part-way leaves: the copies before
   * `copyIndex` done, that one `progress` (0..1) done, nothing committed.
   */
  readonly interrupt?: (copyIndex: number, progress: number, now: number) => void;
  /** `load`: the release the device boots at the next reboot. */
  readonly boots?: string;
}

export const PARTITION_CHECK_MS = 5_000;
export const PARTITIONING_MS = 15_000;
export const LABEL_MS = 1_000;
export const FORMAT_MS = 2_000;

export function copyMs(usedMb: number, speedMbPerSec: number): number {
  return Math.ceil((usedMb / speedMbPerSec) * 1000);
}

export function failed(reName: string, re: RoutingEngineState | null, errors: string[]): TargetPlan {
  return { reName, re, steps: [], errors, commit: () => undefined };
}
