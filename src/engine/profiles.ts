/**
 * Named hardware presets. Profile names are a fixed contract with the config
 * file; the numbers are plausible values for the hardware each one stands for.
 * A profile is hardware plus a default release: what the device does follows
 * from its hardware line and the release it runs (src/engine/releases).
 */
import type { Platform } from '../grammar/types.js';
import { RELEASE_TABLES, releaseRow } from './releases/index.js';
import type { HardwareLine } from './releases/index.js';
import type { DeviceSettings } from './settings.js';
import type { MediumKind, MediumState, PartitionState, RoutingEngineState, SliceContent } from './state.js';
import { defaultJSeriesLayout } from './j-layout.js';

export const PROFILE_NAMES = [
  'mx960',
  'txmatrix',
  'txmatrix-plus',
  'j2350',
  'mx960-18.4',
  'mx960-21.4',
  'mx960-23.4',
  'mx80',
  'mx104',
  'ex4300-vc',
  'srx300',
  'srx300-cluster',
] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];
export const DEFAULT_PROFILE: ProfileName = 'mx960';

export function isProfileName(s: string): s is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(s);
}

export function platformOf(profile: ProfileName): Platform {
  return RELEASE_TABLES[PROFILES[profile].line].platform;
}

/**
 * How the routing engines are arranged: one or two REs in one chassis, a
 * routing matrix, virtual-chassis members (`fpc0`, `fpc1`) or chassis-cluster
 * nodes (`node0`, `node1`). The second RE, member or node sits in slot re1.
 */
export type Topology = 'single-re' | 'dual-re' | 'matrix' | 'virtual-chassis' | 'cluster';

/**
 * Storage of each RE: a flash drive and a hard disk (M/MX/T), two internal
 * media of an MX80/MX104, or one internal medium with two root slices
 * (J Series, EX, branch SRX).
 */
export type MediaLayout = 'flash-disk' | 'two-internal' | 'dual-root';

export interface ProfileSpec {
  readonly name: ProfileName;
  readonly line: HardwareLine;
  readonly model: string;
  readonly topology: Topology;
  readonly media: MediaLayout;
  /** The switch chassis of a routing matrix (`scc`, `sfc0`), or '' for a single chassis. */
  readonly switchChassis: string;
  readonly defaults: DeviceSettings;
  /** Release on the alternate media before any snapshot: the one the spec's caution says is lost. */
  readonly previousVersion: string;
  /** Release of the files shipped from the factory (J Series `factory`/`as-primary`). */
  readonly factoryVersion: string;
  /** Space the installed software takes on a root file system, MB. */
  readonly rootUsedMb: number;
  /** Device names: the internal (boot) medium, and where removable media appear. */
  readonly devices: { readonly internal: string; readonly usb: string; readonly removableCf: string };
}

const AD = { internal: 'ad0', usb: 'da0', removableCf: 'ad2' } as const;
const DA = { internal: 'da0', usb: 'da1', removableCf: 'da2' } as const;

function profile(p: Omit<ProfileSpec, 'devices'> & { devices?: ProfileSpec['devices'] }): ProfileSpec {
  return { devices: AD, ...p };
}

export const PROFILES: Readonly<Record<ProfileName, ProfileSpec>> = {
  // The spec's era: its four samples are byte-exact on this release.
  mx960: profile({
    name: 'mx960',
    line: 'mx',
    model: 'mx960',
    topology: 'dual-re',
    media: 'flash-disk',
    switchChassis: '',
    defaults: settings('9.3R4.4', 4096, []),
    previousVersion: '9.2R3.5',
    factoryVersion: '9.2R3.5',
    rootUsedMb: 740,
  }),
  txmatrix: profile({
    name: 'txmatrix',
    line: 'txmatrix',
    model: 'txp',
    topology: 'matrix',
    media: 'flash-disk',
    switchChassis: 'scc',
    defaults: settings('11.4R13.5', 2048, [0, 2]),
    previousVersion: '10.4R16.7',
    factoryVersion: '10.4R16.7',
    rootUsedMb: 520,
  }),
  'txmatrix-plus': profile({
    name: 'txmatrix-plus',
    line: 'txmatrix-plus',
    model: 'txp',
    topology: 'matrix',
    media: 'flash-disk',
    switchChassis: 'sfc0',
    defaults: settings('15.1R7.9', 8192, [0, 2]),
    previousVersion: '14.2R8.4',
    factoryVersion: '14.2R8.4',
    rootUsedMb: 690,
  }),
  j2350: profile({
    name: 'j2350',
    line: 'j-series',
    model: 'j2350',
    topology: 'single-re',
    media: 'dual-root',
    switchChassis: '',
    defaults: settings('12.3R12.4', 512, []),
    previousVersion: '11.4R11.4',
    factoryVersion: '10.4R3.4',
    rootUsedMb: 180,
  }),
  'mx960-18.4': modernMx('mx960-18.4', '18.4R3.3', '17.4R2.4'),
  'mx960-21.4': modernMx('mx960-21.4', '21.4R3.15', '20.4R3.8'),
  'mx960-23.4': modernMx('mx960-23.4', '23.4R2.13', '22.4R3.25'),
  mx80: profile({
    name: 'mx80',
    line: 'mx-ppc',
    model: 'mx80',
    topology: 'single-re',
    media: 'two-internal',
    switchChassis: '',
    defaults: settings('15.1R7.8', 2048, []),
    previousVersion: '14.2R7.5',
    factoryVersion: '14.2R7.5',
    rootUsedMb: 226,
    devices: DA,
  }),
  mx104: profile({
    name: 'mx104',
    line: 'mx-ppc',
    model: 'mx104',
    topology: 'dual-re',
    media: 'two-internal',
    switchChassis: '',
    defaults: settings('15.1R7.8', 4096, []),
    previousVersion: '14.2R7.5',
    factoryVersion: '14.2R7.5',
    rootUsedMb: 240,
    devices: DA,
  }),
  'ex4300-vc': profile({
    name: 'ex4300-vc',
    line: 'ex',
    model: 'ex4300-48t',
    topology: 'virtual-chassis',
    media: 'dual-root',
    switchChassis: '',
    defaults: settings('15.1R6.7', 2048, []),
    previousVersion: '14.1X53-D40.8',
    factoryVersion: '13.2X51-D26.2',
    rootUsedMb: 410,
    devices: DA,
  }),
  srx300: srx('srx300', 'single-re'),
  'srx300-cluster': srx('srx300-cluster', 'cluster'),
};

