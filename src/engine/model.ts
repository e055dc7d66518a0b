/**
 * The live state of one emulated device: its profile, settings and the
 * storage and software of every routing engine.
 */
import type { Dialect, Platform } from '../grammar/types.js';
import { PROFILES, blankRemovable, buildRoutingEngines, isProfileName, platformOf } from './profiles.js';
import { dataNamespaceRelease, dialectOf, releaseRow, rootNamespaceRelease, type ReleaseRow } from './releases/index.js';
import type { ProfileName, ProfileSpec } from './profiles.js';
import { parseDeviceSettings, SETTING_KEYS } from './settings.js';
import type { DeviceSettings } from './settings.js';
import type { MediumKind, MediumState, RoutingEngineState } from './state.js';
import type { SnapshotFaultHooks } from './fault-hooks.js';
import { seedInitialFiles } from './initial-files.js';

export const STATE_FORMAT = 1;

/** What `toJSON` writes and `fromJSON` reads. */
export interface DeviceStateJson {
  format: typeof STATE_FORMAT;
  profile: ProfileName;
  settings: DeviceSettings;
  routingEngines: RoutingEngineState[];
}

export interface CreateOptions extends LoadOptions {
  /** Virtual time used for the initial creation dates. */
  now?: number;
}

/** What a model is given when it is made, whether fresh or loaded. */
export interface LoadOptions {
  /** Where a fault plan reaches into the snapshot engine; run-time only, never persisted. */
  faultHooks?: SnapshotFaultHooks;
}

/** Medium names accepted in `corrupt-partition-table`, besides device names. */
const MEDIUM_ALIASES: Readonly<Record<string, MediumKind>> = {
  flash: 'flash',
  'hard-disk': 'hard-disk',
  disk: 'hard-disk',
  'compact-flash': 'compact-flash',
  'removable-compact-flash': 'removable-compact-flash',
  usb: 'usb',
};

export class DeviceModel {
  readonly profile: ProfileName;
  readonly platform: Platform;
  private current: DeviceSettings;
  private readonly res: RoutingEngineState[];
  /** REs with a snapshot in progress; run-time only, never persisted. */
  private readonly busy = new Set<string>();
  private readonly listeners = new Set<() => void>();
  /** Asked by the snapshot engine and by every multi-RE command; they stay when the state is reset. */
  readonly faultHooks: SnapshotFaultHooks | undefined;

  private constructor(profile: ProfileName, settings: DeviceSettings, res: RoutingEngineState[], faultHooks: SnapshotFaultHooks | undefined) {
    this.profile = profile;
    this.platform = platformOf(profile);
    this.current = settings;
    this.res = res;
    this.faultHooks = faultHooks;
  }

  /** A freshly installed device of a profile, with settings over the profile defaults. */
  static create(profile: ProfileName, settings: Partial<DeviceSettings> = {}, opts: CreateOptions = {}): DeviceModel {
    const spec = PROFILES[profile];
    const s: DeviceSettings = { ...cloneSettings(spec.defaults), ...cloneSettings(settings) };
    const model = new DeviceModel(profile, s, buildRoutingEngines(spec, s, opts.now ?? Date.now()), opts.faultHooks);
    model.applyCorruption(s.corruptPartitionTable);
    model.applyInsertedMedia(s.insertedMedia);
    seedInitialFiles(model, opts.now ?? Date.now());
    return model;
  }

  static fromJSON(raw: unknown, opts: LoadOptions = {}): DeviceModel {
    if (typeof raw !== 'object' || raw === null) throw new Error('device state: expected an object');
    const j = raw as Partial<DeviceStateJson>;
    if (j.format !== STATE_FORMAT) throw new Error(`device state: unsupported format ${String(j.format)}`);
    if (typeof j.profile !== 'string' || !isProfileName(j.profile)) throw new Error(`device state: unknown profile ${String(j.profile)}`);
    if (!Array.isArray(j.routingEngines) || j.routingEngines.length === 0) throw new Error('device state: no routing engines');
    // Settings go through the same checks as the YAML keys, so a hand-edited file fails clearly.
    const rawSettings = settingsToYaml((j.settings ?? {}) as Partial<DeviceSettings>);
    const s = { ...cloneSettings(PROFILES[j.profile].defaults), ...parseDeviceSettings(rawSettings, 'state.settings') };
    const model = new DeviceModel(j.profile, s, structuredClone(j.routingEngines), opts.faultHooks);
    // State saved before the file tree existed gets the initial files.
    seedInitialFiles(model, Date.now());
    return model;
  }

