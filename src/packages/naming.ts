/**
 * Package names as Juniper's download site spells them for each hardware line
 * and software generation: `jinstall-12.3R12.4-domestic-signed.tgz` (M/MX/T on
 * FreeBSD 6), `junos-install-mx-x86-64-21.4R3.15.tgz` (MX with upgraded
 * FreeBSD), `jinstall-ppc-15.1R7.8-signed.tgz` (MX80/MX104),
 * `jinstall-ex-4300-15.1R6.7-signed.tgz`, `junos-srxsme-15.1X49-D170.4-domestic.tgz`,
 * `junos-jsr-9.3R4.4-domestic.tgz` (J Series).
 */
import { releaseRow, parseRelease, type HardwareLine } from '../engine/releases/index.js';

export interface PackageName {
  /** Base name without release and suffix (the manifest's `package`). */
  readonly package: string;
  readonly fileName: string;
}

/** EX series number of a model: `ex4300-48t` -> 4300. */
function exSeries(model: string | undefined): string {
  return /^ex(\d+)/i.exec(model ?? '')?.[1] ?? '4300';
}

export function packageName(line: HardwareLine, release: string, model?: string): PackageName {
  const n = (pkg: string, tail: string): PackageName => ({ package: pkg, fileName: `${pkg}-${release}${tail}` });
  switch (line) {
    case 'mx':
      return releaseRow('mx', release).snapshot === 'junos-volume' ? n('junos-install-mx-x86-64', '.tgz') : n('jinstall', '-domestic-signed.tgz');
    case 'mx-ppc':
      return n('jinstall-ppc', '-signed.tgz');
    case 'txmatrix':
    case 'txmatrix-plus':
      return n('jinstall', '-domestic-signed.tgz');
    case 'ex':
      return n(`jinstall-ex-${exSeries(model)}`, '-signed.tgz');
    case 'srx-branch':
      return n('junos-srxsme', '-domestic.tgz');
    case 'j-series':
      return n('junos-jsr', '-domestic.tgz');
  }
}

/**
 * The signing key an install names (`Verified ... signed by KEY`): the
 * captures show PackageProductionECP256_2021 on 21.4 and _2024 on 24.4, and
 * PackageDevelopment_13_2_0 on a 13.2 build; the rest follows those forms.
 */
export function signingKey(release: string): string {
  const r = parseRelease(release);
  if (r.major >= 18) return `PackageProductionECP256_${2000 + r.major}`;
  if (r.major >= 15) return 'PackageProductionEc_2015';
  return `PackageProduction_${r.major}_${r.minor}_0`;
}
