/** Puts a package file into a device's file tree for RPC-level tests (the client-level tests copy it over SCP). */
import { expect } from 'chai';
import { dirname } from 'node:path';
import type { EmulatedDevice } from '../../src/device/device.js';
import { makePackage, type MakePackageOptions } from '../../src/packages/index.js';
import { runPython, type ClientStack } from '../support/python.js';
import { TEST_USER, type TestEmulator } from '../support/emulator.js';
import { waitFor } from '../support/wait.js';

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

/**
 * Where PyEZ's SCP connects: 2.1.7 uses the NETCONF port only for a host
 * called `localhost` (port 22 otherwise), 2.8.0 the other way round (22 for
 * `localhost` or port 830). A real box serves SSH on 22 beside NETCONF on
 * 830; here one port serves both, so each stack gets the name that keeps it.
 */
export const hostFor = (stack: ClientStack): string => (stack.name === 'debian' ? 'localhost' : '127.0.0.1');

/** Releases `show system snapshot` lists per role, e.g. { primary: '9.3R4.4', backup: '9.2R3.5' }. */
export function sliceVersions(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /<snapshot-medium>[^<]*\((primary|backup)\)\s*<\/snapshot-medium>[\s\S]*?<package-version>([^<]+)<\/package-version>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out[m[1]!] = m[2]!;
  return out;
}

/** One step's result as test/interop/py/pyez_upgrade.py reports it. */
export type Step = Record<string, unknown> & { ok?: boolean; msg?: string | null; log?: string[]; error?: { class: string; message: string } };

/** Waits for the device to be back up on `release` after a reboot. */
export async function rebooted(dev: EmulatedDevice, release: string): Promise<void> {
  await waitFor(() => dev.running && dev.model.settings.softwareVersion === release, `the device back up on ${release}`, { intervalMs: 25 }).catch(() => undefined);
  expect(dev.model.settings.softwareVersion).to.equal(release);
}

/** Runs pyez_upgrade.py's steps against device `name` of `t`, as `stack`'s PyEZ (one interpreter per suite). */
export async function runUpgradeSteps(t: TestEmulator, stack: ClientStack, name: string, steps: unknown[]): Promise<Step[]> {
  const port = t.emulator.device(name)!.ports()[0]!.port;
  return (await runPython<{ results: Step[] }>('pyez_upgrade.py', { host: hostFor(stack), port, user: TEST_USER.name, password: TEST_USER.password, steps }, 180_000, stack)).results;
}
