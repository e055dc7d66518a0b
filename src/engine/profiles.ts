/**
 * Named hardware presets. Profile names are a fixed contract with the config
 * file; the numbers are plausible values for the hardware each one stands for.
 */
import type { Platform } from '../grammar/types.js';
import type { DeviceSettings } from './settings.js';
import type { MediumKind, MediumState, PartitionState, RoutingEngineState, SliceContent } from './state.js';
import { defaultJSeriesLayout } from './j-layout.js';

export type ProfileName = 'mx960' | 'txmatrix' | 'txmatrix-plus' | 'j2350';
export const PROFILE_NAMES: readonly ProfileName[] = ['mx960', 'txmatrix', 'txmatrix-plus', 'j2350'];
export const DEFAULT_PROFILE: ProfileName = 'mx960';

export function isProfileName(s: string): s is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(s);
}

export function platformOf(profile: ProfileName): Platform {
  switch (profile) {
    case 'mx960':
      return 'mx';
    case 'txmatrix':
      return 'txmatrix';
    case 'txmatrix-plus':
      return 'txmatrix-plus';
    case 'j2350':
      return 'j-series';
  }
}

export interface ProfileSpec {
  readonly name: ProfileName;
  readonly platform: Platform;
  readonly model: string;
  /** The switch chassis of a routing matrix (`scc`, `sfc0`), or '' for a single chassis. */
  readonly switchChassis: string;
  readonly defaults: DeviceSettings;
  /** Release on the alternate media before any snapshot: the one the spec's caution says is lost. */
  readonly previousVersion: string;
  /** Release of the files shipped from the factory (J Series `factory`/`as-primary`). */
  readonly factoryVersion: string;
  /** Packages `show system snapshot` lists; each carries the slice's release. */
  readonly packages: readonly string[];
  /** Space the installed software takes on a root file system, MB. */
  readonly rootUsedMb: number;
}

const MX_PACKAGES = ['jbase', 'jkernel', 'jcrypto', 'jdocs', 'jpfe', 'jroute'] as const;

export const PROFILES: Readonly<Record<ProfileName, ProfileSpec>> = {
  mx960: {
    name: 'mx960',
    platform: 'mx',
    model: 'mx960',
    switchChassis: '',
    defaults: settings('18.4R3.3', 16384, []),
    previousVersion: '17.4R2.4',
    factoryVersion: '17.4R2.4',
    packages: MX_PACKAGES,
    rootUsedMb: 740,
  },
  txmatrix: {
    name: 'txmatrix',
    platform: 'txmatrix',
    model: 'txp',
    switchChassis: 'scc',
    defaults: settings('11.4R13.5', 2048, [0, 2]),
    previousVersion: '10.4R16.7',
    factoryVersion: '10.4R16.7',
    packages: MX_PACKAGES,
    rootUsedMb: 520,
  },
  'txmatrix-plus': {
    name: 'txmatrix-plus',
    platform: 'txmatrix-plus',
    model: 'txp',
    switchChassis: 'sfc0',
    defaults: settings('15.1R7.9', 8192, [0, 2]),
    previousVersion: '14.2R8.4',
    factoryVersion: '14.2R8.4',
    packages: MX_PACKAGES,
    rootUsedMb: 690,
  },
  j2350: {
    name: 'j2350',
    platform: 'j-series',
    model: 'j2350',
    switchChassis: '',
    defaults: settings('12.3R12.4', 512, []),
    previousVersion: '11.4R11.4',
    factoryVersion: '10.4R3.4',
    packages: ['junos'],
    rootUsedMb: 180,
  },
};

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

/** Removable J Series media: device name and capacity. */
export const J_REMOVABLE: Readonly<Record<'usb' | 'removable-compact-flash', { device: string; sizeMb: number }>> = {
  'removable-compact-flash': { device: 'ad2', sizeMb: 1024 },
  usb: { device: 'da0', sizeMb: 2048 },
};
export const J_INTERNAL_CF_MB = 1024;

const DAY = 86_400_000;

