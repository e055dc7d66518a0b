/**
 * Plain-data shapes of the emulated hardware. Everything here serialises to
 * JSON as is, so the state store can persist it without translation.
 */

export type MediumKind = 'flash' | 'hard-disk' | 'compact-flash' | 'removable-compact-flash' | 'usb';

export type PartitionRole = 'root' | 'config' | 'var' | 'swap' | 'data';

/** What a root or config file system holds: the software and configuration copied there. */
export interface SliceContent {
  /** Junos release of the software on it. */
  version: string;
  /** Configuration marker (revision id) of the configuration copied with it, if any. */
  config: string | null;
  /** Virtual epoch ms when it was written. */
  created: number;
  /** Written from the factory files only (`factory`, `as-primary`). */
  factory: boolean;
}

export interface PartitionState {
  /** BSD slice/partition name, e.g. `s1a`. */
  slice: string;
  role: PartitionRole;
  sizeMb: number;
  usedMb: number;
  /** The snapshot option that set its size when it was last partitioned, or null. */
  argument: string | null;
  content: SliceContent | null;
  /**
   * The files and directories on this file system, keyed by their path
   * inside it (`tmp/junos.tgz` on /var). Absent: no file is modelled there
   * yet. Contents live in the blob store (src/files), small ones inline.
   */
  files?: FileTable;
}

export type FileKind = 'file' | 'dir' | 'link';

/** One file, directory or symbolic link of a file system (plain data, persisted with the model). */
export interface FileEntry {
  kind: FileKind;
  /** Bytes of a file; 512 for a directory, the target's length for a link. */
  size: number;
  /** Virtual epoch ms of the last change. */
  mtime: number;
  /** Permission bits (0o644). */
  mode: number;
  owner: string;
  group: string;
  /** Contents of a small file, base64 (initial files; anything under the inline limit). */
  data?: string;
  /** sha-256 (hex) of the contents of a file held in the blob store. */
  blob?: string;
  /** Where a link points. */
  target?: string;
}

/** Path inside the file system (no leading slash) to its entry. */
export type FileTable = Record<string, FileEntry>;

export interface MediumState {
  /** FreeBSD device name (`ad0`, `ad1`, `ad2`, `da0`). */
  device: string;
  kind: MediumKind;
  sizeMb: number;
  /** Effective write speed of a snapshot copy (newfs + copy + fsck), MB per second. */
  speedMbPerSec: number;
  /** True when the partition table is unreadable; a snapshot to it fails until repartitioned. */
  corrupt: boolean;
  /** Made with `as-primary`/`factory`: boots only from the primary compact flash slot. */
  primaryOnly: boolean;
  /** Null when the medium has no Junos label yet (a fresh removable medium). */
  partitions: PartitionState[] | null;
}

export interface RoutingEngineState {
  /** Name used in replies: `re0`, `re1` on a single chassis, `lcc0-re0`, `scc-re1` on a matrix. */
  name: string;
  /** Chassis the RE sits in: '' on a single chassis, `scc`, `sfc0`, `lcc0`...`lcc3`. */
  chassis: string;
  slot: 're0' | 're1';
  /** What the RE runs now. */
  running: { version: string; config: string };
  /** Rescue configuration marker, if one has been set (J Series factory snapshots copy it). */
  rescueConfig: string | null;
  /** J Series: root slice of the boot medium that is running (`s1a` or `s2a`). */
  activeSlice: string;
  /** Alternate file systems (`/altroot`, `/altconfig`) that are currently mounted. */
  mountedAlternates: string[];
  media: MediumState[];
  /**
   * Junos with upgraded FreeBSD: the non-recovery snapshots on the Junos
   * volume and the recovery snapshot on the OAM volume. Absent on hardware
   * that never runs it.
   */
  junosVolume?: JunosVolumeState;
  /**
   * Memory file systems (`/tmp`, `/mfs` on an MX80): their files are lost
   * at a reboot. Made on first use on hardware that has them.
   */
  memoryDisks?: PartitionState[];
}

/** A snapshot of the Junos volume (`snap.1764578409`) or the OAM volume's `recovery.ufs`. */
export interface VolumeSnapshot extends SliceContent {
  name: string;
}

export interface JunosVolumeState {
  snapshots: VolumeSnapshot[];
  recovery: VolumeSnapshot | null;
}