  toJSON(): DeviceStateJson {
    return {
      format: STATE_FORMAT,
      profile: this.profile,
      settings: cloneSettings(this.current),
      routingEngines: structuredClone(this.res),
    };
  }

  get spec(): ProfileSpec {
    return PROFILES[this.profile];
  }

  get settings(): Readonly<DeviceSettings> {
    return this.current;
  }

  /** What the running release does on this hardware: its release family row. */
  get release(): ReleaseRow {
    return releaseRow(this.spec.line, this.current.softwareVersion);
  }

  /** The options the running release accepts, for the RPC and CLI parsers. */
  dialect(): Dialect {
    return dialectOf(this.spec.line, this.current.softwareVersion);
  }

  /** The release in `xmlns:junos` of the reply root (`18.4R3`, `21.4R0`, the full build from 23.2). */
  rootNamespaceRelease(): string {
    return rootNamespaceRelease(this.current.softwareVersion);
  }

  /** The release in data-element namespaces (`.../junos/18.4R3/junos-chassis`; `xx.yR0` from 19.1). */
  dataNamespaceRelease(): string {
    return dataNamespaceRelease(this.current.softwareVersion);
  }

  /** One internal medium with two root slices (J Series, EX, branch SRX). */
  get dualRoot(): boolean {
    return this.spec.media === 'dual-root';
  }

  /** MB/s a copy onto `medium` runs at: the device's `media-speed-mbps`, else the medium's own. */
  copyRate(medium: MediumState): number {
    return this.current.mediaSpeedMbps ?? medium.speedMbPerSec;
  }

  /**
   * Changes settings at run time. Side effects (corrupting a partition table,
   * inserting a medium, installing software) happen only for values that
   * differ from the current ones, so re-applying the config file after loading
   * saved state does not undo what snapshots repaired.
   */
  updateSettings(partial: Partial<DeviceSettings>): void {
    const next: DeviceSettings = { ...this.current, ...cloneSettings(partial) };
    const prev = this.current;
    this.current = next;
    if (partial.softwareVersion !== undefined && partial.softwareVersion !== prev.softwareVersion) {
      this.installSoftware(partial.softwareVersion);
    }
    if (partial.bootMedia !== undefined && partial.bootMedia !== prev.bootMedia) {
      // The RE now runs what is on the medium it booted from.
      for (const re of this.res) {
        const root = this.bootRoot(re);
        if (root?.content) re.running = { version: root.content.version, config: root.content.config ?? re.running.config };
      }
    }
    if (partial.corruptPartitionTable !== undefined) {
      const added = partial.corruptPartitionTable.filter((m) => !prev.corruptPartitionTable.includes(m));
      this.applyCorruption(added);
    }
    if (partial.insertedMedia !== undefined) this.applyInsertedMedia(next.insertedMedia);
    this.changed();
  }

  /**
   * Takes over another model's settings and hardware state (a reset to the
   * profile's initial state). The object stays the same, so every holder and
   * hook keeps working; snapshots in progress keep their locks.
   */
  replaceState(from: DeviceModel): void {
    if (from.profile !== this.profile) throw new Error(`cannot reset a ${this.profile} to a ${from.profile}`);
    this.current = cloneSettings(from.current);
    this.res.splice(0, this.res.length, ...structuredClone(from.res));
    this.changed();
  }

  routingEngines(): readonly RoutingEngineState[] {
    return this.res;
  }

  routingEngine(name: string): RoutingEngineState | undefined {
    return this.res.find((r) => r.name === name);
  }

  /** The RE in `chassis` ('' on a single chassis) in `slot`. */
  routingEngineIn(chassis: string, slot: 're0' | 're1'): RoutingEngineState | undefined {
    return this.res.find((r) => r.chassis === chassis && r.slot === slot);
  }

