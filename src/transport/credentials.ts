import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ssh2 from 'ssh2';
import type { ParsedKey } from 'ssh2';
import { digestMatches, parseShaCrypt, SHA_CRYPT_DEFAULT_ROUNDS, type ShaCryptHash } from './crypt.js';
import { hashPool, type HashPool } from './hash-pool.js';

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

/**
 * Stands in for the hash of a user that has none, so that an attempt as an
 * unknown user costs what one as a configured user does (one SHA-crypt of the
 * default 5000 rounds) and timing does not tell which users exist. Its digest
 * is never compared.
 */
const DUMMY_HASH: ShaCryptHash = {
  algorithm: 'sha512',
  rounds: SHA_CRYPT_DEFAULT_ROUNDS,
  salt: Buffer.from(randomBytes(12).toString('base64').replace(/\+/g, '.').slice(0, 16)),
  digest: '',
};

/** Why a configured hash cannot be used for logins, or undefined when it can. */
export function hashRoundsProblem(hash: string, maxRounds: number): string | undefined {
  const h = parseShaCrypt(hash);
  if (h === undefined || h.rounds <= maxRounds) return undefined;
  return `rounds=${h.rounds} is more than this device computes (limits.max-password-hash-rounds ${maxRounds})`;
}

/**
 * Whether `user` logs in with `given`: its plain password (YAML, --user) or
 * its configured hash, computed on the pool's threads. An unknown user, one
 * with keys only, and one whose hash has more rounds than `maxRounds` (such a
 * hash never matches) cost one SHA-crypt of the dummy hash instead.
 *
 * A harness account with a plain password and no hash answers at once: its
 * name and password are printed at start and served by the control API, so
 * its existence is no secret and logins of fleets and benchmarks stay cheap.
 */
export async function verifyPassword(user: UserAccount | undefined, given: Buffer | string, maxRounds: number, pool: HashPool = hashPool): Promise<boolean> {
  const password = Buffer.from(given);
  const plainOk = user?.password !== undefined && passwordMatches(user.password, password);
  if (plainOk) return true;
  if (user?.password !== undefined && user.passwordHash === undefined) return false;
  const own = user?.passwordHash !== undefined ? parseShaCrypt(user.passwordHash) : undefined;
  const usable = own !== undefined && own.rounds <= maxRounds ? own : undefined;
  const h = usable ?? DUMMY_HASH;
  const digest = await pool.compute(h.algorithm, password, h.salt, h.rounds);
  return usable !== undefined && digestMatches(usable, digest);
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