/** Builds every RE of a profile as it is on a freshly installed device. */
export function buildRoutingEngines(spec: ProfileSpec, s: DeviceSettings, now: number): RoutingEngineState[] {
  const chassis = spec.switchChassis === '' ? [''] : [spec.switchChassis, 'lcc0', 'lcc1', 'lcc2', 'lcc3'];
  const out: RoutingEngineState[] = [];
  for (const c of chassis) {
    for (const slot of ['re0', 're1'] as const) {
      const name = c === '' ? slot : `${c}-${slot}`;
      const config = `${name}-config-r1`;
      const primary: SliceContent = { version: s.softwareVersion, config, created: now - 30 * DAY, factory: false };
      const alternate: SliceContent = {
        version: spec.previousVersion,
        config: `${name}-config-r0`,
        created: now - 400 * DAY,
        factory: false,
      };
      out.push({
        name,
        chassis: c,
        slot,
        running: { version: s.softwareVersion, config },
        rescueConfig: spec.platform === 'j-series' ? `${name}-rescue-r1` : null,
        activeSlice: 's1a',
        mountedAlternates: [],
        media:
          spec.platform === 'j-series'
            ? [jInternal(spec, s, primary, alternate)]
            : mxMedia(spec, s, primary, alternate),
      });
    }
    if (spec.platform === 'j-series') break;
  }
  // A J Series box has a single RE.
  return spec.platform === 'j-series' ? out.slice(0, 1) : out;
}

function part(slice: string, role: PartitionState['role'], sizeMb: number, usedMb: number, content: SliceContent | null): PartitionState {
  return { slice, role, sizeMb, usedMb, argument: null, content };
}

/** Flash ad0 holds / and /config; hard disk ad1 holds /altroot, /altconfig and /var (when booted from flash). */
function mxMedia(spec: ProfileSpec, s: DeviceSettings, primary: SliceContent, alternate: SliceContent): MediumState[] {
  const onFlash = s.bootMedia === 'flash';
  const flashContent = onFlash ? primary : alternate;
  const diskContent = onFlash ? alternate : primary;
  return [
    {
      device: 'ad0',
      kind: 'flash',
      sizeMb: 4096,
      speedMbPerSec: MEDIUM_SPEED.flash,
      corrupt: false,
      primaryOnly: false,
      partitions: [
        part('s1a', 'root', 2048, spec.rootUsedMb, flashContent),
        part('s1e', 'config', 256, CONFIG_USED_MB, { ...flashContent }),
      ],
    },
    {
      device: 'ad1',
      kind: 'hard-disk',
      sizeMb: 40960,
      speedMbPerSec: MEDIUM_SPEED['hard-disk'],
      corrupt: false,
      primaryOnly: false,
      partitions: [
        part('s1a', 'root', 2048, spec.rootUsedMb, diskContent),
        part('s1e', 'config', 256, CONFIG_USED_MB, { ...diskContent }),
        part('s1f', 'var', 36864, VAR_USED_MB, null),
      ],
    },
  ];
}

function jInternal(spec: ProfileSpec, s: DeviceSettings, primary: SliceContent, alternate: SliceContent): MediumState {
  const layout = defaultJSeriesLayout(J_INTERNAL_CF_MB, s.memoryMb, new Map());
  const partitions: PartitionState[] = layout.map((p) => {
    if (p.slice === 's1a') return part(p.slice, 'root', p.sizeMb, spec.rootUsedMb, primary);
    if (p.slice === 's2a') return part(p.slice, 'root', p.sizeMb, spec.rootUsedMb, alternate);
    if (p.role === 'config') return part(p.slice, 'config', p.sizeMb, CONFIG_USED_MB, { ...primary });
    if (p.role === 'var') return part(p.slice, 'var', p.sizeMb, J_VAR_USED_MB, null);
    return part(p.slice, p.role, p.sizeMb, 0, null);
  });
  return {
    device: 'ad0',
    kind: 'compact-flash',
    sizeMb: J_INTERNAL_CF_MB,
    speedMbPerSec: MEDIUM_SPEED['compact-flash'],
    corrupt: false,
    primaryOnly: false,
    partitions,
  };
}

/** A removable medium as inserted: blank, no Junos label. */
export function blankRemovable(kind: 'usb' | 'removable-compact-flash'): MediumState {
  const r = J_REMOVABLE[kind];
  return {
    device: r.device,
    kind,
    sizeMb: r.sizeMb,
    speedMbPerSec: MEDIUM_SPEED[kind],
    corrupt: false,
    primaryOnly: false,
    partitions: null,
  };
}