  /** Media of an RE that are present now (removable media only while inserted). */
  presentMedia(re: RoutingEngineState): MediumState[] {
    return re.media.filter((m) => !isRemovable(m.kind) || this.current.insertedMedia.includes(m.kind));
  }

  medium(re: RoutingEngineState, kind: MediumKind): MediumState | undefined {
    return this.presentMedia(re).find((m) => m.kind === kind);
  }

  /** The medium the RE booted from. */
  bootMedium(re: RoutingEngineState): MediumState {
    if (this.dualRoot) return re.media.find((m) => m.kind === 'compact-flash')!;
    const kind: MediumKind = this.current.bootMedia === 'flash' ? 'flash' : 'hard-disk';
    return re.media.find((m) => m.kind === kind)!;
  }

  /** M/MX/T: the medium that holds /altroot and /altconfig. */
  alternateMedium(re: RoutingEngineState): MediumState {
    const kind: MediumKind = this.current.bootMedia === 'flash' ? 'hard-disk' : 'flash';
    return re.media.find((m) => m.kind === kind)!;
  }

  private bootRoot(re: RoutingEngineState) {
    const m = this.bootMedium(re);
    const slice = this.dualRoot ? re.activeSlice : undefined;
    return m.partitions?.find((p) => p.role === 'root' && (slice === undefined || p.slice === slice));
  }

  /** Mounts or unmounts an alternate file system (control API, tests). */
  setAlternateMounted(reName: string, mount: '/altroot' | '/altconfig', mounted: boolean): void {
    const re = this.requireRe(reName);
    const set = new Set(re.mountedAlternates);
    if (mounted) set.add(mount);
    else set.delete(mount);
    re.mountedAlternates = [...set].sort();
    this.changed();
  }

  /** Sets or clears the rescue configuration of an RE. */
  setRescueConfig(reName: string, marker: string | null): void {
    this.requireRe(reName).rescueConfig = marker;
    this.changed();
  }

  /** Claims an RE for a snapshot; false when one is already running there. */
  tryLock(reName: string): boolean {
    if (this.busy.has(reName)) return false;
    this.busy.add(reName);
    return true;
  }

  unlock(reName: string): void {
    this.busy.delete(reName);
  }

  isBusy(reName: string): boolean {
    return this.busy.has(reName);
  }

  /** Called after every state change; the runtime may persist from here. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Engine modules call this after mutating RE state. */
  changed(): void {
    for (const l of this.listeners) l();
  }

  private requireRe(name: string): RoutingEngineState {
    const re = this.routingEngine(name);
    if (!re) throw new Error(`no routing engine ${name} on this ${this.profile}`);
    return re;
  }

  private installSoftware(version: string): void {
    for (const re of this.res) {
      re.running = { ...re.running, version };
      const root = this.bootRoot(re);
      if (root?.content) root.content = { ...root.content, version };
    }
  }

  private applyCorruption(entries: readonly string[]): void {
    for (const entry of entries) {
      const colon = entry.indexOf(':');
      const reName = colon >= 0 ? entry.slice(0, colon) : undefined;
      const mediumName = colon >= 0 ? entry.slice(colon + 1) : entry;
      for (const re of this.res) {
        if (reName !== undefined && re.name !== reName) continue;
        for (const m of re.media) {
          if (m.device === mediumName || MEDIUM_ALIASES[mediumName] === m.kind) m.corrupt = true;
        }
      }
    }
  }

  /** Gives each RE a medium object for every inserted kind; removed media keep their contents. */
  private applyInsertedMedia(kinds: readonly string[]): void {
    if (!this.dualRoot) return;
    for (const re of this.res) {
      for (const k of kinds) {
        if ((k === 'usb' || k === 'removable-compact-flash') && !re.media.some((m) => m.kind === k)) {
          re.media.push(blankRemovable(this.spec, k));
        }
      }
    }
  }
}

export function isRemovable(kind: MediumKind): boolean {
  return kind === 'usb' || kind === 'removable-compact-flash';
}

function cloneSettings<T extends Partial<DeviceSettings>>(s: T): T {
  return structuredClone(s);
}

function settingsToYaml(s: Partial<DeviceSettings>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(SETTING_KEYS) as Array<[keyof DeviceSettings, string]>) {
    if (s[field] !== undefined) out[key] = s[field];
  }
  return out;
}
