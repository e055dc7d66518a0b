import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ssh2 from 'ssh2';
import type { ParsedKey } from 'ssh2';
import { cryptMatches } from './crypt.js';

const { utils } = ssh2;

export interface UserAccount {
  name: string;
  /** A plain password from the emulator's own configuration (YAML, --user). */
  password?: string;
  /** A crypt(3) hash from the device configuration (`authentication encrypted-password`). */
  passwordHash?: string;
  userClass: string;
  /** Public keys that log in as this user. */
  keys: ParsedKey[];
}

/** Parses OpenSSH authorized_keys text; options before the key type are skipped. */
export function parseAuthorizedKeys(text: string, source: string): ParsedKey[] {
  const keys: ParsedKey[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const m = /((?:ssh|ecdsa|sk)-[\w@.-]+\s+[A-Za-z0-9+/=]+)/.exec(t);
    const parsed = m ? utils.parseKey(m[1]!) : new Error('no key');
    if (parsed instanceof Error || Array.isArray(parsed)) {
      throw new Error(`${source}:${i + 1}: not a public key`);
    }
    keys.push(parsed);
  });
  return keys;
}

export function readAuthorizedKeys(file: string): ParsedKey[] {
  return parseAuthorizedKeys(readFileSync(file, 'utf8'), file);
}

/** Whether `user` can log in with `given`: its plain password or its configured hash. */
export function acceptsPassword(user: UserAccount | undefined, given: Buffer | string): boolean {
  if (!user) return false;
  if (user.password !== undefined && passwordMatches(user.password, given)) return true;
  return user.passwordHash !== undefined && cryptMatches(user.passwordHash, given);
}

/** Compares passwords in time that does not depend on where they differ. */
export function passwordMatches(expected: string, given: Buffer | string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

export function keyMatches(key: ParsedKey, algo: string, data: Buffer): boolean {
  const pub = key.getPublicSSH();
  if (pub.length !== data.length) return false;
  if (!timingSafeEqual(pub, data)) return false;
  // ssh2 reports rsa-sha2-* algorithms for RSA keys whose type is ssh-rsa.
  return key.type === algo || (key.type === 'ssh-rsa' && algo.startsWith('rsa-sha2-'));
}
