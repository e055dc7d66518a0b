/**
 * Where a fault plan reaches into the snapshot engine. The engine asks these
 * hooks; it knows nothing of plans, seeds or scopes. A model is given its
 * hooks when it is made (DeviceModel.create, fromJSON), so every command that
 * uses the model sees them.
 */
import type { DeviceModel } from './model.js';
import type { MediumKind } from './state.js';

export type MediaFailureKind = 'io-error' | 'removed' | 'full';

/** A copy step that fails after `progress` (0..1) of its time. */
export interface MediaFailure {
  readonly kind: MediaFailureKind;
  readonly progress: number;
}

/** The copy a hook is asked about. */
export interface CopyTarget {
  readonly reName: string;
  readonly medium: MediumKind;
  /** FreeBSD device name of the destination medium (`ad0`, `da0`). */
  readonly device: string;
  readonly source: string;
  readonly destination: string;
}

export interface SnapshotFaultHooks {
  /** Asked as each copy step starts. */
  copyFailure?(target: CopyTarget): MediaFailure | undefined;
  /** Asked for each RE a command addresses (`re0`, `lcc0-re0`) with its chassis (`lcc0`, '' on a single chassis). */
  unreachable?(targetName: string, chassis: string): boolean;
}

/**
 * Whether a routing engine answers: not listed in the `unreachable-re`
 * setting, and no armed fault makes it unreachable. The one place every
 * multi-RE command asks.
 */
export function routingEngineReachable(model: DeviceModel, name: string, chassis: string): boolean {
  if (model.settings.unreachableRe?.includes(name)) return false;
  return !model.faultHooks?.unreachable?.(name, chassis);
}

/** The error Junos gives for an RE it cannot reach. */
export function unreachableMessage(name: string): string {
  return `Could not connect to ${name} : No route to host`;
}

/** The reply lines of a failed copy. No real capture exists; these follow FreeBSD's wording. */
export function mediaFailureMessages(f: MediaFailureKind, t: CopyTarget): string[] {
  switch (f) {
    case 'io-error':
      return [`${t.destination}: write failed: Input/output error`, `Snapshot failed: I/O error on ${t.device} while copying ${t.source} to ${t.destination}.`];
    case 'full':
      return [`${t.destination}: write failed, filesystem is full`, `Snapshot failed: no space left on ${t.device} while copying ${t.source} to ${t.destination}.`];
    case 'removed':
      return [`Snapshot failed: ${t.device} (${t.medium}) was removed while copying ${t.source} to ${t.destination}.`];
  }
}
