import { createHash, timingSafeEqual } from 'node:crypto';

export type ShaCryptAlgorithm = 'sha256' | 'sha512';

/** The SHA-crypt specification's bounds on `rounds=` (values outside are clamped). */
export const SHA_CRYPT_MIN_ROUNDS = 1000;
export const SHA_CRYPT_MAX_ROUNDS = 999_999_999;
export const SHA_CRYPT_DEFAULT_ROUNDS = 5000;

/** A SHA-crypt hash taken apart: what computing it needs, and the digest to compare with. */
export interface ShaCryptHash {
  algorithm: ShaCryptAlgorithm;
  /** After the specification's clamping to 1000..999,999,999. */
  rounds: number;
  salt: Buffer;
  digest: string;
}

/**
 * A crypt(3) hash as Junos stores it in `system login user NAME
 * authentication encrypted-password` ($6$ SHA-512, $5$ SHA-256; Ulrich
 * Drepper's SHA-crypt), or undefined for other schemes and garbage.
 */
export function parseShaCrypt(hash: string): ShaCryptHash | undefined {
  const m = /^\$([56])\$(?:rounds=(\d+)\$)?([^$]{0,16})[^$]*\$([./0-9A-Za-z]+)$/.exec(hash);
  if (!m) return undefined;
  const asked = m[2] === undefined ? SHA_CRYPT_DEFAULT_ROUNDS : Number(m[2]);
  return {
    algorithm: m[1] === '6' ? 'sha512' : 'sha256',
    rounds: Math.min(SHA_CRYPT_MAX_ROUNDS, Math.max(SHA_CRYPT_MIN_ROUNDS, asked)),
    salt: Buffer.from(m[3]!),
    digest: m[4]!,
  };
}

/** Whether a computed digest is the hash's, in time that does not depend on where they differ. */
export function digestMatches(h: ShaCryptHash, computed: string): boolean {
  const a = Buffer.from(computed);
  const b = Buffer.from(h.digest);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks a password against a hash on the calling thread. Logins use
 * src/transport/hash-pool.ts instead, which runs this work off the event loop.
 */
export function cryptMatches(hash: string, password: string | Buffer): boolean {
  const h = parseShaCrypt(hash);
  return h !== undefined && digestMatches(h, shaCrypt(h.algorithm, Buffer.from(password), h.salt, h.rounds));
}

const ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Byte order of the encoded digest, from the SHA-crypt specification.
const ORDER_512: ReadonlyArray<readonly number[]> = [
  [0, 21, 42], [22, 43, 1], [44, 2, 23], [3, 24, 45], [25, 46, 4], [47, 5, 26], [6, 27, 48],
  [28, 49, 7], [50, 8, 29], [9, 30, 51], [31, 52, 10], [53, 11, 32], [12, 33, 54], [34, 55, 13],
  [56, 14, 35], [15, 36, 57], [37, 58, 16], [59, 17, 38], [18, 39, 60], [40, 61, 19], [62, 20, 41],
];
const ORDER_256: ReadonlyArray<readonly number[]> = [
  [0, 10, 20], [21, 1, 11], [12, 22, 2], [3, 13, 23], [24, 4, 14],
  [15, 25, 5], [6, 16, 26], [27, 7, 17], [18, 28, 8], [9, 19, 29],
];

function b64(b2: number, b1: number, b0: number, n: number): string {
  let w = (b2 << 16) | (b1 << 8) | b0;
  let s = '';
  for (let i = 0; i < n; i++) {
    s += ALPHABET[w & 0x3f];
    w >>>= 6;
  }
  return s;
}

function repeatTo(block: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += block.length) block.copy(out, i, 0, Math.min(block.length, length - i));
  return out;
}

/** The encoded digest (the part after the last `$`) of SHA-crypt. */
export function shaCrypt(alg: ShaCryptAlgorithm, p: Buffer, s: Buffer, rounds: number): string {
  const h = (...parts: Buffer[]): Buffer => {
    const x = createHash(alg);
    for (const part of parts) x.update(part);
    return x.digest();
  };
  const b = h(p, s, p);
  const a = createHash(alg).update(p).update(s).update(repeatTo(b, p.length));
  for (let n = p.length; n > 0; n >>= 1) a.update(n & 1 ? b : p);
  let c = a.digest();
  const pp = repeatTo(h(...Array<Buffer>(p.length).fill(p)), p.length);
  const ss = repeatTo(h(...Array<Buffer>(16 + c[0]!).fill(s)), s.length);
  for (let i = 0; i < rounds; i++) {
    const x = createHash(alg);
    x.update(i & 1 ? pp : c);
    if (i % 3 !== 0) x.update(ss);
    if (i % 7 !== 0) x.update(pp);
    x.update(i & 1 ? c : pp);
    c = x.digest();
  }
  if (alg === 'sha512') return ORDER_512.map(([x, y, z]) => b64(c[x!]!, c[y!]!, c[z!]!, 4)).join('') + b64(0, 0, c[63]!, 2);
  return ORDER_256.map(([x, y, z]) => b64(c[x!]!, c[y!]!, c[z!]!, 4)).join('') + b64(0, c[31]!, c[30]!, 3);
}
