/**
 * The command's own terminal I/O: its exit code for usage errors, the start
 * line that says where host keys live, and stdout that may be closed under it.
 */
import type { EmulatorConfig } from '../options/types.js';

/**
 * Exit status of every usage error: an unknown flag, a bad flag value, a bad
 * configuration file. 2, as getopt-style tools and Python's argparse use;
 * 1 is left for failures at run time (a port in use, an unreadable key).
 */
export const USAGE_EXIT_CODE = 2;

/** `host keys: DIR`, so that whoever copies fingerprints knows where they come from. */
export function keysLine(config: Pick<EmulatorConfig, 'keysDir' | 'hostKeyFiles'>): string {
  return config.hostKeyFiles.length > 0 ? `host keys: ${config.hostKeyFiles.join(', ')}` : `host keys: ${config.keysDir}`;
}

/**
 * A reader that goes away (`junos-emulator | head -2`) closes the pipe; the
 * next write then fails with EPIPE, which as an unhandled 'error' event
 * would end the process and every session with it. The banner is a courtesy:
 * once nobody reads it, stop writing it and go on serving.
 */
export function guardStdout(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    throw err;
  });
}
