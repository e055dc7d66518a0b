/**
 * A reboot as a client sees it: the reply goes out, every session drops, the
 * ports refuse connections for the boot time (virtual), then the device comes
 * back running the software installed for this boot.
 */
import { ClockShutdownError, type DeviceModel, type VirtualClock } from '../engine/index.js';
import type { SystemState } from '../system/state.js';

/** Virtual time from shutdown to the SSH port answering again. */
export const BOOT_MS = 4 * 60_000;

export interface Rebootable {
  readonly clock: VirtualClock;
  readonly model: DeviceModel;
  readonly system: SystemState;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Resolves once every change so far is on disk. */
  persist(): Promise<void>;
}

/** Applies pending software: the release booted now. */
export function bootSoftware(model: DeviceModel, system: SystemState, now: number): void {
  const p = system.pending;
  if (p) {
    system.rollbackVersion = model.settings.softwareVersion;
    model.updateSettings({ softwareVersion: p.version });
    system.pending = null;
  }
  system.bootedAt = now;
  // Memory file systems (/tmp, /mfs) come back empty.
  for (const re of model.routingEngines()) delete re.memoryDisks;
  model.changed();
  system.changed();
}

export async function rebootDevice(d: Rebootable, onError: (err: unknown) => void): Promise<void> {
  try {
    // Let the reply that asked for the reboot reach the client first: it waits for
    // the write of what its RPC changed (a package added), then goes out at once.
    await d.persist().catch(onError);
    await new Promise((resolve) => setImmediate(resolve));
    await d.stop();
    await d.clock.sleep(BOOT_MS);
    bootSoftware(d.model, d.system, d.clock.now());
    // The device answers again only once the software it booted is on disk.
    await d.persist().catch(onError);
    await d.start();
  } catch (err) {
    if (!(err instanceof ClockShutdownError)) onError(err);
  }
}
