/**
 * Snapshot plan for MX80/MX104 (FreeBSD-6 Junos on PowerPC): newfs on each
 * file system of the second internal medium, then quoted /dev copies, as the
 * MX80 15.1R7.8 capture prints them.
 */
import type { SnapshotOptions } from '../grammar/request-snapshot.js';
import type { DeviceModel } from './model.js';
import { FORMAT_MS, LABEL_MS, PARTITIONING_MS, copyMs, failed } from './plan.js';
import type { PlannedStep, TargetPlan } from './plan.js';
import type { PartitionState, RoutingEngineState } from './state.js';
import { copyFiles } from './file-table.js';

const VERIFY_MS = 2_000;

export function planNewfsTarget(model: DeviceModel, re: RoutingEngineState, opts: SnapshotOptions): TargetPlan {
  const boot = model.bootMedium(re);
  const alt = model.alternateMedium(re);
  const partition = opts.partition;
  if (alt.corrupt && !partition) {
    return failed(re.name, re, [
      `Snapshot failed: the partition table on ${alt.device} (internal media) is corrupted.`,
      `Use 'request system snapshot partition' to repartition ${alt.device}.`,
    ]);
  }
  const only = opts.only;
  const roles: Array<PartitionState['role']> = only === 'root' ? ['root'] : only === 'config' ? ['config'] : ['root', 'config'];
  const mountOf = (role: PartitionState['role']): string => (role === 'root' ? '/' : '/config');
  const pairs = roles.flatMap((role) => {
    const from = boot.partitions?.find((p) => p.role === role);
    const to = alt.partitions?.find((p) => p.role === role);
    return from && to ? [{ role, from, to }] : [];
  });

  const steps: PlannedStep[] = [];
  if (partition) {
    steps.push({ out: { kind: 'inform', message: 'Clearing current label...' }, ms: LABEL_MS });
    steps.push({ out: { kind: 'inform', message: `Partitioning internal media (${alt.device}) ...` }, ms: PARTITIONING_MS });
  }
  steps.push({ out: { kind: 'inform', message: 'Verifying compatibility of destination media partitions...' }, ms: VERIFY_MS });
  for (const p of pairs) {
    steps.push({
      out: { kind: 'inform', message: `Running newfs (${p.to.sizeMb}MB) on internal media  ${mountOf(p.role)} partition (${alt.device}${p.to.slice})...` },
      ms: FORMAT_MS,
    });
  }
  for (const p of pairs) {
    steps.push({
      out: { kind: 'copy', source: `/dev/${boot.device}${p.from.slice}`, destination: `/dev/${alt.device}${p.to.slice}`, style: 'quoted' },
      ms: copyMs(p.from.usedMb, model.copyRate(alt)),
    });
  }
  steps.push({ out: { kind: 'archived', directories: pairs.map((p) => mountOf(p.role)) }, ms: 0 });

  const content = (now: number) => ({ version: re.running.version, config: re.running.config, created: now, factory: false });
  const commit = (now: number): void => {
    if (partition) alt.corrupt = false;
    for (const p of pairs) {
      p.to.content = content(now);
      p.to.usedMb = p.from.usedMb;
      copyFiles(p.from, p.to);
    }
  };
  const interrupt = (copyIndex: number, progress: number, now: number): void => {
    if (partition) alt.corrupt = false;
    // newfs already ran on every destination: what they held is gone.
    pairs.forEach((p, i) => {
      if (i < copyIndex) {
        p.to.content = content(now);
        p.to.usedMb = p.from.usedMb;
        copyFiles(p.from, p.to);
      } else {
        delete p.to.files;
        p.to.content = null;
        p.to.usedMb = i === copyIndex ? Math.floor(p.from.usedMb * progress) : 0;
      }
    });
  };
  return { reName: re.name, re, steps, errors: [], commit, medium: alt, interrupt };
}
