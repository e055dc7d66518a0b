/**
 * Snapshot plan for M/MX/T-class REs (mx960 and every RE of a routing matrix):
 * / to /altroot and /config to /altconfig, across the flash drive and hard disk.
 */
import type { SnapshotOptions } from '../grammar/request-snapshot.js';
import type { DeviceModel } from './model.js';
import { PARTITIONING_MS, PARTITION_CHECK_MS, copyMs, failed } from './plan.js';
import type { PlannedStep, TargetPlan } from './plan.js';
import type { CopyStyle } from './results.js';
import type { MediumState, PartitionState, RoutingEngineState } from './state.js';
import { copyFiles } from './file-table.js';

export const PARTITION_UNSUPPORTED =
  'The partition option is only supported for restoring the software image from the hard drive to the flash drive';

function describe(m: MediumState): string {
  return m.kind === 'flash' ? 'flash drive' : 'hard disk';
}

export function planMxTarget(model: DeviceModel, re: RoutingEngineState, opts: SnapshotOptions, style: CopyStyle): TargetPlan {
  const alt = model.alternateMedium(re);
  const partition = opts.partition;
  const bootedFromFlash = model.settings.bootMedia === 'flash';

  if (partition && bootedFromFlash) {
    return failed(re.name, re, [`${PARTITION_UNSUPPORTED}; ${re.name} booted from the flash drive.`]);
  }
  if (alt.corrupt && !partition) {
    const corrupt = `Snapshot failed: the partition table on ${alt.device} (${describe(alt)}) is corrupted.`;
    const advice = bootedFromFlash
      ? `${PARTITION_UNSUPPORTED}, so it cannot repair ${alt.device}.`
      : `Use 'request system snapshot partition' to repartition ${alt.device}.`;
    return failed(re.name, re, [corrupt, advice]);
  }

  const root = byRole(alt, 'root');
  const config = byRole(alt, 'config');
  const rootUsed = model.spec.rootUsedMb;
  const steps: PlannedStep[] = [];
  const umount = (mount: string): void => {
    // The M/MX snapshot script unmounts before newfs and lets umount complain;
    // the quoted-style script checks the mount table first and stays silent.
    if (style === 'plain' && !re.mountedAlternates.includes(mount)) {
      steps.push({ out: { kind: 'inform', sourceDaemon: 'umount', message: `${mount}: not currently mounted` }, ms: 0 });
    }
  };
  const copy = (source: string, destination: string, usedMb: number): void => {
    steps.push({ out: { kind: 'copy', source, destination, style }, ms: copyMs(usedMb, model.copyRate(alt)) });
  };

  // 13.1+: `root-partition` / `config-partition` archive that file system only.
  const only = opts.only;
  const withRoot = only !== 'config';
  const withConfig = only !== 'root';
  if (partition) {
    steps.push({ out: { kind: 'inform', message: 'Performing preliminary partition checks ...' }, ms: PARTITION_CHECK_MS });
    steps.push({ out: { kind: 'inform', message: `Partitioning ${alt.device} ...` }, ms: PARTITIONING_MS });
    umount('/altroot');
    // A freshly partitioned flash drive gets /config inside the root copy: one
    // copy step, both file systems archived (the spec's second sample).
    copy('/', '/altroot', rootUsed + (config?.usedMb ?? 0));
  } else {
    if (withRoot) {
      umount('/altroot');
      copy('/', '/altroot', rootUsed);
    }
    if (withConfig) {
      umount('/altconfig');
      copy('/config', '/altconfig', config?.usedMb ?? 0);
    }
  }
  steps.push({ out: { kind: 'archived', directories: partition ? ['/', '/config'] : [...(withRoot ? ['/'] : []), ...(withConfig ? ['/config'] : [])] }, ms: 0 });

  const commit = (now: number): void => {
    const content = { version: re.running.version, config: re.running.config, created: now, factory: false };
    if (partition) alt.corrupt = false;
    const boot = model.bootMedium(re);
    if (root && (withRoot || partition)) {
      root.content = { ...content };
      root.usedMb = rootUsed;
      copyFiles(byRole(boot, 'root'), root);
    }
    if (config && (withConfig || partition)) {
      config.content = { ...content };
      copyFiles(byRole(boot, 'config'), config);
    }
    // The script leaves the alternates unmounted when it is done.
    re.mountedAlternates = re.mountedAlternates.filter((m) => m !== '/altroot' && m !== '/altconfig');
  };
  const interrupt = (copyIndex: number, progress: number, now: number): void => {
    // newfs ran on the file system being copied to, so what it held is gone.
    if (partition) {
      alt.corrupt = false;
      if (root) delete root.files;
      if (config) delete config.files;
      if (root) {
        root.content = null;
        root.usedMb = Math.floor((rootUsed + (config?.usedMb ?? 0)) * progress);
      }
      if (config) config.content = null;
      return;
    }
    if (!withRoot) {
      if (config) config.content = null;
      return;
    }
    if (root) {
      root.content = copyIndex > 0 ? { version: re.running.version, config: re.running.config, created: now, factory: false } : null;
      root.usedMb = copyIndex > 0 ? rootUsed : Math.floor(rootUsed * progress);
    }
    if (config && withConfig && copyIndex >= 1) config.content = null;
  };
  return { reName: re.name, re, steps, errors: [], commit, medium: alt, interrupt };
}

function byRole(m: MediumState, role: PartitionState['role']): PartitionState | undefined {
  return m.partitions?.find((p) => p.role === role);
}
