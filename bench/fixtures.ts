import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { newEd25519KeyPair } from '../src/transport/device-keys.js';
import { loadHostKeys } from '../src/transport/host-keys.js';
import type { ServerSpec } from './server-protocol.js';


/**
 * Host keys shared by every benchmark run on this machine (and by both
 * servers of a run): generating the RSA host key takes seconds.
 */
export const BENCH_KEYS_DIR = join(tmpdir(), 'junos-emulator-bench-keys');

export const BENCH_USER = { name: 'bench', password: 'bench-pass-1', class: 'super-user' } as const;

/** How an emulator under test is laid out. A fleet scenario asks for many devices. */
export interface EmulatorLayout {
  devices: number;
  profile: string;
  /** Junos `connection-limit`, per device. */
  connectionLimit: number;
  /** Connections still authenticating at once, per device. */
  maxUnauthenticated: number;
  /** Device settings (YAML keys) every device gets, e.g. `media-speed-mbps`. */
  settings?: Record<string, unknown>;
  /** SSH worker processes (the `workers` key); absent: the emulator's default. */
  workers?: number;
}

export const DEFAULT_LAYOUT: EmulatorLayout = { devices: 1, profile: 'mx960', connectionLimit: 256, maxUnauthenticated: 128 };

/** Everything a run writes to disk, in one temp folder removed at the end. */
export class Fixtures {
  readonly dir: string;
  readonly keysDir = BENCH_KEYS_DIR;
  /** The client's ed25519 key, OpenSSH private key text. */
  readonly clientPrivateKey: string;
  /** Its public line, as in authorized_keys. */
  readonly clientPublicKey: string;
  readonly authorizedKeysFile: string;
  private configs = 0;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'junos-emulator-bench-'));
    // Generate the host keys here once, so two children never race to create them.
    loadHostKeys({ dir: this.keysDir });
    const pair = newEd25519KeyPair('bench-client');
    this.clientPrivateKey = pair.private;
    this.clientPublicKey = pair.public.trim();
    this.authorizedKeysFile = join(this.dir, 'authorized_keys');
    writeFileSync(this.authorizedKeysFile, `${this.clientPublicKey}\n`, { mode: 0o600 });
  }

  /** A YAML config the way `--config` takes it, for `layout`. */
  emulatorConfig(layout: EmulatorLayout): string {
    const file = join(this.dir, `emulator-${++this.configs}.yaml`);
    const doc = {
      host: '127.0.0.1',
      'keys-dir': this.keysDir,
      speed: 'instant',
      'log-level': 'silent',
      limits: { 'connection-limit': layout.connectionLimit, 'max-unauthenticated': layout.maxUnauthenticated },
      users: [{ name: BENCH_USER.name, password: BENCH_USER.password, class: BENCH_USER.class, 'authorized-keys': this.authorizedKeysFile }],
      ...(layout.workers !== undefined ? { workers: layout.workers } : {}),
      devices: Array.from({ length: layout.devices }, (_, i) => ({ name: `bench${i + 1}`, port: 0, profile: layout.profile, ...layout.settings })),
    };
    writeFileSync(file, stringify(doc));
    return file;
  }

  spec(kind: ServerSpec['kind'], layout: EmulatorLayout = DEFAULT_LAYOUT, ceilingNoDelay = true): ServerSpec {
    if (kind === 'emulator') return { kind, configFile: this.emulatorConfig(layout), keysDir: this.keysDir };
    return {
      kind,
      keysDir: this.keysDir,
      username: BENCH_USER.name,
      password: BENCH_USER.password,
      authorizedKeys: [this.clientPublicKey],
      noDelay: ceilingNoDelay,
    };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