/** MX960 with RE-S-1800x4 running Junos with upgraded FreeBSD. */
function modernMx(name: ProfileName, version: string, previous: string): ProfileSpec {
  return profile({
    name,
    line: 'mx',
    model: 'mx960',
    topology: 'dual-re',
    media: 'flash-disk',
    switchChassis: '',
    defaults: settings(version, 16384, []),
    previousVersion: previous,
    factoryVersion: previous,
    rootUsedMb: 1850,
  });
}

function srx(name: ProfileName, topology: Topology): ProfileSpec {
  return profile({
    name,
    line: 'srx-branch',
    model: 'srx300',
    topology,
    media: 'dual-root',
    switchChassis: '',
    defaults: settings('15.1X49-D70.3', 4096, []),
    previousVersion: '15.1X49-D60.7',
    factoryVersion: '15.1X49-D45.3',
    rootUsedMb: 420,
    devices: DA,
  });
}

function settings(version: string, memoryMb: number, lcc: number[]): DeviceSettings {
  return {
    softwareVersion: version,
    memoryMb,
    mirrorFlashOnDisk: false,
    bootMedia: 'flash',
    corruptPartitionTable: [],
    connectedLcc: lcc,
    insertedMedia: [],
  };
}

/** Write speeds (MB/s, newfs + copy + fsck together): a 740 MB root takes about two minutes to disk. */
export const MEDIUM_SPEED: Readonly<Record<MediumKind, number>> = {
  flash: 4,
  'hard-disk': 6,
  'compact-flash': 3,
  'removable-compact-flash': 3,
  usb: 5,
};

export const CONFIG_USED_MB = 8;
export const VAR_USED_MB = 1200;
export const J_VAR_USED_MB = 60;

/** Capacity of removable media. */
export const REMOVABLE_MB: Readonly<Record<'usb' | 'removable-compact-flash', number>> = {
  'removable-compact-flash': 1024,
  usb: 2048,
};
/** Internal medium of a dual-root device, MB (J Series compact flash; EX/SRX internal flash are larger). */
export function internalMb(spec: ProfileSpec): number {
  return spec.line === 'j-series' ? 1024 : 8192;
}

const DAY = 86_400_000;

/** The RE names of a profile, with the chassis each sits in and its slot. */
function reSlots(spec: ProfileSpec): Array<{ name: string; chassis: string; slot: 're0' | 're1' }> {
  const two = (names: [string, string]) => [
    { name: names[0], chassis: '', slot: 're0' as const },
    { name: names[1], chassis: '', slot: 're1' as const },
  ];
  switch (spec.topology) {
    case 'single-re':
      return [{ name: 're0', chassis: '', slot: 're0' }];
    case 'dual-re':
      return two(['re0', 're1']);
    case 'virtual-chassis':
      return two(['fpc0', 'fpc1']);
    case 'cluster':
      return two(['node0', 'node1']);
    case 'matrix':
      return [spec.switchChassis, 'lcc0', 'lcc1', 'lcc2', 'lcc3'].flatMap((c) =>
        (['re0', 're1'] as const).map((slot) => ({ name: `${c}-${slot}`, chassis: c, slot })),
      );
  }
}

