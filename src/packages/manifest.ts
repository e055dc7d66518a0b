/**
 * `+MANIFEST`, the first member of an emulator package: what the package
 * installs and where. Plain `key: value` lines so that
 * `tar xzOf PACKAGE +MANIFEST` is readable by a person (docs/packages.md).
 */
import type { HardwareLine } from '../engine/releases/index.js';
import { RELEASE_TABLES } from '../engine/releases/index.js';

export const MANIFEST_NAME = '+MANIFEST';
export const PACKAGE_FORMAT = 'junos-emulator-package 1';

export interface PackageManifest {
  /** The package's base name without release and suffix: `junos-install-mx-x86-64`. */
  readonly package: string;
  /** The release a device runs after installing it and rebooting. */
  readonly release: string;
  /** Hardware lines the package installs on. */
  readonly platforms: readonly HardwareLine[];
  /** Member holding the software image, and its SHA-256 (hex). */
  readonly payload: string;
  readonly payloadSha256: string;
  /** Key name the install prints in its `Verified ... signed by` line. */
  readonly signedBy: string;
}

export const HARDWARE_LINES = Object.keys(RELEASE_TABLES) as HardwareLine[];

export function isHardwareLine(s: string): s is HardwareLine {
  return (HARDWARE_LINES as string[]).includes(s);
}

export function formatManifest(m: PackageManifest): string {
  return [
    `format: ${PACKAGE_FORMAT}`,
    `package: ${m.package}`,
    `release: ${m.release}`,
    `platforms: ${m.platforms.join(' ')}`,
    `payload: ${m.payload}`,
    `payload-sha256: ${m.payloadSha256}`,
    `signed-by: ${m.signedBy}`,
    '',
  ].join('\n');
}

/** The manifest, or a sentence saying what is wrong with it. */
export function parseManifest(text: string): PackageManifest | string {
  const kv = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const i = line.indexOf(': ');
    if (i < 0) return `malformed line: ${line}`;
    kv.set(line.slice(0, i), line.slice(i + 2).trim());
  }
  if (kv.get('format') !== PACKAGE_FORMAT) return `unknown format: ${kv.get('format') ?? '(none)'}`;
  for (const k of ['package', 'release', 'platforms', 'payload', 'payload-sha256', 'signed-by']) if (!kv.get(k)) return `missing ${k}`;
  const platforms = kv.get('platforms')!.split(/\s+/);
  const bad = platforms.find((p) => !isHardwareLine(p));
  if (bad !== undefined) return `unknown platform: ${bad}`;
  if (!/^[0-9a-f]{64}$/.test(kv.get('payload-sha256')!)) return 'malformed payload-sha256';
  return {
    package: kv.get('package')!,
    release: kv.get('release')!,
    platforms: platforms as HardwareLine[],
    payload: kv.get('payload')!,
    payloadSha256: kv.get('payload-sha256')!,
    signedBy: kv.get('signed-by')!,
  };
}
