/**
 * The test-harness part of the config file: `control`, `faults` and
 * `transcript-dir`, with their command-line overrides.
 *
 *   control: { port: 9000, token: s3cret, host: 127.0.0.1 }
 *   transcript-dir: ./transcripts
 *   faults:
 *     - { device: r1, rpc: get-config, nth: 1, action: drop, at: mid-reply }
 */
import { resolve } from 'node:path';
import { FaultSpecError, parseFault } from '../faults/parse.js';
import { DEFAULT_CONTROL_HOST } from './defaults.js';
import { ConfigError, type ControlSpec } from './types.js';

type Obj = Record<string, unknown>;

export const HARNESS_KEYS = ['control', 'faults', 'transcript-dir', 'fleet'] as const;

export interface HarnessFlags {
  controlHost?: string;
  controlPort?: number;
  controlToken?: string;
  transcriptDir?: string;
}

export interface Harness {
  control?: ControlSpec;
  faults?: unknown[];
  transcriptDir?: string;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseControl(v: unknown, flags: HarnessFlags): ControlSpec | undefined {
  if (v !== undefined && !isObj(v)) throw new ConfigError('control: expected a mapping with port, token and host');
  const c: Obj = v ?? {};
  for (const k of Object.keys(c)) if (k !== 'port' && k !== 'token' && k !== 'host') throw new ConfigError(`control.${k}: unknown key`);
  const port = flags.controlPort ?? c['port'];
  if (port === undefined) {
    if (flags.controlToken !== undefined || c['token'] !== undefined) throw new ConfigError('control: a token needs a port (--control-port)');
    if (flags.controlHost !== undefined || c['host'] !== undefined) throw new ConfigError('control: a host needs a port (--control-port)');
    return undefined;
  }
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${flags.controlPort !== undefined ? '--control-port' : 'control.port'}: expected an integer from 0 to 65535`);
  }
  const token = flags.controlToken ?? c['token'];
  if (token !== undefined && (typeof token !== 'string' || token === '')) throw new ConfigError('control.token: expected a non-empty string');
  // Loopback unless asked: the API hands out passwords, whatever address the devices listen on.
  const host = flags.controlHost ?? c['host'] ?? DEFAULT_CONTROL_HOST;
  if (typeof host !== 'string' || host.trim() === '') throw new ConfigError(`${flags.controlHost !== undefined ? '--control-host' : 'control.host'}: expected an address`);
  return token === undefined ? { host, port } : { host, port, token: token as string };
}

export function parseHarness(raw: Obj, flags: HarnessFlags, baseDir: string, deviceNames: readonly string[]): Harness {
  const out: Harness = {};
  const control = parseControl(raw['control'], flags);
  if (control) out.control = control;
  const faults = raw['faults'];
  if (faults !== undefined) {
    if (!Array.isArray(faults)) throw new ConfigError('faults: expected a list');
    const names = new Set(deviceNames);
    const ids = new Set<string>();
    faults.forEach((f, i) => {
      let spec;
      try {
        spec = parseFault(f, `faults[${i}]`, `f${i + 1}`, i + 1);
      } catch (err) {
        if (err instanceof FaultSpecError) throw new ConfigError(err.message);
        throw err;
      }
      if (ids.has(spec.id)) throw new ConfigError(`faults[${i}].id: '${spec.id}' is used twice`);
      ids.add(spec.id);
      for (const d of spec.scope.devices ?? []) if (!names.has(d)) throw new ConfigError(`faults[${i}].device: no device named '${d}'`);
    });
    out.faults = faults;
  }
  const dir = flags.transcriptDir ?? raw['transcript-dir'];
  if (dir !== undefined) {
    if (typeof dir !== 'string' || dir === '') throw new ConfigError('transcript-dir: expected a folder');
    out.transcriptDir = flags.transcriptDir !== undefined ? resolve(dir) : resolve(baseDir, dir);
  }
  return out;
}