/** Builds every RE of a profile as it is on a freshly installed device. */
export function buildRoutingEngines(spec: ProfileSpec, s: DeviceSettings, now: number): RoutingEngineState[] {
  return reSlots(spec).map(({ name, chassis, slot }) => {
    const config = `${name}-config-r1`;
    const primary: SliceContent = { version: s.softwareVersion, config, created: now - 30 * DAY, factory: false };
    const alternate: SliceContent = { version: spec.previousVersion, config: `${name}-config-r0`, created: now - 400 * DAY, factory: false };
    const re: RoutingEngineState = {
      name,
      chassis,
      slot,
      running: { version: s.softwareVersion, config },
      rescueConfig: spec.media === 'dual-root' ? `${name}-rescue-r1` : null,
      activeSlice: 's1a',
      mountedAlternates: [],
      media: spec.media === 'dual-root' ? [dualRootInternal(spec, s, primary, alternate)] : twoMedia(spec, s, primary, alternate),
    };
    // Junos with upgraded FreeBSD keeps a recovery snapshot on the OAM volume from the install.
    if (releaseRow(spec.line, s.softwareVersion).snapshot === 'junos-volume') re.junosVolume = { snapshots: [], recovery: { ...alternate, name: 'recovery.ufs' } };
    return re;
  });
}

function part(slice: string, role: PartitionState['role'], sizeMb: number, usedMb: number, content: SliceContent | null): PartitionState {
  return { slice, role, sizeMb, usedMb, argument: null, content };
}

/**
 * M/MX/T: flash ad0 holds / and /config; hard disk ad1 holds /altroot,
 * /altconfig and /var (when booted from flash). MX80/MX104: internal NAND da0
 * (/ and /config) and the second internal medium da1 (the snapshot and /var),
 * sized as the MX80 capture's df and newfs lines show.
 */
function twoMedia(spec: ProfileSpec, s: DeviceSettings, primary: SliceContent, alternate: SliceContent): MediumState[] {
  const onFlash = s.bootMedia === 'flash';
  const flashContent = onFlash ? primary : alternate;
  const diskContent = onFlash ? alternate : primary;
  const ppc = spec.media === 'two-internal';
  const [root, config, varMb] = ppc ? [899, 100, 2867] : [2048, 256, 36864];
  const dev = ppc ? ['da0', 'da1'] : ['ad0', 'ad1'];
  return [
    {
      device: dev[0]!,
      kind: 'flash',
      sizeMb: ppc ? 1024 : 4096,
      speedMbPerSec: MEDIUM_SPEED.flash,
      corrupt: false,
      primaryOnly: false,
      partitions: [part('s1a', 'root', root, spec.rootUsedMb, flashContent), part('s1e', 'config', config, CONFIG_USED_MB, { ...flashContent })],
    },
    {
      device: dev[1]!,
      kind: 'hard-disk',
      sizeMb: ppc ? 4096 : 40960,
      speedMbPerSec: MEDIUM_SPEED['hard-disk'],
      corrupt: false,
      primaryOnly: false,
      partitions: [
        part('s1a', 'root', root, spec.rootUsedMb, diskContent),
        part('s1e', 'config', config, CONFIG_USED_MB, { ...diskContent }),
        part('s1f', 'var', varMb, VAR_USED_MB, null),
      ],
    },
  ];
}

function dualRootInternal(spec: ProfileSpec, s: DeviceSettings, primary: SliceContent, alternate: SliceContent): MediumState {
  const sizeMb = internalMb(spec);
  const layout = defaultJSeriesLayout(sizeMb, s.memoryMb, new Map(), spec.line === 'j-series');
  const partitions: PartitionState[] = layout.map((p) => {
    if (p.slice === 's1a') return part(p.slice, 'root', p.sizeMb, spec.rootUsedMb, primary);
    if (p.slice === 's2a') return part(p.slice, 'root', p.sizeMb, spec.rootUsedMb, alternate);
    if (p.role === 'config') return part(p.slice, 'config', p.sizeMb, CONFIG_USED_MB, { ...primary });
    if (p.role === 'var') return part(p.slice, 'var', p.sizeMb, J_VAR_USED_MB, null);
    return part(p.slice, p.role, p.sizeMb, 0, null);
  });
  return {
    device: spec.devices.internal,
    kind: 'compact-flash',
    sizeMb,
    speedMbPerSec: MEDIUM_SPEED['compact-flash'],
    corrupt: false,
    primaryOnly: false,
    partitions,
  };
}

/** A removable medium as inserted: blank, no Junos label. */
export function blankRemovable(spec: ProfileSpec, kind: 'usb' | 'removable-compact-flash'): MediumState {
  return {
    device: kind === 'usb' ? spec.devices.usb : spec.devices.removableCf,
    kind,
    sizeMb: REMOVABLE_MB[kind],
    speedMbPerSec: MEDIUM_SPEED[kind],
    corrupt: false,
    primaryOnly: false,
    partitions: null,
  };
}
