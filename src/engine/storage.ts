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
import { tableBytes } from './file-table.js';

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

/** A mounted file system of an RE: a partition, or a pseudo file system (devfs, procfs) that holds no files. */
export interface Mount {
  /** Device name as `df` prints it (`/dev/ad0s1a`, `devfs`). */
  readonly name: string;
  readonly mountedOn: string;
  readonly partition?: PartitionState;
  /** Size of a pseudo file system, KB (all of it in use). */
  readonly pseudoKb?: number;
  /** A nullfs view of another mount (the jails' /var): shown by df, never where a path's file lives. */
  readonly alias?: true;
}

/** Space a file system gives ordinary users, in KB: its size less the UFS reserve. */
export function usableKb(p: PartitionState): number {
  return Math.floor(p.sizeMb * 1024 * (1 - MINFREE));
}

/** KB in use: the software (`usedMb`) and the modelled files. */
export function usedKb(p: PartitionState): number {
  return p.usedMb * 1024 + Math.ceil(tableBytes(p.files) / 1024);
}

function info(m: Mount): FileSystemInfo {
  const p = m.partition;
  if (!p) return { name: m.name, sizeKb: m.pseudoKb ?? 0, usedKb: m.pseudoKb ?? 0, availKb: 0, mountedOn: m.mountedOn };
  const used = usedKb(p);
  return { name: m.name, sizeKb: p.sizeMb * 1024, usedKb: used, availKb: Math.max(0, usableKb(p) - used), mountedOn: m.mountedOn };
}

export function fileSystems(model: DeviceModel, re: RoutingEngineState): FileSystemInfo[] {
  return mountTable(model, re).map(info);
}

/**
 * What an RE has mounted, in `df` order: the root and configuration file
 * systems of its boot medium, /var, J Series /data, and the alternates
 * while mounted.
 */
export function mountTable(model: DeviceModel, re: RoutingEngineState): Mount[] {
  const boot = model.bootMedium(re);
  const j = model.dualRoot;
  const dev = (m: MediumState, p: PartitionState): string => `/dev/${m.device}${p.slice}`;
  const find = (m: MediumState, pred: (p: PartitionState) => boolean): PartitionState | undefined => m.partitions?.find(pred);
  const out: Mount[] = [];
  const part = (m: MediumState, p: PartitionState, mountedOn: string): Mount => ({ name: dev(m, p), mountedOn, partition: p });
  const rootP = find(boot, (p) => p.role === 'root' && (!j || p.slice === re.activeSlice));
  if (rootP) out.push(part(boot, rootP, '/'));
  out.push({ name: 'devfs', mountedOn: '/dev', pseudoKb: 1 });
  if (model.release.snapshot === 'newfs-media') out.push(...ppcMemoryMounts(model, re));
  const configP = find(boot, (p) => p.role === 'config');
  if (configP) out.push(part(boot, configP, '/config'));
  out.push({ name: 'procfs', mountedOn: '/proc', pseudoKb: 4 });
  for (const m of model.presentMedia(re)) {
    const varP = find(m, (p) => p.role === 'var');
    // /var lives on the hard disk (M/MX/T) or the boot medium (J Series).
    if (varP && (j ? m === boot : m.kind === 'hard-disk')) out.push(part(m, varP, '/var'));
  }
  const dataP = j ? find(boot, (p) => p.role === 'data') : undefined;
  if (dataP) out.push(part(boot, dataP, '/data'));
  if (model.release.snapshot === 'newfs-media' && varP(out)) out.push(...ppcJailMounts(model, varP(out)!));
  if (re.mountedAlternates.includes('/altroot')) {
    const alt = j ? boot : model.alternateMedium(re);
    const p = find(alt, (q) => q.role === 'root' && (j ? q.slice !== re.activeSlice : true));
    if (p && !alt.corrupt) out.push(part(alt, p, '/altroot'));
  }
  if (re.mountedAlternates.includes('/altconfig') && !j) {
    const alt = model.alternateMedium(re);
    const p = find(alt, (q) => q.role === 'config');
    if (p && !alt.corrupt) out.push(part(alt, p, '/altconfig'));
  }
  return out;
}

function varP(out: readonly Mount[]): PartitionState | undefined {
  return out.find((m) => m.mountedOn === '/var')?.partition;
}

/**
 * MX80/MX104 on FreeBSD-6 Junos mount each package from a memory disk under
 * /packages/mnt, and /tmp and /mfs as memory file systems (the MX80 15.1R7.8
 * `df -h` of code index 30239519891: names, sizes and order from there).
 */
const PPC_PACKAGES: ReadonlyArray<readonly [string, number]> = [
  ['jbase', 63 * 1024],
  ['jkernel-ppc-V', 260 * 1024],
  ['jpfe-MODEL-V', 167 * 1024],
  ['jdocs-V', 12 * 1024],
  ['jroute-ppc-V', 115 * 1024],
  ['jcrypto-ppc-V', 29 * 1024],
  ['jmacsec-V', 270],
  ['jweb-ppc-V', 26 * 1024],
];

const MEMORY_DISK_MB = 2867;

function ppcPackage(model: DeviceModel, name: string): string {
  return name.replace('V', model.settings.softwareVersion).replace('MODEL', model.spec.model.toUpperCase());
}

/** The memory disks of an RE (`/tmp` md8, `/mfs` md9), made empty on first use. */
export function memoryDisks(re: RoutingEngineState): PartitionState[] {
  re.memoryDisks ??= [
    { slice: 'md8', role: 'data', sizeMb: MEMORY_DISK_MB, usedMb: 0, argument: null, content: null },
    { slice: 'md9', role: 'data', sizeMb: MEMORY_DISK_MB, usedMb: 2, argument: null, content: null },
  ];
  return re.memoryDisks;
}

function ppcMemoryMounts(model: DeviceModel, re: RoutingEngineState): Mount[] {
  const pkgs = PPC_PACKAGES.map(([name, kb], i): Mount => ({ name: `/dev/md${i}`, mountedOn: `/packages/mnt/${ppcPackage(model, name)}`, pseudoKb: kb }));
  const [tmp, mfs] = memoryDisks(re);
  return [...pkgs, { name: '/dev/md8', mountedOn: '/tmp', partition: tmp! }, { name: '/dev/md9', mountedOn: '/mfs', partition: mfs! }];
}

/** The jails' views of /var (nullfs: the same file system, so the same sizes). */
function ppcJailMounts(model: DeviceModel, v: PartitionState): Mount[] {
  const route = ppcPackage(model, 'jroute-ppc-V');
  const web = ppcPackage(model, 'jweb-ppc-V');
  return [
    { name: '/var/jails/rest-api', mountedOn: `/packages/mnt/${route}/web-api/var`, partition: v, alias: true },
    { name: '/var/jail', mountedOn: `/packages/mnt/${web}/jail/var`, partition: v, alias: true },
    { name: '/var/log', mountedOn: `/packages/mnt/${web}/jail/var/log`, partition: v, alias: true },
    { name: 'devfs', mountedOn: `/packages/mnt/${web}/jail/dev`, pseudoKb: 1 },
  ];
}
