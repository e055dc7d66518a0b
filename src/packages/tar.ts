/**
 * The subset of POSIX ustar a package needs: regular files with a name, mode
 * and mtime. Written so that `tar tzf` lists it and `tar xzf` unpacks it;
 * read back strictly (header checksums, sizes, the two zero blocks), because
 * a damaged package must be told from a good one.
 */

const BLOCK = 512;

export interface TarEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** Permission bits; 0o644 unless told. */
  readonly mode?: number;
  /** Seconds since the epoch. */
  readonly mtime?: number;
}

export class TarFormatError extends Error {
  constructor(
    message: string,
    /** The archive stopped before its end-of-archive blocks. */
    readonly truncated: boolean,
  ) {
    super(message);
  }
}

function octal(value: number, width: number): string {
  // width-1 digits then NUL, as GNU and BSD tar write them.
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(e: TarEntry): Buffer {
  const h = Buffer.alloc(BLOCK);
  const name = Buffer.from(e.name, 'utf8');
  if (name.length > 100) throw new Error(`tar: name longer than 100 bytes: ${e.name}`);
  name.copy(h, 0);
  h.write(octal(e.mode ?? 0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(e.data.length, 12), 124, 'ascii');
  h.write(octal(e.mtime ?? 0, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('root', 265, 'ascii');
  h.write('wheel', 297, 'ascii');
  h.write(octal(checksum(h), 7) + ' ', 148, 'ascii');
  return h;
}

function checksum(h: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return sum;
}

export function writeTar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e), Buffer.from(e.data));
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

function field(h: Buffer, at: number, len: number): string {
  const raw = h.subarray(at, at + len);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? len : end).toString('utf8');
}

function number(h: Buffer, at: number, len: number, what: string): number {
  const text = field(h, at, len).trim();
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`tar: bad ${what} field`, false);
  return parseInt(text, 8);
}

/** Regular files of an archive, in order; throws TarFormatError on anything damaged. */
export function readTar(archive: Buffer): TarEntry[] {
  const out: TarEntry[] = [];
  let at = 0;
  for (;;) {
    if (at + BLOCK > archive.length) throw new TarFormatError('tar: unexpected end of archive', true);
    const h = archive.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) {
      if (at + 2 * BLOCK > archive.length) throw new TarFormatError('tar: unexpected end of archive', true);
      return out;
    }
    if (number(h, 148, 8, 'checksum') !== checksum(h)) throw new TarFormatError('tar: header checksum mismatch', false);
    const size = number(h, 124, 12, 'size');
    const type = String.fromCharCode(h[156]!);
    const start = at + BLOCK;
    if (start + size > archive.length) throw new TarFormatError('tar: unexpected end of archive', true);
    if (type === '0' || type === '\0') {
      out.push({ name: field(h, 0, 100), data: archive.subarray(start, start + size), mode: number(h, 100, 8, 'mode'), mtime: number(h, 136, 12, 'mtime') });
    }
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
}
