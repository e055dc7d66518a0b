import type { ServerChannel } from 'ssh2';
import { schemaProblems, schemaProblemsWork } from '../junos-config/schema-check.js';
import type { Schema } from '../junos-config/schema/model.js';
import type { ConfigNode } from '../junos-config/tree.js';
import type { ConfigurationProblem } from '../junos-config/effects.js';
import { schemaFor } from '../junos-config/schema/catalog.js';
import { hasGroups, inheritGroupsWork, inheritanceContext } from '../junos-config/groups.js';
import { runNow, type Work } from '../junos-config/slices.js';
import type { DeviceSpec, Limits } from '../options/types.js';
import { DeviceModel, type ProfileName, type VirtualClock } from '../engine/index.js';
import { DatastoreLocks } from '../session/locks.js';
import type { LoginClasses } from '../session/login-class.js';
import type { SessionInterceptor } from '../session/interceptor.js';
import { NetconfSession, type SessionOptions, type SessionTransport } from '../session/netconf-session.js';
import { inject, type InjectOptions, type InjectResult } from '../session/inject.js';
import { SessionRegistry } from '../session/registry.js';
import { hashRoundsProblem, type UserAccount } from '../transport/credentials.js';
import type { HostKey } from '../transport/device-keys.js';
import { SshListener, type AuthenticatedPeer, type SshListenerOptions } from '../transport/ssh-listener.js';
import type { RpcRegistry } from '../dispatch/registry.js';
import type { DeviceRuntime } from './runtime.js';
import type { FreePortPicker } from './port-picker.js';
import { DeviceEndpoints } from './endpoints.js';
import { DeviceLogins } from './logins.js';
import { applyConfiguration, interpret, validateConfiguration, type ConfigurationTarget } from '../junos-config/effects.js';
import { initialConfiguration } from '../junos-config/initial.js';
import { ConfigurationStore } from '../junos-config/store.js';
import { SystemState } from '../system/state.js';
import { DeviceFiles } from '../files/device-files.js';
import { MemoryBlobStore } from '../files/blob-store.js';
import { isScpCommand, openScp, openSftp, type CopyDevice } from '../files/copy-channels.js';
import type { CopyFaultHooks } from '../files/copy-access.js';
import { rebootDevice } from '../upgrade/reboot.js';
import type { CliHooks } from '../terminal/cli-session.js';
import { openCliChannel, type CliEntry } from '../terminal/open.js';
import type { TerminalSize } from '../transport/ssh-listener.js';

export interface DeviceDeps {
  spec: DeviceSpec;
  host: string;
  /** The device's host keys, or how to make them when the first client connects. */
  hostKeys: HostKey[] | (() => HostKey[]);
  model: DeviceModel;
  clock: VirtualClock;
  registry: RpcRegistry;
  classes: LoginClasses;
  /** YANG modules and other capabilities the hello adds to Junos's list. */
  extraCapabilities: readonly string[];
  /** Software release the device reports (xmlns:junos, show version). */
  release: () => string;
  /** Resolves once every change so far is durable (see DeviceRuntime.persist). */
  persist: () => Promise<void>;
  hooks?: Pick<SessionOptions, 'onTraffic' | 'onEnd' | 'onInternalError' | 'onFlowControl'>;
  /** Counts changes of persisted state; absent: nothing is persisted. */
  changeCount?: () => number;
  /** What CLI sessions (SSH shell and exec) report: lines in and out, their end. */
  cliHooks?: CliHooks;
  /** Where devices configured with port 0 look for a free port first (shared by a fleet). */
  freePorts?: FreePortPicker;
  /** Gives each new session its interceptor (fault injection). */
  sessionInterceptor?: (session: { id: number; user: string }) => SessionInterceptor | undefined;
  /** Listener hooks (fault injection: refused logins, subsystem, connections). */
  listenerHooks?: Pick<SshListenerOptions, 'refuseLogin' | 'refuseNetconf' | 'refuseConnection'>;
  onEvent?: (device: string, event: string, detail: Record<string, unknown>) => void;
  /** SSH worker processes shared by every device of the process. */
  workers?: SshListenerOptions['workers'];
  /** Configuration datastores; a fresh one from the spec when absent. */
  configuration?: ConfigurationStore;
  /** Pending software and RE reachability; fresh when absent. */
  system?: SystemState;
  /** The file tree; an in-memory one over the model when absent. */
  files?: DeviceFiles;
  /** The fault plan's hooks into SCP and SFTP copies. */
  copyFaults?: CopyFaultHooks;
}

