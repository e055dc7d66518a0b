import type { DeviceModel, ProfileName, VirtualClock } from '../engine/index.js';
import type { SessionRegistry } from '../session/registry.js';
import type { DatastoreLocks } from '../session/locks.js';
import type { ConfigurationStore } from '../junos-config/store.js';
import type { SystemState } from '../system/state.js';
import type { DeviceFiles } from '../files/device-files.js';

/**
 * Everything one emulated device owns at run time. Each device has its own
 * state, session-id space and locks; devices share only the process and the clock.
 */
export interface DeviceRuntime {
  readonly name: string;
  readonly profile: ProfileName;
  readonly model: DeviceModel;
  readonly clock: VirtualClock;
  readonly sessions: SessionRegistry;
  readonly locks: DatastoreLocks;
  /** Host name shown in prompts and facts. */
  hostname(): string;
  /** The host name of Routing Engine or node `re` (`re1`, `node1` may have their own, from groups). */
  hostnameOn(re: string): string;
  /** Release as Junos puts it in `xmlns:junos` (e.g. `21.4R3-S5.4`). */
  release(): string;
  /**
   * Changes of persisted state so far (configuration, storage, software);
   * always 0 without a state directory. An RPC that moved it answers only
   * once `persist()` resolves (src/dispatch/durable.ts).
   */
  changeCount(): number;
  /**
   * Resolves once every change made so far is on disk (file and directory
   * fsynced); at once without a state directory. Rejects when the write fails.
   */
  persist(): Promise<void>;
  /** Committed and candidate configuration. */
  readonly configuration: ConfigurationStore;
  /** Pending software, boot time, unreachable REs. */
  readonly system: SystemState;
  /** Files and directories of every RE (src/files/device-files.ts): SCP, SFTP and the file RPCs. */
  readonly files: DeviceFiles;
  /**
   * Reboots the device after the current reply is sent: sessions drop, the
   * ports refuse connections for the boot time, then it runs the software
   * installed for the next boot.
   */
  reboot(): void;
}
