/**
 * What `request system software validate|add` print and decide, given the
 * package file's bytes: the reader's verdict turned into Junos's lines, the
 * release that installs, and the text of a successful validate or add for
 * the software generation the device runs (docs/packages.md says which lines
 * come from captures and which are chosen). No I/O here: the caller reads
 * the file from the device's tree and applies the result.
 */
import { releaseRow, type HardwareLine } from '../engine/releases/index.js';
import type { PackageManifest } from './manifest.js';
import { installsOn, readPackage, type PackageProblem } from './verify.js';

export interface InstallTarget {
  readonly line: HardwareLine;
  /** Chassis model as `show version` prints it (`mx960`). */
  readonly model: string;
  /** The release running now: its installer prints the text. */
  readonly running: string;
}

export type PackageVerdict =
  | { readonly ok: true; readonly manifest: PackageManifest }
  /** `result` null: Junos prints no `<package-result>` (a missing file, as the MX80 capture shows). */
  | { readonly ok: false; readonly lines: readonly string[]; readonly result: number | null };

const notValid = (path: string): string => `ERROR: ${path} is not a valid package`;

function problemLines(path: string, p: PackageProblem): string[] {
  switch (p.kind) {
    case 'empty':
      return [`ERROR: package: ${path} is not found or empty`];
    case 'not-gzip':
      return ['gzip: stdin: not in gzip format', notValid(path)];
    case 'truncated':
      return ['gzip: stdin: unexpected end of file', notValid(path)];
    case 'corrupt':
      return ['gzip: stdin: invalid compressed data--crc error', notValid(path)];
    case 'not-package':
      return [notValid(path)];
    case 'payload-mismatch':
      return [`ERROR: ${p.manifest.payload}: fingerprint mismatch`, `ERROR: ${fullName(p.manifest)} failed verification`];
  }
}

export function fullName(m: PackageManifest): string {
  return `${m.package}-${m.release}`;
}

/** The verdict on a package file: `bytes` undefined when the path names no file. */
export function judgePackage(path: string, bytes: Uint8Array | undefined, target: InstallTarget): PackageVerdict {
  if (bytes === undefined || bytes.length === 0) return { ok: false, lines: problemLines(path, { kind: 'empty' }), result: null };
  const check = readPackage(bytes);
  if (!check.ok) return { ok: false, lines: problemLines(path, check.problem), result: 1 };
  const m = check.manifest;
  if (!installsOn(m, target.line)) {
    return { ok: false, lines: [verifiedLine(m, target), `ERROR: ${fullName(m)} is not supported on this platform (${target.model})`], result: 1 };
  }
  return { ok: true, manifest: m };
}

/** Upgraded-FreeBSD installers (15.1+ on MX) print the veriexec method; FreeBSD-6 ones do not. */
function modern(target: InstallTarget): boolean {
  return releaseRow(target.line, target.running).snapshot === 'junos-volume';
}

function verifiedLine(m: PackageManifest, target: InstallTarget): string {
  return `Verified ${fullName(m)} signed by ${m.signedBy}${modern(target) ? ' method ECDSA256+SHA256' : ''}`;
}

/** The configuration check both `validate` and `add` (unless no-validate) run. */
export function validationLines(path: string, m: PackageManifest, target: InstallTarget): string[] {
  return [
    'Checking compatibility with configuration',
    'Initializing...',
    `Using ${path}`,
    verifiedLine(m, target),
    `Using ${fullName(m)}`,
    'Validating against /config/juniper.conf.gz',
    'mgd: commit complete',
    'Validation succeeded',
  ];
}

export interface AddOptions {
  readonly validate: boolean;
  /** Keep no copy in /var/sw/pkg (`no-copy`). */
  readonly noCopy: boolean;
  readonly reboot: boolean;
}

/** Where an install keeps its copy of the package file (unless `no-copy`). */
export const SAVED_PACKAGE_DIR = '/var/sw/pkg';

export function savedPackagePath(path: string): string {
  return `${SAVED_PACKAGE_DIR}/${path.slice(path.lastIndexOf('/') + 1)}`;
}

/** The text of a successful `request system software add`. */
export function addLines(path: string, m: PackageManifest, target: InstallTarget, o: AddOptions): string[] {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lines: string[] = [];
  if (o.validate) {
    if (!modern(target)) lines.push(`NOTICE: Validating configuration against ${base}.`, "NOTICE: Use the 'no-validate' option to skip this if desired.");
    lines.push(...validationLines(path, m, target));
  }
  lines.push(`Installing package '${path}' ...`, verifiedLine(m, target), `Adding ${fullName(m)} ...`);
  if (!o.noCopy) lines.push(`Saving package file in ${savedPackagePath(path)} ...`);
  lines.push('Saving state for rollback ...');
  if (m.release === target.running) lines.push(`NOTICE: ${m.release} is already running; it is installed again at the next reboot`);
  if (modern(target)) lines.push("NOTICE: 'pending' set will be activated at next reboot...");
  if (o.reboot) lines.push('Rebooting ...');
  else if (!modern(target)) lines.push('WARNING: A reboot is required to install the software', "WARNING:     Use the 'request system reboot' command immediately");
  return lines;
}
