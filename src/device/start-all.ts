import type { EmulatedDevice } from './device.js';

/** Devices started between two turns of the event loop. */
const BATCH = 256;

/**
 * Starts devices one after another, in their order (those on given ports
 * first): a fleet's free ports
 * then come out consecutive and in device order (port-picker.ts), and every
 * BATCH devices the event loop gets a turn, so devices already listening
 * answer while the rest start. On a failure the ones started are stopped.
 */
export async function startInOrder(devices: readonly EmulatedDevice[]): Promise<void> {
  // Devices on given ports first: a free port (the kernel's pick or the next one) cannot then take a port another device is configured with.
  const free = (d: EmulatedDevice): boolean => d.spec.port === 0 || d.spec.backupRePort === 0;
  const order = [...devices.filter((d) => !free(d)), ...devices.filter(free)];
  let i = 0;
  try {
    for (; i < order.length; i++) {
      await order[i]!.start();
      if (i % BATCH === BATCH - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    await Promise.all(order.slice(0, i).map((d) => d.stop()));
    throw err;
  }
}
