import { join } from 'node:path';
import { DEFAULT_SCHEMA_ID, preloadSchemas, schemaIdFor } from './junos-config/schema/catalog.js';
import { DEFAULT_CONTROL_HOST } from './options/defaults.js';
import { pathSegment } from './options/names.js';
import type { EmulatorConfig } from './options/types.js';
import { EmulatedDevice } from './device/device.js';
import { createDeviceState } from './device/device-state.js';
import { FreePortPicker } from './device/port-picker.js';
import { startInOrder } from './device/start-all.js';
import { VirtualClock } from './engine/index.js';
import { createLogger, type Logger } from './log/logger.js';
import { LoginClasses } from './session/login-class.js';
import { deriveEd25519, loadSeed, parsedKey, type HostKey } from './transport/device-keys.js';
import { loadHostKeys } from './transport/host-keys.js';
import type { RpcRegistry } from './dispatch/registry.js';
import { ControlPlane } from './control/control-plane.js';
import { ControlServer } from './control/http-server.js';
import { RequestLog } from './control/request-log.js';
import { copyHooks, listenerHooks, sessionInterceptor, snapshotHooks } from './faults/hooks.js';
import { FaultPlan } from './faults/plan.js';
import { Transcripts } from './log/transcript.js';
import type { InjectOptions, InjectResult } from './session/inject.js';
import { defaultSshWorkers } from './options/workers.js';
import { SshWorkerPool } from './workers/pool.js';

/** keys/ of a writable checkout, else the user's state directory (transport/device-keys.ts). */
export { defaultKeysDir } from './transport/device-keys.js';

export interface RunningEmulator {
  readonly config: EmulatorConfig;
  readonly clock: VirtualClock;
  readonly devices: readonly EmulatedDevice[];
  readonly log: Logger;
  /** Every message in and out, faults fired, session events. */
  readonly requestLog: RequestLog;
  readonly faults: FaultPlan;
  /** The run-time control operations (the control API calls these). */
  readonly control: ControlPlane;
  /** Base URL of the control API, when it is on. */
  readonly controlUrl: string | undefined;
  /** The SSH worker processes (src/workers). */
  readonly workers: SshWorkerPool;
  device(name: string): EmulatedDevice | undefined;
  /**
   * Runs NETCONF messages through a session of a device without SSH (as
   * fastify's inject): `await emu.inject('r1', '<get-software-information/>')`.
   */
  inject(device: string, messages: string | readonly string[], o?: InjectOptions & { user?: string }): Promise<InjectResult>;
  /** Lines that say where each device listens and how to log in. */
  banner(): string[];
  stop(): Promise<void>;
}

/**
 * Given key files serve every device. Otherwise each device has its own
 * ed25519 key derived from a stored seed (stable, cheap for fleets) and
 * shares the stored RSA key.
 */
function hostKeysFor(config: EmulatorConfig): (device: string) => HostKey[] | (() => HostKey[]) {
  if (config.hostKeyFiles.length > 0) {
    const given = loadHostKeys({ dir: config.keysDir, files: config.hostKeyFiles }).map((k) => ({ key: parsedKey(k) }));
    return () => given;
  }
  // No ed25519 key file: one that no device uses would only mislead whoever copies it to known_hosts.
  const rsa = loadHostKeys({ dir: config.keysDir, types: ['rsa'] }).map((k) => ({ key: parsedKey(k) }));
  const seed = loadSeed(config.keysDir);
  // Derived when the device's first client connects (the key is the same whenever it is made).
  return (device) => () => [{ key: parsedKey(deriveEd25519(seed, device)) }, ...rsa];
}

export interface StartOptions {
  logger?: Logger;
  /**
   * Keep every NETCONF message in the request log. Default: only when
   * something can read it (the control API or transcripts); the library API
   * turns it on. Each kept message outlives the RPC, which costs the garbage
   * collector a visible share of a busy session's CPU.
   */
  recordTraffic?: boolean;
}

/**
 * Starts every configured device in this process, answering RPCs with the
 * given handlers, and returns when all listen. The composition root
 * (compose.ts) supplies the handlers of rpc/; the core never imports them.
 */
