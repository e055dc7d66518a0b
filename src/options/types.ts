import type { DeviceSettings, ProfileName } from '../engine/index.js';

export interface UserSpec {
  name: string;
  password?: string;
  class: string;
  /** OpenSSH authorized_keys file whose keys log in as this user. */
  authorizedKeys?: string;
}

export interface Limits {
  /** Largest NETCONF message accepted, enforced while reading. */
  maxMessageBytes: number;
  /** Deepest XML nesting accepted. */
  maxXmlDepth: number;
  loginGraceMs: number;
  /** Connections still authenticating at once, per device. */
  maxUnauthenticated: number;
  /** Connections at once per device (Junos `connection-limit`). */
  connectionLimit: number;
  /**
   * RPCs one session may have received and not yet answered. At the limit the
   * session stops reading, so the SSH window closes on a client that sends
   * without reading its replies.
   */
  maxPendingRpcs: number;
  /** Session channels (NETCONF sessions) at once on one SSH connection (Junos `max-sessions-per-connection`). */
  maxSessionsPerConnection: number;
  /** A NETCONF session that sends no hello within this time is closed. */
  helloTimeoutMs: number;
  /** Junos `system login retry-options tries-before-disconnect`: password failures that close a connection. */
  triesBeforeDisconnect: number;
  /** Junos `retry-options backoff-threshold`: the failure from which answers are delayed. */
  backoffThreshold: number;
  /** Junos `retry-options backoff-factor` (seconds there, ms here): the delay's step. */
  backoffFactorMs: number;
  /** Unauthorized public keys a connection may offer before it is closed. */
  maxPublickeyTries: number;
  /** Largest SHA-crypt `rounds=` a configured encrypted-password may have. */
  maxPasswordHashRounds: number;
  /** Largest file one copy (SCP, SFTP, `file copy`) may write onto the device's file tree. */
  maxFileBytes: number;
}

export interface DeviceSpec {
  name: string;
  port: number;
  /** Logs in to the backup RE (re1) of the device's own chassis. */
  backupRePort?: number;
  profile: ProfileName;
  hostname: string;
  /** Users of this device; the global users log in too. */
  users: UserSpec[];
  rfcCompliant: boolean;
  version11: boolean;
  limits: Limits;
  settings: Partial<DeviceSettings>;
}

export type ClockSpeed = number | 'instant';

export interface EmulatorConfig {
  host: string;
  keysDir: string;
  hostKeyFiles: string[];
  stateDir?: string;
  speed: ClockSpeed;
  logLevel: string;
  /** Custom login classes: name to permission flags. */
  classes: Record<string, string[]>;
  devices: DeviceSpec[];
  /** Control API: off unless a port is given (0 picks a free one). */
  control?: ControlSpec;
  /** Fault specs armed at start, in their YAML form (checked when loaded). */
  faults?: unknown[];
  /** Per-session transcript files (Junos traceoptions format) go here. */
  transcriptDir?: string;
  /** SSH worker processes besides the owner (src/workers); default: one per core beyond the first. */
  workers?: number;
}

export interface ControlSpec {
  /** Listen address; loopback (DEFAULT_CONTROL_HOST) when absent. */
  host?: string;
  port: number;
  /** Bearer token every control request must carry, if set. */
  token?: string;
}

export class ConfigError extends Error {}
