/**
 * The composition root: the one place where the core (src/) meets the RPC
 * handlers (rpc/). Everything that starts an emulator goes through here.
 */
import { defaultRegistry } from '../rpc/index.js';
import type { EmulatorConfig } from './options/types.js';
import { runEmulator, type RunningEmulator, type StartOptions } from './emulator.js';

export { defaultKeysDir, type RunningEmulator, type StartOptions } from './emulator.js';

/** Starts every configured device in this process and returns when all listen. */
export function startEmulator(config: EmulatorConfig, opts: StartOptions = {}): Promise<RunningEmulator> {
  return runEmulator(config, defaultRegistry(), opts);
}
