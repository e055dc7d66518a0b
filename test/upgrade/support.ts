/** Puts a package file on a device for RPC-level tests (the client-level tests copy it over SCP). */
import type { EmulatedDevice } from '../../src/device/device.js';
import { makePackage, type MakePackageOptions } from '../../src/packages/index.js';
import { packageFileExists, placePackageFile } from '../../rpc/request-package-files.js';

export function placePackage(device: EmulatedDevice, o: MakePackageOptions & { dir?: string; bytes?: Uint8Array }): string {
  const made = makePackage(o);
  const path = `${o.dir ?? '/var/tmp'}/${made.fileName}`;
  placePackageFile(device, path, o.bytes ?? made.bytes);
  return path;
}

export function placeFile(device: EmulatedDevice, path: string, bytes: Uint8Array): void {
  placePackageFile(device, path, bytes);
}

export function fileExists(device: EmulatedDevice, path: string): boolean {
  return packageFileExists(device, path);
}
