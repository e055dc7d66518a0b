import type { Limits } from './types.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8830;
/** The control API listens here unless `--control-host` / `control.host` says otherwise (not `--host`). */
export const DEFAULT_CONTROL_HOST = '127.0.0.1';
export const DEFAULT_PROFILE = 'mx960';
export const DEFAULT_DEVICE_NAME = 'junos1';
/** Used when no user is configured at all, and printed at start. */
export const DEFAULT_USER = { name: 'admin', password: 'admin123', class: 'super-user' } as const;
/** Virtual seconds per real second: a 15-minute snapshot takes under a second. */
export const DEFAULT_SPEED = 1000;

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 16 * 1024 * 1024,
  maxXmlDepth: 64,
  loginGraceMs: 60_000,
  maxUnauthenticated: 64,
  connectionLimit: 75,
  maxPendingRpcs: 64,
  /** Junos `system services ssh max-sessions-per-connection` and OpenSSH MaxSessions default. */
  maxSessionsPerConnection: 10,
  /** Our choice (Junos documents none): as long as the login grace time. */
  helloTimeoutMs: 60_000,
  /** Junos's documented retry-options defaults: 10 tries, delays from the 2nd failure, 5 s steps. */
  triesBeforeDisconnect: 10,
  backoffThreshold: 2,
  backoffFactorMs: 5000,
  /** Our choice: enough for an agent holding many keys; OpenSSH's MaxAuthTries 6 counts keys and passwords together. */
  maxPublickeyTries: 32,
  /** Our choice: above passlib's 656,000 (Ansible's password_hash), far below SHA-crypt's 999,999,999. */
  maxPasswordHashRounds: 1_000_000,
  /** Our choice: a Junos install package (1-2 GB on modern MX) fits; a copy is held in memory until it is complete. */
  maxFileBytes: 2 * 1024 * 1024 * 1024,
};
