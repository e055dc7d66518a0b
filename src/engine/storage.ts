/**
 * `show system storage` (get-system-storage): the mounted file systems of an
 * RE, derived from its partitions, boot medium and mounted alternates.
 */
import { chassisSelectors } from '../grammar/chassis-selectors.js';
import type { ParsedOptions } from '../grammar/types.js';
import { SnapshotRefusal } from './errors.js';
import type { DeviceModel } from './model.js';
import type { FileSystemInfo, StorageResult, StorageTarget } from './results.js';
import type { MediumState, PartitionState, RoutingEngineState } from './state.js';
import { selectTargets } from './targets.js';

/** UFS keeps 8% of each file system back from ordinary users. */
const MINFREE = 0.08;

export function systemStorage(model: DeviceModel, sessionRe: string, opts: ParsedOptions): StorageResult {
  const detail = opts.has('detail');
  const sel = selectTargets(model, sessionRe, chassisSelectors(opts), 'local');
  const targets: StorageTarget[] = sel.targets.map((t) =>
    t.re ? { reName: t.name, fileSystems: fileSystems(model, t.re), errors: [] } : { reName: t.name, fileSystems: [], errors: [t.error ?? 'unreachable'] },
  );
  if (!sel.multi && targets[0]!.errors.length > 0) throw new SnapshotRefusal(targets[0]!.errors[0]!);
  return { multi: sel.multi, detail, targets };
}

function fs(name: string, p: PartitionState, mountedOn: string): FileSystemInfo {
  const sizeKb = p.sizeMb * 1024;
  const usedKb = p.usedMb * 1024;
  return { name, sizeKb, usedKb, availKb: Math.max(0, Math.floor(sizeKb * (1 - MINFREE)) - usedKb), mountedOn };
}

const pseudo = (name: string, kb: number, mountedOn: string): FileSystemInfo => ({ name, sizeKb: kb, usedKb: kb, availKb: 0, mountedOn });

export function fileSystems(model: DeviceModel, re: RoutingEngineState): FileSystemInfo[] {
  const boot = model.bootMedium(re);
  const j = model.dualRoot;
  const dev = (m: MediumState, p: PartitionState): string => `/dev/${m.device}${p.slice}`;
  const find = (m: MediumState, pred: (p: PartitionState) => boolean): PartitionState | undefined => m.partitions?.find(pred);
  const out: FileSystemInfo[] = [];
  const rootP = find(boot, (p) => p.role === 'root' && (!j || p.slice === re.activeSlice));
  if (rootP) out.push(fs(dev(boot, rootP), rootP, '/'));
  out.push(pseudo('devfs', 1, '/dev'));
  const configP = find(boot, (p) => p.role === 'config');
  if (configP) out.push(fs(dev(boot, configP), configP, '/config'));
  out.push(pseudo('procfs', 4, '/proc'));
  for (const m of model.presentMedia(re)) {
    const varP = find(m, (p) => p.role === 'var');
    // /var lives on the hard disk (M/MX/T) or the boot medium (J Series).
    if (varP && (j ? m === boot : m.kind === 'hard-disk')) out.push(fs(dev(m, varP), varP, '/var'));
  }
  const dataP = j ? find(boot, (p) => p.role === 'data') : undefined;
  if (dataP) out.push(fs(dev(boot, dataP), dataP, '/data'));
  if (re.mountedAlternates.includes('/altroot')) {
    const alt = j ? boot : model.alternateMedium(re);
    const p = find(alt, (q) => q.role === 'root' && (j ? q.slice !== re.activeSlice : true));
    if (p && !alt.corrupt) out.push(fs(dev(alt, p), p, '/altroot'));
  }
  if (re.mountedAlternates.includes('/altconfig') && !j) {
    const alt = model.alternateMedium(re);
    const p = find(alt, (q) => q.role === 'config');
    if (p && !alt.corrupt) out.push(fs(dev(alt, p), p, '/altconfig'));
  }
  return out;
}