/**
 * One emulated device: its SSH endpoints (the master RE's port and, if set,
 * the backup RE's), its sessions, locks and device model.
 */
export class EmulatedDevice implements DeviceRuntime {
  readonly name: string;
  readonly profile: ProfileName;
  readonly model: DeviceModel;
  readonly clock: VirtualClock;
  readonly sessions = new SessionRegistry();
  readonly locks = new DatastoreLocks();
  readonly spec: DeviceSpec;
  private readonly deps: DeviceDeps;
  /** Harness accounts, configured logins and retry-options (logins.ts). */
  private readonly logins: DeviceLogins;
  private readonly endpoints: DeviceEndpoints;
  private hostName: string;
  /** Host names of the other Routing Engine or node, per committed configuration (hostnameOn). */
  private readonly otherHostnames = new WeakMap<ConfigNode, Map<string, string>>();
  readonly configuration: ConfigurationStore;
  readonly system: SystemState;
  readonly files: DeviceFiles;
  private rebooting = false;
  /** The device as configured at start; commits change `spec` (netconf options), a reset goes back to this. */
  private readonly initialSpec: DeviceSpec;

  constructor(deps: DeviceDeps) {
    this.deps = deps;
    this.spec = deps.spec;
    this.initialSpec = structuredClone(deps.spec);
    this.name = deps.spec.name;
    this.profile = deps.spec.profile;
    this.model = deps.model;
    this.clock = deps.clock;
    this.hostName = deps.spec.hostname;
    this.endpoints = new DeviceEndpoints((re, port) => this.listener(re, port), deps.freePorts);
    this.logins = new DeviceLogins(deps.spec.users);
    this.configuration = deps.configuration ?? new ConfigurationStore(deps.clock, initialConfiguration(deps.spec, deps.model.settings.mirrorFlashOnDisk));
    this.system = deps.system ?? new SystemState(deps.clock.now());
    this.files =
      deps.files ?? new DeviceFiles(deps.model, new MemoryBlobStore(), () => ({ maxFileBytes: this.spec.limits.maxFileBytes }), () => deps.clock.now(), () => this.persist());
    const groups = inheritanceContext(deps.model);
    const own = (tree: ConfigNode): ConfigurationProblem[] =>
      validateConfiguration(tree, (c) => deps.classes.has(c), { hashProblem: (h) => hashRoundsProblem(h, this.spec.limits.maxPasswordHashRounds) }, groups);
    // What the release's YANG marks mandatory, and values its types refuse (docs/config-schema.md), checked with the groups applied.
    const schema = (): Schema => schemaFor(deps.model.spec.line, deps.model.settings.softwareVersion);
    const applied = function* (tree: ConfigNode): Work<ConfigNode> {
      return hasGroups(tree) ? (yield* inheritGroupsWork(tree, groups, schema().root)).tree : tree;
    };
    this.configuration.validate = (tree) => [...own(tree), ...schemaProblems(runNow(applied(tree)), schema())];
    this.configuration.validateWork = function* (tree) {
      return [...own(tree), ...(yield* schemaProblemsWork(yield* applied(tree), schema()))];
    };
    this.configuration.inheritance = groups;
    // Loads drop the other cases of a YANG choice a statement is set in (docs/config-schema.md).
    this.configuration.schemaRoot = () => schema().root;
    const target = this.configurationTarget();
    this.configuration.onCommit((tree) => applyConfiguration(tree, target, groups));
    applyConfiguration(this.configuration.committed(), target, groups);
  }

  /** How committed statements reach the device (src/junos-config/effects.ts). */
  private configurationTarget(): ConfigurationTarget {
    return {
      setHostname: (n) => this.setHostname(n),
      defaultHostname: () => this.deps.spec.hostname,
      setMirrorFlashOnDisk: (on) => {
        if (this.model.settings.mirrorFlashOnDisk !== on) this.model.updateSettings({ mirrorFlashOnDisk: on });
      },
      // The spec is read when a session opens, so this reaches new sessions only.
      setNetconfOptions: ({ rfcCompliant, version11 }) => {
        this.spec.rfcCompliant = rfcCompliant;
        this.spec.version11 = version11;
      },
      setLogins: (logins) => this.logins.setConfigured(logins),
      setRetryOptions: (o) => this.logins.setRetryOptions(o),
    };
  }

