/**
 * The shape of a release family table: one row per span of releases of one
 * hardware line, saying everything that follows from (platform, release).
 * Renderers and planners read these rows; they hold no release checks of
 * their own.
 */
import type { Platform } from '../../grammar/types.js';
import type { CopyStyle } from '../results.js';

/** Hardware lines: each has its own table of release rows. */
export type HardwareLine = 'mx' | 'mx-ppc' | 'txmatrix' | 'txmatrix-plus' | 'j-series' | 'ex' | 'srx-branch';

/** How `request system snapshot` works. */
export type SnapshotScheme =
  /** `/` to /altroot and /config to /altconfig on the other medium (M/MX/T; the spec). */
  | 'altroot'
  /** MX80/MX104 (FreeBSD 6 on PowerPC): newfs, then quoted `/dev` copies onto the second internal medium. */
  | 'newfs-media'
  /** Junos with upgraded FreeBSD: non-recovery snapshots on the Junos volume, `recovery.ufs` on the OAM volume. */
  | 'junos-volume'
  /** J Series, EX, branch SRX: the alternate root slice of the boot medium, or a removable medium. */
  | 'dual-root';

/** How `show system snapshot` answers. */
export type SnapshotInfoForm =
  /** Flat `snapshot-medium`, `creation-date`, `software-version` per slice, both slices. */
  | 'slices'
  /** MX80 15.1: `Doing the initial labeling...`, then the backup slice only, `internal (da1s1)`. */
  | 'backup-slice'
  /** Upgraded FreeBSD: text only (`<output>`), non-recovery then `Recovery Snapshots:`. */
  | 'recovery-text';

/** The `snapshot-medium` value: as the CLI aligns it, and whether Junos leaves the line's newline and indent in it. */
export type MediumText = 'plain' | 'aligned' | 'aligned-newline';

/** A package of `show version`. */
export interface VersionPackage {
  readonly name: string;
  /** The comment before ` [build]`. */
  readonly comment: string;
  /** The brackets hold the release, or (upgraded FreeBSD base packages) the OS build stamp. */
  readonly build?: 'os';
}

/** A package `show system snapshot` lists, with what its version carries besides the release. */
export interface SnapshotPackage {
  readonly name: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** Which YANG family the release belongs to (what RPCs exist at all). */
export type YangFamily = 'junos' | 'junos-es' | 'junos-ex';

/** The RPCs whose options follow the release. */
export type ReleaseRpc = 'request-snapshot' | 'get-snapshot-information' | 'get-system-storage';

export interface ReleaseRow {
  /** First release of the row (`major.minor`, inclusive); the row lasts until the next row's `from`. */
  readonly from: string;
  /** Human name of the span, for docs and errors. */
  readonly label: string;
  readonly snapshot: SnapshotScheme;
  /** Copy lines of the `altroot` scheme: `Copying / to /altroot..` or the quoted form. */
  readonly copyStyle: CopyStyle;
  readonly info: SnapshotInfoForm;
  readonly mediumText: MediumText;
  /** Leaves each release-dependent RPC takes. */
  readonly leaves: Readonly<Record<ReleaseRpc, readonly string[]>>;
  /** `media` values `request system snapshot` and `show system snapshot` take (others are refused). */
  readonly snapshotMedia: readonly string[];
  readonly infoMedia: readonly string[];
  /** `show version` packages, in order. */
  readonly versionPackages: readonly VersionPackage[];
  /** Print `<junos-version>` / `Junos:` (15.1 and later). */
  readonly junosVersionLine: boolean;
  /** OS build stamp upgraded-FreeBSD base packages carry. */
  readonly osBuild?: string;
  readonly snapshotPackages: readonly SnapshotPackage[];
  readonly yangFamily: YangFamily;
  /** Where the row's answers come from (captures) and what was chosen without one (docs/releases.md). */
  readonly sources: readonly string[];
  readonly choices: readonly string[];
}

export interface ReleaseTable {
  readonly line: HardwareLine;
  readonly platform: Platform;
  /** Rows in ascending `from` order; the first row covers every earlier release too. */
  readonly rows: readonly ReleaseRow[];
}
