/**
 * `show system snapshot` (get-snapshot-information): what each root slice
 * holds, as the primary (booted) and backup (alternate) copies.
 */
import type { ParsedOptions } from '../grammar/types.js';
import { SnapshotRefusal } from './errors.js';
import type { DeviceModel } from './model.js';
import type { SnapshotInfoResult, SnapshotInfoTarget, SnapshotSliceInfo } from './results.js';
import type { MediumState, PartitionState, RoutingEngineState } from './state.js';
import { selectTargets } from './targets.js';

const MX_MEDIA = ['compact-flash', 'hard-disk', 'internal'];
const J_MEDIA = ['internal', 'compact-flash', 'external', 'usb', 'removable-compact-flash'];

export function snapshotInformation(model: DeviceModel, sessionRe: string, opts: ParsedOptions): SnapshotInfoResult {
  const media = opts.get('media');
  const allowed = model.platform === 'j-series' ? J_MEDIA : MX_MEDIA;
  if (typeof media === 'string' && !allowed.includes(media)) {
    throw new SnapshotRefusal(`media ${media} is not supported on this platform: use ${allowed.join(', ')}`, { badElement: media });
  }
  const m = typeof media === 'string' ? media : undefined;
  if (model.platform === 'j-series') {
    const re = model.routingEngines()[0]!;
    return { multi: false, targets: [jTarget(model, re, m)] };
  }
  const sel = selectTargets(model, sessionRe, opts, 'local');
  const targets = sel.targets.map((t) => (t.re ? mxTarget(model, t.re, m) : { reName: t.name, slices: [], errors: [t.error ?? 'unreachable'] }));
  if (!sel.multi && targets[0]!.errors.length > 0) throw new SnapshotRefusal(targets[0]!.errors[0]!);
  return { multi: sel.multi, targets };
}

function slice(model: DeviceModel, name: string, medium: MediumState, p: PartitionState | undefined, role: 'primary' | 'backup'): SnapshotSliceInfo | undefined {
  if (!p?.content) return undefined;
  const version = p.content.version;
  return {
    medium: name,
    device: `/dev/${medium.device}${p.slice}`,
    role,
    created: p.content.created,
    packages: model.spec.packages.map((pkg) => ({ name: pkg, version })),
  };
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
    const s = slice(model, name(m), m, root(m), role);
    if (s) slices.push(s);
  }
  const errors = slices.length === 0 ? [`No valid snapshot found on ${media ?? 'any'} media.`] : [];
  return { reName: re.name, slices, errors };
}

function jTarget(model: DeviceModel, re: RoutingEngineState, media: string | undefined): SnapshotInfoTarget {
  if (media === undefined || media === 'internal' || media === 'compact-flash') {
    const cf = model.bootMedium(re);
    const other = re.activeSlice === 's1a' ? 's2a' : 's1a';
    const slices = cf.corrupt
      ? []
      : [slice(model, 'internal', cf, root(cf, re.activeSlice), 'primary'), slice(model, 'internal', cf, root(cf, other), 'backup')].filter(
          (s): s is SnapshotSliceInfo => s !== undefined,
        );
    if (slices.length === 0) throw new SnapshotRefusal('No valid snapshot found on internal media.');
    return { reName: re.name, slices, errors: [] };
  }
  const kinds = media === 'external' ? (['removable-compact-flash', 'usb'] as const) : ([media] as const);
  const medium = kinds.map((k) => model.medium(re, k as MediumState['kind'])).find((m) => m !== undefined);
  if (!medium) throw new SnapshotRefusal(`media ${media} is not present.`);
  const label = medium.kind === 'usb' ? 'usb' : 'external';
  const slices = medium.corrupt
    ? []
    : [slice(model, label, medium, root(medium, 's1a'), 'primary'), slice(model, label, medium, root(medium, 's2a'), 'backup')].filter(
        (s): s is SnapshotSliceInfo => s !== undefined,
      );
  if (slices.length === 0) throw new SnapshotRefusal(`No valid snapshot found on ${media} media.`);
  return { reName: re.name, slices, errors: [] };
}
