/**
 * Snapshot plan for J Series: the alternate root slice of the internal compact
 * flash, or a removable medium (removable compact flash, USB) that is
 * partitioned with the size options, factory files or as a primary.
 */
import type { SnapshotOptions } from '../grammar/request-snapshot.js';
import { SnapshotRefusal } from './errors.js';
import { SIZE_OPTIONS, jSeriesSizes, layoutFromSizes, layoutProblem } from './j-layout.js';
import type { SizeOption } from './j-layout.js';
import type { DeviceModel } from './model.js';
import { FORMAT_MS, LABEL_MS, PARTITIONING_MS, copyMs, failed } from './plan.js';
import type { PlannedStep, TargetPlan } from './plan.js';
import { CONFIG_USED_MB, J_VAR_USED_MB } from './profiles.js';
import type { MediumKind, MediumState, PartitionState, RoutingEngineState, SliceContent } from './state.js';
import { copyFiles } from './file-table.js';

/** The medium kind a `media` name of a dual-root device stands for. */
export function mediumKindOf(name: string): MediumKind {
  if (name === 'compact-flash' || name === 'internal') return 'compact-flash';
  if (name === 'removable-compact-flash') return 'removable-compact-flash';
  return 'usb';
}

const ABSENT: Readonly<Record<'usb' | 'removable-compact-flash', string>> = {
  usb: 'no device is inserted in the USB port',
  'removable-compact-flash': 'no card is inserted in the removable compact flash slot',
};

/** Options that make the target medium be partitioned. */
const REPARTITIONING = ['partition', 'factory', 'as-primary', ...SIZE_OPTIONS] as const;

