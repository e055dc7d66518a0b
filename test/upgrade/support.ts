/** Puts a package file into a device's file tree for RPC-level tests (the client-level tests copy it over SCP). */
import { dirname } from 'node:path';
import type { EmulatedDevice } from '../../src/device/device.js';
import { makePackage, type MakePackageOptions } from '../../src/packages/index.js';

/** The RE a login lands on: the first (master) one. */
const firstRe = (device: EmulatedDevice): string => device.model.routingEngines()[0]!.name;

export async function placeFile(device: EmulatedDevice, path: string, bytes: Uint8Array, re = firstRe(device)): Promise<void> {
  device.files.mkdir(re, dirname(path), 'root', { parents: true });
  await device.files.write(re, path, Buffer.from(bytes), 'root');
}

export async function placePackage(device: EmulatedDevice, o: MakePackageOptions & { dir?: string; re?: string }): Promise<string> {
  const made = makePackage(o);
  const path = `${o.dir ?? '/var/tmp'}/${made.fileName}`;
  await placeFile(device, path, made.bytes, o.re);
  return path;
}

export function fileExists(device: EmulatedDevice, path: string, re = firstRe(device)): boolean {
  return device.files.stat(re, path) !== undefined;
}
