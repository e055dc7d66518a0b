/**
 * The one result model of a snapshot operation. Every renderer (XML, CLI
 * text, JSON) works from this, so the three formats cannot drift apart.
 */

import type { MediumText, SnapshotInfoForm } from './releases/types.js';
import type { JunosVolumeState } from './state.js';

/** `plain`: `Copying / to /altroot..` (M/MX); `quoted`: `Copying '/' to '/altroot' ..` (matrix, J Series). */
export type CopyStyle = 'plain' | 'quoted';

export interface PartitionRow {
  readonly partition: string;
  readonly mountPoint: string;
  readonly sizeMb: number;
  /** Option that set the size, or `none`. */
  readonly argument: string;
}

export type SnapshotStep =
  /** A notice; with a source daemon it prints as `daemon: message`. */
  | { readonly kind: 'inform'; readonly sourceDaemon?: string; readonly message: string }
  | { readonly kind: 'copy'; readonly source: string; readonly destination: string; readonly style: CopyStyle }
  | { readonly kind: 'partitions'; readonly rows: readonly PartitionRow[] }
  | { readonly kind: 'archived'; readonly directories: readonly string[] };

/** One routing engine's part of a reply. */
export interface PerTarget {
  /** RE name for headers and `<re-name>` (`re0`, `lcc0-re0`). */
  readonly reName: string;
  /** Failures of this target; what it did before failing is kept beside them. */
  readonly errors: readonly string[];
}

/** A reply for one or several routing engines. */
export interface MultiTarget<T extends PerTarget> {
  /** True when the reply lists targets under headers / multi-routing-engine items. */
  readonly multi: boolean;
  readonly targets: readonly T[];
}

export interface TargetResult extends PerTarget {
  readonly steps: readonly SnapshotStep[];
  /** `load`: the release this target boots at the next reboot. */
  readonly boots?: string;
}

export interface SnapshotResult extends MultiTarget<TargetResult> {
  /** The release answers in text only, also in XML (`<output>`): Junos with upgraded FreeBSD. */
  readonly textOnly: boolean;
}

/** `show system snapshot`: one slice of one medium. */
export interface SnapshotSliceInfo {
  /** Medium as Junos names it here (`compact-flash`, `hard-disk`, `internal`, `usb`). */
  readonly medium: string;
  readonly device: string;
  readonly role: 'primary' | 'backup';
  /** Virtual epoch ms, or null when the slice holds no snapshot. */
  readonly created: number | null;
  readonly packages: ReadonlyArray<{ readonly name: string; readonly version: string }>;
}

export interface SnapshotInfoTarget extends PerTarget {
  readonly slices: readonly SnapshotSliceInfo[];
  /** `recovery-text` form: the Junos volume's snapshots and the OAM volume's recovery snapshot. */
  readonly volume?: JunosVolumeState;
}

export interface SnapshotInfoResult extends MultiTarget<SnapshotInfoTarget> {
  readonly form: SnapshotInfoForm;
  readonly mediumText: MediumText;
}

/** `show system storage`: one mounted file system. */
export interface FileSystemInfo {
  readonly name: string;
  /** Sizes in 1024-byte blocks. */
  readonly sizeKb: number;
  readonly usedKb: number;
  readonly availKb: number;
  readonly mountedOn: string;
}

export interface StorageTarget extends PerTarget {
  readonly fileSystems: readonly FileSystemInfo[];
}

export interface StorageResult extends MultiTarget<StorageTarget> {
  readonly detail: boolean;
}
