import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmulatorConfig } from './config/types.js';
import { EmulatedDevice } from './device/device.js';
import { createDeviceState } from './device/device-state.js';
import { VirtualClock } from './engine/index.js';
import { createLogger, type Logger } from './log/logger.js';
import { LoginClasses } from './session/login-class.js';
import { loadHostKeys } from './transport/host-keys.js';
import { defaultRegistry } from '../rpc/index.js';

/** The package's own keys/ folder (this file is dist/src/emulator.js). */
export function defaultKeysDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'keys');
}

export interface RunningEmulator {
  readonly config: EmulatorConfig;
  readonly clock: VirtualClock;
  readonly devices: readonly EmulatedDevice[];
  readonly log: Logger;
  device(name: string): EmulatedDevice | undefined;
  /** Lines that say where each device listens and how to log in. */
  banner(): string[];
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
}

/** Starts every configured device in this process and returns when all listen. */
export async function startEmulator(config: EmulatorConfig, opts: StartOptions = {}): Promise<RunningEmulator> {
  const log = opts.logger ?? createLogger(config.logLevel);
  const clock = new VirtualClock({ speed: config.speed });
  const hostKeys = loadHostKeys({ dir: config.keysDir, files: config.hostKeyFiles });
  const registry = defaultRegistry();
  const classes = new LoginClasses(config.classes);
  const devices: EmulatedDevice[] = [];
  for (const spec of config.devices) {
    const state = await createDeviceState(spec, clock, config.stateDir ? join(config.stateDir, spec.name) : undefined);
    devices.push(
      new EmulatedDevice({
        spec,
        host: config.host,
        hostKeys,
        model: state.model,
        clock,
        registry,
        classes,
        extraCapabilities: state.capabilities,
        release: state.release,
        persist: state.persist,
        configuration: state.configuration,
        system: state.system,
        hooks: {
          onInternalError: (err) => log.warn({ device: spec.name, err: err instanceof Error ? err.message : String(err) }, 'session error'),
          onEnd: (s, reason) => log.debug({ device: spec.name, session: s.id, reason }, 'session end'),
        },
        onEvent: (device, event, detail) => log.debug({ device, event, ...detail }, 'ssh'),
      }),
    );
  }
  try {
    await Promise.all(devices.map((d) => d.start()));
  } catch (err) {
    await Promise.all(devices.map((d) => d.stop()));
    throw err;
  }
  return {
    config,
    clock,
    devices,
    log,
    device: (name) => devices.find((d) => d.name === name),
    banner: () =>
      devices.flatMap((d) => {
        const u = d.spec.users[0];
        const login = u ? `${u.name}${u.password !== undefined ? `/${u.password}` : ' (key)'} (class ${u.class})` : 'none';
        return d.ports().map(({ re, port }) => `device ${d.name} (${re}): ${config.host} port ${port}, profile ${d.profile}, login ${login}`);
      }),
    stop: async () => {
      await Promise.all(devices.map((d) => d.stop()));
      clock.shutdown();
    },
  };
}
