/**
 * `show system snapshot` (get-snapshot-information): what each root slice
 * holds, as the primary (booted) and backup (alternate) copies, or on Junos
 * with upgraded FreeBSD the Junos volume's snapshots and the OAM volume's
 * recovery snapshot. Which of these a device shows is its release row's `info`.
 */
import { chassisSelectors } from '../grammar/chassis-selectors.js';
import type { ParsedOptions } from '../grammar/types.js';
import { SnapshotRefusal } from './errors.js';
import type { DeviceModel } from './model.js';
import { junosVolume } from './plan-volume.js';
import { fillModel, releaseRow } from './releases/index.js';
import type { SnapshotInfoResult, SnapshotInfoTarget, SnapshotSliceInfo } from './results.js';
import type { MediumState, PartitionState, RoutingEngineState } from './state.js';
import { selectTargets } from './targets.js';

export function snapshotInformation(model: DeviceModel, sessionRe: string, opts: ParsedOptions): SnapshotInfoResult {
  const row = model.release;
  const media = opts.get('media');
  if (typeof media === 'string' && !row.infoMedia.includes(media)) {
    throw new SnapshotRefusal(`media ${media} is not supported on this platform: use ${row.infoMedia.join(', ')}`, { badElement: media });
  }
  const m = typeof media === 'string' ? media : undefined;
  const one = (re: RoutingEngineState): SnapshotInfoTarget => {
    if (row.info === 'recovery-text') return { reName: re.name, slices: [], errors: [], volume: structuredClone(junosVolume(re)) };
    if (row.info === 'backup-slice') return backupTarget(model, re);
    return model.dualRoot ? dualRootTarget(model, re, m) : mxTarget(model, re, m);
  };
  const sel = selectTargets(model, sessionRe, chassisSelectors(opts), 'local');
  const targets = sel.targets.map((t): SnapshotInfoTarget => {
    if (!t.re) return { reName: t.name, slices: [], errors: [t.error ?? 'unreachable'] };
    try {
      return one(t.re);
    } catch (e) {
      // Several members: each reports its own failure.
      if (sel.multi && e instanceof SnapshotRefusal) return { reName: t.name, slices: [], errors: [e.message] };
      throw e;
    }
  });
  if (!sel.multi && targets[0]!.errors.length > 0) throw new SnapshotRefusal(targets[0]!.errors[0]!);
  return { multi: sel.multi, form: row.info, mediumText: row.mediumText, targets };
}

/** A slice's packages are those of the release it holds (a backup may hold an older generation). */
function slice(model: DeviceModel, name: string, device: string, p: PartitionState | undefined, role: 'primary' | 'backup'): SnapshotSliceInfo | undefined {
  if (!p?.content) return undefined;
  const version = p.content.version;
  const packages = releaseRow(model.spec.line, version).snapshotPackages.map((pkg) => ({
    name: pkg.name,
    version: fillModel(`${pkg.prefix ?? ''}${version}${pkg.suffix ?? ''}`, model.spec.model),
  }));
  return { medium: name, device, role, created: p.content.created, packages };
}

function root(m: MediumState, sliceName?: string): PartitionState | undefined {
  return m.partitions?.find((p) => p.role === 'root' && (sliceName === undefined || p.slice === sliceName));
}

function mxTarget(model: DeviceModel, re: RoutingEngineState, media: string | undefined): SnapshotInfoTarget {
  const boot = model.bootMedium(re);
  const alt = model.alternateMedium(re);
  const show = (m: MediumState): boolean =>
    media === undefined || (media === 'internal' ? m === boot : m.kind === (media === 'compact-flash' ? 'flash' : 'hard-disk'));
  const name = (m: MediumState): string => (m.kind === 'flash' ? 'compact-flash' : 'hard-disk');
  const slices: SnapshotSliceInfo[] = [];
  for (const [m, role] of [[boot, 'primary'], [alt, 'backup']] as const) {
    if (!show(m)) continue;
    if (m.corrupt) continue;
    const p = root(m);
    const s = p ? slice(model, name(m), `/dev/${m.device}${p.slice}`, p, role) : undefined;
    if (s) slices.push(s);
  }
  const errors = slices.length === 0 ? [`No valid snapshot found on ${media ?? 'any'} media.`] : [];
  return { reName: re.name, slices, errors };
}

/** MX80/MX104: the snapshot on the second internal medium, named by its BSD slice (`da1s1`). */
function backupTarget(model: DeviceModel, re: RoutingEngineState): SnapshotInfoTarget {
  const alt = model.alternateMedium(re);
  const p = alt.corrupt ? undefined : root(alt);
  const s = p ? slice(model, 'internal', `${alt.device}${p.slice.replace(/[a-z]$/, '')}`, p, 'backup') : undefined;
  if (!s) return { reName: re.name, slices: [], errors: ['No valid snapshot found on internal media.'] };
  return { reName: re.name, slices: [s], errors: [] };
}

function dualRootTarget(model: DeviceModel, re: RoutingEngineState, media: string | undefined): SnapshotInfoTarget {
  const row = model.release;
  const internal = row.infoMedia[0]!;
  const pair = (label: string, m: MediumState, first: string, second: string): SnapshotSliceInfo[] =>
    m.corrupt
      ? []
      : [
          slice(model, label, `/dev/${m.device}${first}`, root(m, first), 'primary'),
          slice(model, label, `/dev/${m.device}${second}`, root(m, second), 'backup'),
        ].filter((s): s is SnapshotSliceInfo => s !== undefined);
  if (media === undefined || media === 'internal' || media === 'compact-flash') {
    const cf = model.bootMedium(re);
    const other = re.activeSlice === 's1a' ? 's2a' : 's1a';
    const slices = pair(internal, cf, re.activeSlice, other);
    if (slices.length === 0) throw new SnapshotRefusal(`No valid snapshot found on ${internal} media.`);
    return { reName: re.name, slices, errors: [] };
  }
  const kinds = media === 'external' ? (['removable-compact-flash', 'usb'] as const) : ([media] as const);
  const medium = kinds.map((k) => model.medium(re, k as MediumState['kind'])).find((m) => m !== undefined);
  if (!medium) throw new SnapshotRefusal(`media ${media} is not present.`);
  // A USB stick is `usb` where the release has that media name (J Series, SRX), else `external` (EX).
  const label = medium.kind === 'usb' && row.infoMedia.includes('usb') ? 'usb' : 'external';
  const slices = pair(label, medium, 's1a', 's2a');
  if (slices.length === 0) throw new SnapshotRefusal(`No valid snapshot found on ${media} media.`);
  return { reName: re.name, slices, errors: [] };
}
