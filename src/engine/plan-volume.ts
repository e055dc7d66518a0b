/**
 * Snapshot plan for Junos with upgraded FreeBSD (MX with RE-S-1800 and
 * later on 15.1+): a non-recovery snapshot of the running package set on the
 * Junos volume, or (`recovery`) an image on the OAM volume; 22.1 adds
 * `delete` and `load`, 22.3 `snapshot-name`, `configuration`, `force`.
 * No capture of this output exists: the lines are chosen, ending with the
 * `created successfully` that field scripts look for (docs/releases.md).
 */
import type { SnapshotOptions } from '../grammar/request-snapshot.js';
import { SnapshotRefusal } from './errors.js';
import type { DeviceModel } from './model.js';
import { FORMAT_MS, copyMs } from './plan.js';
import type { PlannedStep, TargetPlan } from './plan.js';
import type { JunosVolumeState, RoutingEngineState, VolumeSnapshot } from './state.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The Junos volume of an RE, made empty on first use (hardware that booted an older release). */
export function junosVolume(re: RoutingEngineState): JunosVolumeState {
  re.junosVolume ??= { snapshots: [], recovery: null };
  return re.junosVolume;
}

const inform = (message: string, ms = 0): PlannedStep => ({ out: { kind: 'inform', message }, ms });

export function planVolumeTarget(model: DeviceModel, re: RoutingEngineState, opts: SnapshotOptions, now: number): TargetPlan {
  const volume = junosVolume(re);
  const rate = model.copyRate(model.bootMedium(re));
  const rootMb = model.spec.rootUsedMb;
  const find = (name: string): VolumeSnapshot | undefined => volume.snapshots.find((s) => s.name === name);
  const base = { reName: re.name, re, errors: [] as string[], medium: model.bootMedium(re) };

  const del = opts.delete;
  if (del !== undefined) {
    if (!find(del)) throw new SnapshotRefusal(`snapshot ${del} does not exist on ${re.name}`, { badElement: del });
    return {
      ...base,
      steps: [inform(`Deleting snapshot ${del} ...`, FORMAT_MS), inform(`Snapshot ${del} deleted`)],
      commit: () => {
        volume.snapshots = volume.snapshots.filter((s) => s.name !== del);
      },
    };
  }
  const load = opts.load;
  if (load !== undefined) {
    const snap = find(load);
    if (!snap) throw new SnapshotRefusal(`snapshot ${load} does not exist on ${re.name}`, { badElement: load });
    return {
      ...base,
      steps: [inform(`Loading snapshot ${load} ...`, FORMAT_MS), inform(`Snapshot ${load} (Junos ${snap.version}) will be booted at the next reboot`)],
      commit: () => undefined,
      boots: snap.version,
    };
  }
  const config = opts.noConfiguration ? null : re.running.config;
  if (opts.recovery) {
    const imageMb = Math.ceil(rootMb * 0.45);
    return {
      ...base,
      steps: [
        inform('Creating image ...', copyMs(rootMb, rate)),
        inform('Compressing image ...', FORMAT_MS),
        inform(`Image size is ${imageMb}MB`),
        inform('Copying image to OAM volume ...', copyMs(imageMb, rate)),
        inform('Recovery snapshot created successfully'),
      ],
      commit: (at) => {
        volume.recovery = { name: 'recovery.ufs', version: re.running.version, config, created: at, factory: false };
      },
    };
  }
  const given = opts.snapshotName;
  const name = given ?? `snap.${Math.floor(now / 1000)}`;
  if (!NAME.test(name)) throw new SnapshotRefusal(`invalid snapshot name '${name}'`, { badElement: 'snapshot-name' });
  if (find(name) && given !== undefined && !opts.force) {
    throw new SnapshotRefusal(`snapshot ${name} already exists on ${re.name}; use force to replace it`, { badElement: 'snapshot-name' });
  }
  return {
    ...base,
    steps: [inform(`Creating snapshot ${name} ...`, copyMs(rootMb, rate)), inform(`Snapshot ${name} created successfully`)],
    commit: (at) => {
      const snap: VolumeSnapshot = { name, version: re.running.version, config, created: at, factory: false };
      volume.snapshots = [...volume.snapshots.filter((s) => s.name !== name), snap];
    },
  };
}
