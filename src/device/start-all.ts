import type { EmulatedDevice } from './device.js';

/** Devices started between two turns of the event loop. */
const BATCH = 256;

/**
 * Starts devices one after another, in their order: a fleet's free ports
 * then come out consecutive and in device order (port-picker.ts), and every
 * BATCH devices the event loop gets a turn, so devices already listening
 * answer while the rest start. On a failure the ones started are stopped.
 */
export async function startInOrder(devices: readonly EmulatedDevice[]): Promise<void> {
  let i = 0;
  try {
    for (; i < devices.length; i++) {
      await devices[i]!.start();
      if (i % BATCH === BATCH - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    await Promise.all(devices.slice(0, i).map((d) => d.stop()));
    throw err;
  }
}
