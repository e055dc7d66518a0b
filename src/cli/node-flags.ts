/**
 * Node flags the emulator's server process runs with: `npm start`, the
 * `junos-emulator` bin's shebang and the benchmark's server children all use
 * them (a test checks the first two agree with this list).
 *
 * V8 grows its young generation to 16 MB per semi-space when many sessions
 * open at once; at 2 MB the emulator holds 1,000 sessions in a third less
 * memory, and the RPC rate does not change (docs/benchmarks.md).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
