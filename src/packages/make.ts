/**
 * Makes an emulator package: a gzip'd ustar archive of `+MANIFEST`,
 * `+COMMENT` and a software image whose SHA-256 the manifest records. The
 * image is filler (pseudo-random, so gzip does not shrink it away), sized
 * as asked: big enough to fill /var/tmp in a storage test, small enough to
 * copy in a unit test. The same options give the same bytes.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { HardwareLine } from '../engine/releases/index.js';
import { parseRelease } from '../engine/releases/index.js';
import { formatManifest, MANIFEST_NAME, type PackageManifest } from './manifest.js';
import { packageName, signingKey } from './naming.js';
import { writeTar } from './tar.js';

export const DEFAULT_PAYLOAD_BYTES = 64 * 1024;
/** 2021-01-01T00:00:00Z: members carry a fixed time so that a package is reproducible. */
const DEFAULT_MTIME = 1_609_459_200;

export interface MakePackageOptions {
  readonly release: string;
  /** Hardware lines it installs on; the first also chooses the file name. */
  readonly platforms: readonly HardwareLine[];
  /** Chassis model for names that carry it (`jinstall-ex-4300-...`). */
  readonly model?: string;
  /** Size of the software image member in bytes (default 64 KiB). */
  readonly payloadBytes?: number;
  /** Override the package base name (`junos-install-mx-x86-64`). */
  readonly packageName?: string;
  readonly mtime?: number;
}

export interface MadePackage {
  readonly fileName: string;
  readonly manifest: PackageManifest;
  readonly bytes: Buffer;
}

function filler(seed: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let at = 0, i = 0; at < size; i++) {
    at += createHash('sha256').update(`${seed}:${i}`).digest().copy(out, at);
  }
  return out;
}

export function makePackage(o: MakePackageOptions): MadePackage {
  if (o.platforms.length === 0) throw new Error('a package needs at least one platform');
  if (parseRelease(o.release).major === 0) throw new Error(`not a Junos release: ${o.release}`);
  const size = o.payloadBytes ?? DEFAULT_PAYLOAD_BYTES;
  if (!Number.isInteger(size) || size < 0) throw new Error(`payload size ${size}: expected a whole number of bytes`);
  const named = packageName(o.platforms[0]!, o.release, o.model);
  const pkg = o.packageName ?? named.package;
  const fileName = o.packageName ? named.fileName.replace(named.package, pkg) : named.fileName;
  const payloadName = `${pkg}-${o.release}.img`;
  const payload = filler(`${pkg}-${o.release}`, size);
  const manifest: PackageManifest = {
    package: pkg,
    release: o.release,
    platforms: [...o.platforms],
    payload: payloadName,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
    signedBy: signingKey(o.release),
  };
  const mtime = o.mtime ?? DEFAULT_MTIME;
  const tar = writeTar([
    { name: MANIFEST_NAME, data: Buffer.from(formatManifest(manifest)), mtime },
    { name: '+COMMENT', data: Buffer.from(`JUNOS Software Release [${o.release}]\n`), mtime },
    { name: payloadName, data: payload, mtime },
  ]);
  return { fileName, manifest, bytes: gzipSync(tar, { level: 6 }) };
}
