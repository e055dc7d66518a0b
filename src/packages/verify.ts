/**
 * Reads a package file back and says whether it is one, what it installs,
 * and if not, what is wrong: nothing there, not gzip, cut short, damaged
 * bytes, a gzip'd tar that is no package, or an image that does not match
 * its manifest's hash. Never throws on bad input.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { HardwareLine } from '../engine/releases/index.js';
import { MANIFEST_NAME, parseManifest, type PackageManifest } from './manifest.js';
import { readTar, TarFormatError } from './tar.js';

export type PackageProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-gzip' }
  | { readonly kind: 'truncated' }
  | { readonly kind: 'corrupt'; readonly detail: string }
  | { readonly kind: 'not-package'; readonly detail: string }
  | { readonly kind: 'payload-mismatch'; readonly manifest: PackageManifest };

export type PackageCheck = { readonly ok: true; readonly manifest: PackageManifest } | { readonly ok: false; readonly problem: PackageProblem };

const fail = (problem: PackageProblem): PackageCheck => ({ ok: false, problem });

function gunzip(bytes: Uint8Array): Buffer | PackageProblem {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return { kind: 'not-gzip' };
  try {
    return gunzipSync(bytes);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'Z_BUF_ERROR') return { kind: 'truncated' };
    return { kind: 'corrupt', detail: err instanceof Error ? err.message : String(err) };
  }
}

export function readPackage(bytes: Uint8Array): PackageCheck {
  if (bytes.length === 0) return fail({ kind: 'empty' });
  const tar = gunzip(bytes);
  if (!Buffer.isBuffer(tar)) return fail(tar);
  let entries;
  try {
    entries = readTar(tar);
  } catch (err) {
    if (!(err instanceof TarFormatError)) throw err;
    return fail(err.truncated ? { kind: 'truncated' } : { kind: 'corrupt', detail: err.message });
  }
  const m = entries.find((e) => e.name === MANIFEST_NAME);
  if (!m) return fail({ kind: 'not-package', detail: `no ${MANIFEST_NAME}` });
  const manifest = parseManifest(Buffer.from(m.data).toString('utf8'));
  if (typeof manifest === 'string') return fail({ kind: 'not-package', detail: manifest });
  const payload = entries.find((e) => e.name === manifest.payload);
  if (!payload || createHash('sha256').update(payload.data).digest('hex') !== manifest.payloadSha256) return fail({ kind: 'payload-mismatch', manifest });
  return { ok: true, manifest };
}

export function installsOn(manifest: PackageManifest, line: HardwareLine): boolean {
  return manifest.platforms.includes(line);
}
