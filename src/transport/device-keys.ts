/**
 * Per-device SSH host keys for fleets. Generating 1,000 RSA keys at every
 * start would take minutes, so each device's ed25519 key is derived from one
 * stored random seed and its name: stable across restarts, different per
 * device, and about 0.1 ms each. The RSA key (for clients that want one) is
 * generated once and shared.
 */
import { createHmac, createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ssh2 from 'ssh2';
import type { ParsedKey } from 'ssh2';

const { utils } = ssh2;

export const SEED_FILE = 'fleet_host_key_seed';

/** The package's top folder (this file is dist/src/transport/device-keys.js). */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where generated host keys live when no --keys-dir is given. A writable
 * checkout (a git work tree) keeps them in its keys/ as it always did. An
 * installed copy does not: its folder may belong to root, and a reinstall
 * replaces it, so every client's known_hosts entry would break. Keys then go
 * to the user's state directory (XDG Base Directory: $XDG_STATE_HOME, an
 * absolute path, else ~/.local/state), in junos-emulator/keys.
 */
export function defaultKeysDir(env: NodeJS.ProcessEnv = process.env, root: string = PACKAGE_ROOT): string {
  const checkoutKeys = join(root, 'keys');
  if (existsSync(join(root, '.git')) && writable(existsSync(checkoutKeys) ? checkoutKeys : root)) return checkoutKeys;
  const xdg = env['XDG_STATE_HOME'];
  const stateHome = xdg !== undefined && isAbsolute(xdg) ? xdg : join(env['HOME'] || homedir(), '.local', 'state');
  return join(stateHome, 'junos-emulator', 'keys');
}

/** The stored seed, created (0600) on first use. */
export function loadSeed(dir: string): Buffer {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, SEED_FILE);
  if (!existsSync(path)) {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    renameSync(tmp, path);
  }
  chmodSync(path, 0o600);
  const hex = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${path}: expected 64 hex digits`);
  return Buffer.from(hex, 'hex');
}

function sshString(b: Buffer | string): Buffer {
  const data = typeof b === 'string' ? Buffer.from(b) : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, data]);
}

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The ed25519 key of `name`, as an OpenSSH private key file would hold it. */
export function deriveEd25519(seed: Buffer, name: string): Buffer {
  const priv = createHmac('sha256', seed).update(`junos-emulator host key\0${name}`).digest();
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, priv]), format: 'der', type: 'pkcs8' });
  const x = createPublicKey(key).export({ format: 'jwk' }).x;
  const pub = Buffer.from(x!, 'base64url');
  const pubBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  const check = createHmac('sha256', seed).update(name).digest().subarray(0, 4);
  let section = Buffer.concat([check, check, sshString('ssh-ed25519'), sshString(pub), sshString(Buffer.concat([priv, pub])), sshString(name)]);
  const pad: number[] = [];
  for (let i = 1; (section.length + pad.length) % 8 !== 0; i++) pad.push(i);
  section = Buffer.concat([section, Buffer.from(pad)]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    Buffer.from([0, 0, 0, 1]),
    sshString(pubBlob),
    sshString(section),
  ]);
  const b64 = body.toString('base64').replace(/.{70}/g, '$&\n');
  return Buffer.from(`-----BEGIN OPENSSH PRIVATE KEY-----\n${b64}\n-----END OPENSSH PRIVATE KEY-----\n`);
}

/** ssh2 takes a parsed key only wrapped this way (it re-parses bare values). */
export type HostKey = Buffer | { key: ParsedKey };

/** The key file each parsed key came from: SSH workers (src/workers) get keys as bytes. */
const keyData = new WeakMap<ParsedKey, Buffer>();

/** Parses once so that a thousand listeners share the parsed object instead of re-parsing. */
export function parsedKey(data: Buffer): ParsedKey {
  const k = utils.parseKey(data);
  if (k instanceof Error) throw k;
  const key = Array.isArray(k) ? k[0]! : k;
  keyData.set(key, data);
  return key;
}

/** A host key as the bytes of its key file (ssh2's PEM export of an ed25519 key does not parse again). */
export function hostKeyBytes(key: HostKey): Buffer {
  if (Buffer.isBuffer(key)) return key;
  const data = keyData.get(key.key);
  if (!data) throw new Error('host key: not parsed by parsedKey(), its bytes are unknown');
  return data;
}

/**
 * A new ed25519 key pair in OpenSSH format. Built here rather than with
 * ssh2's generateKeyPairSync, whose ed25519 private keys ssh2 itself cannot
 * parse about once in two hundred (measured with ssh2 1.17).
 */
export function newEd25519KeyPair(comment = ''): { private: string; public: string } {
  const priv = deriveEd25519(randomBytes(32), comment);
  const line = publicKeyLine(priv);
  return { private: priv.toString(), public: comment ? `${line} ${comment}` : line };
}

/** `ssh-ed25519 AAAA...`: the public key line of a device, for known_hosts. */
export function publicKeyLine(key: HostKey): string {
  const k = Buffer.isBuffer(key) ? parsedKey(key) : key.key;
  return `${k.type} ${k.getPublicSSH().toString('base64')}`;
}
