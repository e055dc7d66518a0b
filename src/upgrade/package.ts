/**
 * Junos install packages as named on Juniper's download site:
 * `jinstall64-18.4R3.3-domestic-signed.tgz`, `junos-install-mx-x86-64-20.4R3.8.tgz`,
 * `junos-srxsme-12.3X48-D105.4-domestic.tgz`. The release comes from the name.
 */
const RELEASE = /(?:^|[-_])(\d{1,2}\.\d[A-Z]\d+(?:-?[A-Z]\d+)*(?:\.\d+)?)(?=[-_.])/;
const SUFFIX = /\.(tgz|tar\.gz|img)$/;

export function packageRelease(packageName: string): string | undefined {
  const base = packageName.slice(packageName.lastIndexOf('/') + 1);
  if (!SUFFIX.test(base)) return undefined;
  return RELEASE.exec(base)?.[1];
}

/** The release number as a sortable tuple (`18.4R3.3` -> [18, 4]). */
export function majorMinor(release: string): [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(release);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}
