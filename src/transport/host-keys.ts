import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { newEd25519KeyPair } from './device-keys.js';

const { utils } = ssh2;

export interface HostKeyOptions {
  /** Folder where generated keys live; created if missing. */
  dir: string;
  /** Key files given by the user instead of generated ones. */
  files?: readonly string[];
  /** Which keys to keep in `dir` (default both). */
  types?: ReadonlyArray<'ed25519' | 'rsa'>;
}

/**
 * Loads the host keys, generating an ed25519 and an RSA key (or those of
 * `types`) on first start.
 * Keys are written 0600 and reused, so clients' known_hosts stay valid
 * across restarts.
 */
export function loadHostKeys(o: HostKeyOptions): Buffer[] {
  if (o.files && o.files.length > 0) return o.files.map((f) => readFileSync(f));
  mkdirSync(o.dir, { recursive: true, mode: 0o700 });
  const types = o.types ?? ['ed25519', 'rsa'];
  const wanted = types.map((type) => ({ file: `ssh_host_${type}_key`, type }));
  return wanted.map(({ file, type }) => {
    const path = join(o.dir, file);
    if (!existsSync(path)) {
      const pair = type === 'rsa' ? utils.generateKeyPairSync('rsa', { bits: 2048 }) : newEd25519KeyPair();
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, pair.private, { mode: 0o600 });
      writeFileSync(`${path}.pub`, `${pair.public}\n`, { mode: 0o644 });
      renameSync(tmp, path);
    }
    chmodSync(path, 0o600);
    return readFileSync(path);
  });
}