export async function runEmulator(config: EmulatorConfig, registry: RpcRegistry, opts: StartOptions = {}): Promise<RunningEmulator> {
  const log = opts.logger ?? createLogger(config.logLevel);
  const clock = new VirtualClock({ speed: config.speed });
  const hostKeys = hostKeysFor(config);
  const classes = new LoginClasses(config.classes);
  const requestLog = new RequestLog({ virtualNow: () => clock.now() });
  const recordTraffic = opts.recordTraffic ?? (config.control !== undefined || config.transcriptDir !== undefined);
  const faults = new FaultPlan(clock);
  faults.onFire((f, e) => {
    requestLog.add({ device: e.device, session: e.session ?? null, user: e.user, direction: 'fault', rpc: e.rpc, fault: { id: f.id, action: f.action.type, detail: e.detail } });
    log.info({ device: e.device, session: e.session, fault: f.id, action: f.action.type, detail: e.detail }, 'fault fired');
  });
  if (config.faults && config.faults.length > 0) faults.arm(config.faults);
  const transcripts = config.transcriptDir ? new Transcripts(config.transcriptDir, requestLog) : undefined;
  const workers = new SshWorkerPool({
    workers: config.workers ?? defaultSshWorkers(),
    onEvent: (event, detail) => log.warn({ event, ...detail }, 'SSH worker exited; its connections closed, the next one starts again'),
  });
  const devices: EmulatedDevice[] = [];
  const freePorts = new FreePortPicker(new Set(config.devices.flatMap((d) => [d.port, d.backupRePort ?? 0]).filter((p) => p !== 0)));
  for (const spec of config.devices) {
    const state = await createDeviceState(spec, clock, config.stateDir ? join(config.stateDir, pathSegment(spec.name)) : undefined, {
      onBackgroundError: (err) => log.warn({ device: spec.name, err: err instanceof Error ? err.message : String(err) }, 'could not save the device state'),
      faultHooks: snapshotHooks(faults, spec.name),
    });
    devices.push(
      new EmulatedDevice({
        spec,
        host: config.host,
        hostKeys: hostKeys(spec.name),
        freePorts,
        model: state.model,
        clock,
        registry,
        classes,
        extraCapabilities: state.capabilities,
        release: state.release,
        persist: state.persist,
        changeCount: state.changeCount,
        configuration: state.configuration,
        system: state.system,
        files: state.files,
        copyFaults: copyHooks(faults, spec.name),
        hooks: {
          onInternalError: (err) => log.warn({ device: spec.name, err: err instanceof Error ? err.message : String(err) }, 'session error'),
          onEnd: (s, reason) => {
            requestLog.add({ device: spec.name, session: s.id, user: s.user, direction: 'event', event: `session end: ${reason}` });
            log.debug({ device: spec.name, session: s.id, reason }, 'session end');
          },
          onFlowControl: (s, paused, why) => {
            requestLog.add({ device: spec.name, session: s.id, user: s.user, direction: 'event', event: `input ${paused ? 'paused' : 'resumed'}: ${why}` });
          },
          onTraffic: recordTraffic ? (s, dir, xml, framing) => requestLog.message(spec.name, s.id, s.user, dir, xml, framing) : undefined,
        },
        cliHooks: {
          onText: recordTraffic ? (s, dir, text, rpc) => requestLog.cli(spec.name, s.id, s.user, dir === 'in' ? 'cli-in' : 'cli-out', text, rpc) : undefined,
          onEnd: (s, reason) => requestLog.add({ device: spec.name, session: s.id, user: s.user, direction: 'event', event: `session end: ${reason}` }),
        },
        sessionInterceptor: (s) => sessionInterceptor(faults, clock, spec.name, s),
        listenerHooks: listenerHooks(faults, spec.name),
        onEvent: (device, event, detail) => log.debug({ device, event, ...detail }, 'ssh'),
        workers,
      }),
    );
  }
  // The configuration schemas of the devices' release families are read from now on, in the
  // background: the start does not wait, and the first load that needs one waits for that read.
  // The MX 18.4 one too: the CLI's and <command>'s configuration paths read it (path.ts).
  preloadSchemas([...devices.map((d) => schemaIdFor(d.model.spec.line, d.model.settings.softwareVersion)), DEFAULT_SCHEMA_ID]);
  const control = new ControlPlane({ host: config.host, devices, clock, log: requestLog, faults });
  const controlServer = config.control ? new ControlServer(control, { host: config.control.host ?? DEFAULT_CONTROL_HOST, port: config.control.port, token: config.control.token }) : undefined;
  try {
    await startInOrder(devices);
    await controlServer?.start();
  } catch (err) {
    await Promise.all(devices.map((d) => d.stop()));
    await workers.close();
    clock.shutdown();
    throw err;
  }
  const byName = new Map(devices.map((d) => [d.name, d]));
  return {
    config,
    clock,
    devices,
    log,
    requestLog,
    faults,
    control,
    controlUrl: controlServer?.url,
    workers,
    device: (name) => byName.get(name),
    inject: (name, messages, o) => {
      const d = byName.get(name);
      return d ? d.inject(messages, o) : Promise.reject(new Error(`inject: no device ${name}`));
    },
    banner: () => [
      ...devices.flatMap((d) => {
        const u = d.spec.users[0];
        const login = u ? `${u.name}${u.password !== undefined ? `/${u.password}` : ' (key)'} (class ${u.class})` : 'none';
        return d.ports().map(({ re, port }) => `device ${d.name} (${re}): ${config.host} port ${port}, profile ${d.profile}, login ${login}`);
      }),
      ...(controlServer ? [`control API: ${controlServer.url}${config.control?.token !== undefined ? ' (bearer token required)' : ''}`] : []),
    ],
    stop: async () => {
      await controlServer?.stop();
      await Promise.all(devices.map((d) => d.stop()));
      await workers.close();
      clock.shutdown();
      // Changes no reply waited for (a confirmed commit rolling back) reach the disk before exit.
      await Promise.all(devices.map((d) => d.persist().catch((err: unknown) => log.warn({ device: d.name, err: err instanceof Error ? err.message : String(err) }, 'could not save the device state'))));
      await transcripts?.close();
    },
  };
}