  /**
   * Back to a fresh device of its profile with its configured settings:
   * storage and software, configuration, pending upgrades, unreachable REs.
   * Sessions stay open.
   */
  resetState(): void {
    const initial = this.initialSpec;
    this.model.replaceState(DeviceModel.create(initial.profile, initial.settings, { now: this.clock.now() }));
    this.configuration.reset(initialConfiguration(initial, this.model.settings.mirrorFlashOnDisk));
    this.system.reset(this.clock.now());
  }

  reboot(): void {
    if (this.rebooting) return;
    this.rebooting = true;
    void rebootDevice(this, (err) => this.deps.hooks?.onInternalError?.(err)).finally(() => {
      this.rebooting = false;
    });
  }

  hostname(): string {
    return this.hostName;
  }

  /**
   * The host name the Routing Engine (or cluster node) `re` has: the device's,
   * unless the configuration's `re1`/`node1` group names another for the one
   * that is not re0 (dual-RE routers keep one configuration, a host name per RE).
   */
  hostnameOn(re: string): string {
    const other = re.endsWith('re1') ? { routingEngine: 're1' as const } : re === 'node1' ? { routingEngine: 're0' as const, node: 'node1' as const } : undefined;
    if (!other) return this.hostName;
    const tree = this.configuration.committed();
    let names = this.otherHostnames.get(tree);
    if (!names) this.otherHostnames.set(tree, (names = new Map()));
    let name = names.get(re);
    if (name === undefined) names.set(re, (name = interpret(tree, other).hostName ?? this.hostName));
    return name;
  }

  setHostname(name: string): void {
    this.hostName = name;
  }

  /** The release as the reply root's `xmlns:junos` writes it: it follows the running release (src/engine/releases). */
  release(): string {
    return this.model.rootNamespaceRelease();
  }

  persist(): Promise<void> {
    return this.deps.persist();
  }

  changeCount(): number {
    return this.deps.changeCount?.() ?? 0;
  }

  get limits(): Limits {
    return this.spec.limits;
  }

  /** Ports actually bound (a configured port of 0 picks a free one). */
  ports(): { re: string; port: number }[] {
    return this.endpoints.ports();
  }

  /** The ports of the last start, also while stopped. */
  lastPorts(): { re: string; port: number }[] {
    return this.endpoints.lastPorts();
  }

  get running(): boolean {
    return this.endpoints.running;
  }

  findUser(name: string): UserAccount | undefined {
    return this.logins.find(name);
  }

  async start(): Promise<void> {
    if (this.running) return;
    const endpoints: Array<{ re: string; port: number }> = [{ re: 're0', port: this.spec.port }];
    if (this.spec.backupRePort !== undefined) endpoints.push({ re: 're1', port: this.spec.backupRePort });
    await this.endpoints.start(endpoints);
  }

  /** The SSH listener of `re` on `port` (endpoints.ts starts it): what each kind of channel opens on this device. */
  private listener(re: string, port: number): SshListener {
    return new SshListener({
      host: this.deps.host,
      port,
      hostKeys: this.deps.hostKeys,
      limits: this.spec.limits,
      findUser: (n) => this.findUser(n),
      retryOptions: () => this.logins.retryOptions(),
      onNetconf: (channel, peer) => this.openSession(channel, peer, re),
      onShell: (channel, peer, pty) => this.openCli(channel, peer, re, pty, { kind: 'shell' }),
      onExec: (channel, peer, command, pty) =>
        isScpCommand(command)
          ? openScp(channel, command, this.copyDevice(), this.copyPeer(peer, re), (e) => this.deps.hooks?.onInternalError?.(e))
          : this.openCli(channel, peer, re, pty, { kind: 'exec', command }),
      onSftp: (accept, peer, onEof) => openSftp(accept, this.copyDevice(), this.copyPeer(peer, re), onEof),
      onEvent: (event, detail) => this.deps.onEvent?.(this.name, event, { ...detail, re }),
      ...this.deps.listenerHooks,
      workers: this.deps.workers,
    });
  }

  /** Powers the device off: the ports refuse connections and every session ends. */
  async stop(): Promise<void> {
    this.sessions.terminateAll('device stopped');
    await this.endpoints.stop();
  }

