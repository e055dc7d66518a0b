/**
 * Device names become folder names (state-dir, transcript-dir) and URL path
 * segments (control API), so they are checked once where they enter (YAML,
 * flags, library options) and every path is built with `pathSegment`.
 */
import { ConfigError } from './types.js';

export const MAX_DEVICE_NAME = 128;

/** A letter or digit first, then letters, digits, `.`, `_`, `-`: never `..`, `/`, NUL or a newline. */
const DEVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Why `name` cannot name a device, or undefined when it can. */
export function deviceNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') return 'expected a non-empty name';
  if (name.length > MAX_DEVICE_NAME) return `expected at most ${MAX_DEVICE_NAME} characters`;
  if (!DEVICE_NAME.test(name)) {
    return `'${JSON.stringify(name).slice(1, -1)}' is not a device name: use letters, digits, '.', '_' and '-', starting with a letter or digit`;
  }
  return undefined;
}

export function checkDeviceName(name: unknown, where: string): string {
  const problem = deviceNameProblem(name);
  if (problem !== undefined) throw new ConfigError(`${where}: ${problem}`);
  return name as string;
}

/**
 * `name` as one path segment. Names are checked at load; this refuses again
 * so that no later caller can build a path that leaves its folder.
 */
export function pathSegment(name: string): string {
  if (deviceNameProblem(name) !== undefined) throw new Error(`not a safe path segment: ${JSON.stringify(name)}`);
  return name;
}