function list(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * J Series, EX and branch SRX: the medium names and the default come from the
 * release row (`compact-flash`... on J Series, `internal`/`usb` on SRX,
 * `internal`/`external` on EX); the first name is the internal boot medium.
 */
export function planJTarget(model: DeviceModel, re: RoutingEngineState, opts: SnapshotOptions): TargetPlan {
  const names = model.release.snapshotMedia;
  const internalName = names[0]!;
  const media = opts.media;
  if (media !== undefined && !names.includes(media)) {
    throw new SnapshotRefusal(`media ${media} is not supported on this platform: use ${list(names)}`, {
      badElement: media,
    });
  }
  const asPrimary = opts.asPrimary;
  const target: string = media ?? (asPrimary ? 'removable-compact-flash' : internalName);
  const kind = mediumKindOf(target);
  if (asPrimary && kind !== 'removable-compact-flash') {
    throw new SnapshotRefusal('as-primary can be used on the removable compact flash only (media removable-compact-flash)', {
      badElement: 'as-primary',
    });
  }
  if (opts.slice !== undefined && kind !== 'compact-flash') {
    throw new SnapshotRefusal(`slice applies to the ${internalName} media only, not to media ${target}`, { badElement: 'slice' });
  }
  const sizes = readSizes(opts);
  const repartition = REPARTITIONING.filter((o) =>
    o === 'partition' ? opts.partition : o === 'factory' ? opts.factory : o === 'as-primary' ? asPrimary : opts.sizes[o] !== undefined,
  );

  if (kind === 'compact-flash') {
    if (repartition.length > 0) {
      const others = names.filter((n) => n !== internalName).map((n) => `media ${n}`);
      throw new SnapshotRefusal(
        `${repartition[0]} partitions the target medium, and ${internalName} is the boot medium in use; use ${list(others)}`,
        { badElement: repartition[0] },
      );
    }
    return planAlternateSlice(model, re, internalName);
  }

  const removable = kind as 'usb' | 'removable-compact-flash';
  const medium = model.medium(re, removable);
  if (!medium) throw new SnapshotRefusal(`media ${target} is not present: ${ABSENT[removable]}.`);
  const needPartition = repartition.length > 0 || medium.partitions === null;
  if (medium.corrupt && !needPartition) {
    return failed(re.name, re, [
      `Snapshot failed: the partition table on ${target} media (/dev/${medium.device}) is corrupted.`,
      `Use 'request system snapshot media ${target} partition' to repartition it.`,
    ]);
  }
  return planRemovable(model, re, medium, target, sizes, needPartition, opts.factory || asPrimary);
}

/** The sizes given, in the order the layout reads them. */
function readSizes(opts: SnapshotOptions): Map<SizeOption, number> {
  const out = new Map<SizeOption, number>();
  for (const o of SIZE_OPTIONS) {
    const v = opts.sizes[o];
    if (v !== undefined) out.set(o, v);
  }
  return out;
}

/** Same medium, other root slice: what SRX/J do for `slice alternate`. */
function planAlternateSlice(model: DeviceModel, re: RoutingEngineState, internalName: string): TargetPlan {
  const cf = model.bootMedium(re);
  if (cf.corrupt) {
    return failed(re.name, re, [
      `Snapshot failed: the partition table on ${internalName} (/dev/${cf.device}) is corrupted.`,
      'The boot medium cannot be repartitioned while the router runs from it; boot from removable media to recover it.',
    ]);
  }
  const from = re.activeSlice;
  const to = from === 's1a' ? 's2a' : 's1a';
  const dev = `/dev/${cf.device}`;
  const steps: PlannedStep[] = [
    { out: { kind: 'inform', message: `Formatting alternate root (${dev}${to})...` }, ms: FORMAT_MS },
    {
      out: { kind: 'copy', source: `${dev}${from}`, destination: `${dev}${to}`, style: 'quoted' },
      ms: copyMs(model.spec.rootUsedMb, model.copyRate(cf)),
    },
    { out: { kind: 'archived', directories: ['/'] }, ms: 0 },
  ];
  const commit = (now: number): void => {
    const slice = cf.partitions?.find((p) => p.slice === to);
    if (slice) {
      slice.content = { version: re.running.version, config: re.running.config, created: now, factory: false };
      slice.usedMb = model.spec.rootUsedMb;
      copyFiles(cf.partitions?.find((p) => p.slice === from), slice);
    }
  };
  const interrupt = (_copyIndex: number, progress: number): void => {
    const slice = cf.partitions?.find((p) => p.slice === to);
    if (slice) {
      slice.content = null;
      slice.usedMb = Math.floor(model.spec.rootUsedMb * progress);
    }
  };
  return { reName: re.name, re, steps, errors: [], commit, medium: cf, interrupt };
}

function planRemovable(
  model: DeviceModel,
  re: RoutingEngineState,
  medium: MediumState,
  target: string,
  given: Map<SizeOption, number>,
  partition: boolean,
  factory: boolean,
): TargetPlan {
  const rootUsed = model.spec.rootUsedMb;
  const dev = `/dev/${medium.device}`;
  const steps: PlannedStep[] = [];
  let layout: PartitionState[] | null = medium.partitions;

  if (partition) {
    const sizes = jSeriesSizes(medium.sizeMb, model.settings.memoryMb, given, model.release.leaves['request-snapshot'].includes('swap-size'));
    const problem = layoutProblem(sizes, given, target, medium.sizeMb, rootUsed, CONFIG_USED_MB);
    if (problem) {
      const culprit = SIZE_OPTIONS.find((o) => given.has(o));
      throw new SnapshotRefusal(`Snapshot not possible: ${problem}.`, culprit ? { badElement: culprit } : {});
    }
    const entries = layoutFromSizes(sizes, given);
    layout = entries.map((e) => ({ slice: e.slice, role: e.role, sizeMb: e.sizeMb, usedMb: 0, argument: e.argument, content: null }));
    steps.push({ out: { kind: 'inform', message: 'Clearing current label...' }, ms: LABEL_MS });
    steps.push({ out: { kind: 'inform', message: `Partitioning ${target} media (${dev}) ...` }, ms: PARTITIONING_MS });
    steps.push({
      out: {
        kind: 'partitions',
        rows: entries.map((e) => ({ partition: e.slice, mountPoint: e.mount, sizeMb: e.sizeMb, argument: e.argument ?? 'none' })),
      },
      ms: 0,
    });
  }
  const slices = layout ?? [];
  const find = (slice: string): PartitionState | undefined => slices.find((p) => p.slice === slice);
  const internal = model.bootMedium(re);
  const internalRoots = {
    active: re.activeSlice,
    other: re.activeSlice === 's1a' ? 's2a' : 's1a',
  };
  const speed = model.copyRate(medium);
  const copySlices: Array<{ slice: string; usedMb: number }> = [];
  const copy = (source: string, slice: string, usedMb: number): void => {
    copySlices.push({ slice, usedMb });
    steps.push({ out: { kind: 'copy', source, destination: `${dev}${slice}`, style: 'quoted' }, ms: copyMs(usedMb, speed) });
  };
  const writes: Array<(now: number) => void> = [];
  const put = (slice: string, usedMb: number, content: (now: number) => SliceContent | null, source?: PartitionState): void => {
    writes.push((now) => {
      const p = find(slice);
      if (!p) return;
      p.usedMb = usedMb;
      p.content = content(now);
      copyFiles(source, p);
    });
  };
  const internalSlice = (slice: string): PartitionState | undefined => model.bootMedium(re).partitions?.find((p) => p.slice === slice);

  if (factory) {
    // Only what was shipped from the factory, plus the rescue configuration if set.
    const version = model.spec.factoryVersion;
    copy('/packages/factory', 's1a', rootUsed);
    put('s1a', rootUsed, (now) => ({ version, config: re.rescueConfig, created: now, factory: true }));
    const archived = ['/'];
    if (re.rescueConfig !== null) {
      copy('/config/rescue.conf.gz', 's3e', 1);
      put('s3e', 1, (now) => ({ version, config: re.rescueConfig, created: now, factory: true }));
      archived.push('/config');
    }
    steps.push({ out: { kind: 'inform', message: `${target} media can now boot only from the primary compact flash slot` }, ms: 0 });
    steps.push({ out: { kind: 'archived', directories: archived }, ms: 0 });
  } else {
    const otherRoot = internal.partitions?.find((p) => p.slice === internalRoots.other);
    const running = (now: number): SliceContent => ({ version: re.running.version, config: re.running.config, created: now, factory: false });
    copy(`/dev/${internal.device}${internalRoots.active}`, 's1a', rootUsed);
    put('s1a', rootUsed, running, internalSlice(internalRoots.active));
    copy(`/dev/${internal.device}${internalRoots.other}`, 's2a', otherRoot?.usedMb ?? rootUsed);
    const otherContent = otherRoot?.content ? { ...otherRoot.content } : null;
    put('s2a', otherRoot?.usedMb ?? rootUsed, () => otherContent, otherRoot);
    copy(`/dev/${internal.device}s3e`, 's3e', CONFIG_USED_MB);
    put('s3e', CONFIG_USED_MB, running, internalSlice('s3e'));
    copy(`/dev/${internal.device}s3f`, 's3f', J_VAR_USED_MB);
    put('s3f', J_VAR_USED_MB, () => null, internalSlice('s3f'));
    steps.push({ out: { kind: 'archived', directories: ['/', '/altroot', '/config', '/var'] }, ms: 0 });
  }

  const commit = (now: number): void => {
    if (partition) {
      medium.partitions = slices;
      medium.corrupt = false;
      medium.primaryOnly = factory;
    }
    for (const w of writes) w(now);
  };
  const interrupt = (copyIndex: number, progress: number, now: number): void => {
    if (partition) {
      medium.partitions = slices;
      medium.corrupt = false;
      medium.primaryOnly = factory;
    }
    for (const w of writes.slice(0, copyIndex)) w(now);
    const cut = copySlices[copyIndex];
    const p = cut === undefined ? undefined : find(cut.slice);
    if (p && cut) {
      p.content = null;
      p.usedMb = Math.floor(cut.usedMb * progress);
    }
  };
  return { reName: re.name, re, steps, errors: [], commit, medium, interrupt };
}