  private openSession(channel: ServerChannel, peer: AuthenticatedPeer, re: string): void {
    let ended = false;
    const session = this.createSession(
      {
        write: (data) => (ended ? true : channel.write(data)),
        pauseInput: () => channel.pause(),
        resumeInput: () => channel.resume(),
        onceDrained: (cb) => channel.once('drain', cb),
        end: () => {
          if (ended) return;
          ended = true;
          channel.exit(0);
          channel.end();
        },
        drop: () => {
          ended = true;
          peer.drop();
        },
      },
      { user: peer.user, remoteAddress: peer.remoteAddress },
      re,
    );
    channel.on('data', (d: Buffer) => session.receive(d));
    channel.on('close', () => {
      ended = true;
      session.transportClosed();
    });
    channel.on('error', () => undefined);
    session.start();
  }

  /** What SCP and SFTP channels of this device work on. */
  private copyDevice(): CopyDevice {
    return {
      files: this.files,
      persist: () => this.persist(),
      allows: (cls, perm) => this.deps.classes.allows(cls, perm),
      ...(this.deps.copyFaults ? { faults: this.deps.copyFaults } : {}),
    };
  }

  private copyPeer(peer: AuthenticatedPeer, re: string): { user: string; userClass: string; re: string; drop: () => void } {
    return { user: peer.user.name, userClass: peer.user.userClass, re, drop: () => peer.drop() };
  }

  /** The Junos CLI on a shell or exec channel: a session of this device like a NETCONF one. */
  private openCli(channel: ServerChannel, peer: AuthenticatedPeer, re: string, pty: TerminalSize | undefined, entry: CliEntry): void {
    const id = this.sessions.allocateId();
    const user = peer.user.name;
    openCliChannel(
      channel,
      {
        id,
        user,
        userClass: peer.user.userClass,
        routingEngine: re,
        remoteAddress: peer.remoteAddress,
        device: this,
        registry: this.deps.registry,
        classes: this.deps.classes,
        pty,
        // Typeahead is bounded as a NETCONF message is.
        maxTypeahead: this.spec.limits.maxMessageBytes,
        interceptor: this.deps.sessionInterceptor?.({ id, user }),
        hooks: { onInternalError: this.deps.hooks?.onInternalError, ...this.deps.cliHooks },
      },
      entry,
      () => peer.drop(),
    );
  }

  /** A session of this device over any transport: an SSH channel, or memory (inject). */
  private createSession(transport: SessionTransport, peer: { user: UserAccount; remoteAddress: string }, re: string): NetconfSession {
    const spec = this.spec;
    const id = this.sessions.allocateId();
    return new NetconfSession(transport, {
      id,
      user: peer.user.name,
      userClass: peer.user.userClass,
      routingEngine: re,
      remoteAddress: peer.remoteAddress,
      device: this,
      registry: this.deps.registry,
      classes: this.deps.classes,
      rfcCompliant: spec.rfcCompliant,
      version11: spec.version11,
      // The emulator's own YANG module is no Junos capability: advertised only when asked for.
      extraCapabilities: this.model.settings.emulatorSchemaCapability === true ? this.deps.extraCapabilities : [],
      maxMessageBytes: spec.limits.maxMessageBytes,
      maxPendingRpcs: spec.limits.maxPendingRpcs,
      parseLimits: { maxDepth: spec.limits.maxXmlDepth },
      helloTimeoutMs: spec.limits.helloTimeoutMs,
      ...this.deps.hooks,
      interceptor: this.deps.sessionInterceptor?.({ id, user: peer.user.name }),
    });
  }

  /**
   * Runs messages through a session of this device without SSH: hello,
   * dispatch and replies, as a logged-in `user` (default: the first
   * configured one) on re0. Bare operations are wrapped in `<rpc>`.
   */
  inject(messages: string | readonly string[], o: InjectOptions & { user?: string } = {}): Promise<InjectResult> {
    const name = o.user ?? this.logins.firstHarnessUser();
    const user = name === undefined ? undefined : this.findUser(name);
    if (!user) return Promise.reject(new Error(`inject: no user ${name ?? '(none configured)'} on device ${this.name}`));
    const list = typeof messages === 'string' ? [messages] : messages;
    return inject((t) => this.createSession(t, { user, remoteAddress: 'inject' }, 're0'), list, o);
  }
}
