import { TEST_KEYS_DIR } from '../support/emulator.js';
import { runPython } from '../support/python.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/index.js';

export const USER = { name: 'lab', password: 'lab123' };

/** An emulator for fault tests: the shared test keys, control API on a free port. */
export function startFaultEmulator(o: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ keysDir: TEST_KEYS_DIR, users: [USER], controlPort: 0, ...o });
}

export interface NcOutcome {
  ok?: boolean;
  reply?: string;
  error?: string;
  module?: string;
  message?: string;
  elapsed: number;
}

export interface NcRun {
  session_id?: string;
  results: NcOutcome[];
  connect_error?: NcOutcome;
  connected_after?: boolean;
  control?: unknown;
}

export interface NcCall {
  xml: string;
  timeout?: number;
}

export function ncclient(
  emu: Emulator,
  device: string,
  calls: NcCall[],
  extra: { junos?: boolean; control?: { at: number; path: string; body?: unknown; method?: string } } = {},
): Promise<NcRun> {
  const d = emu.device(device);
  return runPython<NcRun>('ncclient_faults.py', {
    host: d.host,
    port: d.port,
    user: USER.name,
    password: USER.password,
    calls,
    junos: extra.junos ?? false,
    ...(extra.control ? { control: { url: emu.controlUrl, ...extra.control } } : {}),
  });
}

export const GET_CONFIG = '<get-config><source><running/></source></get-config>';
