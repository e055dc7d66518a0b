import type { FramingMode } from './decoder.js';
import { EOM } from './decoder.js';

/** Chunks larger than this are split; RFC 6242 allows any size, clients like smaller ones. */
export const MAX_OUT_CHUNK = 1 << 20;

/**
 * Frames a hello, which always uses the base:1.0 end marker. When chunked
 * framing may follow (both sides may offer base:1.1), nothing may stand
 * between `]]>]]>` and the first chunk's LF (RFC 6242 4.1, 4.2): strict
 * readers such as nemith/netconf take a stray line feed for a bad chunk.
 */
export function frameHello(xml: string, chunkedMayFollow: boolean): Buffer {
  return Buffer.from(chunkedMayFollow ? `${xml}\n${EOM}` : `${xml}\n${EOM}\n`, 'utf8');
}

/** Frames one outgoing message. Chunk lengths are UTF-8 byte counts, not characters. */
export function frameMessage(xml: string, mode: FramingMode): Buffer {
  if (mode === 'eom') return Buffer.from(`${xml}\n${EOM}\n`, 'utf8');
  const bytes = Buffer.byteLength(xml, 'utf8');
  // One chunk (every reply under 1 MiB): header, body and end marker written into one buffer.
  if (bytes > 0 && bytes <= MAX_OUT_CHUNK) return Buffer.from(`\n#${bytes}\n${xml}\n##\n`, 'utf8');
  const body = Buffer.from(xml, 'utf8');
  const pieces: Buffer[] = [];
  for (let off = 0; off < body.length; off += MAX_OUT_CHUNK) {
    const part = body.subarray(off, Math.min(off + MAX_OUT_CHUNK, body.length));
    pieces.push(Buffer.from(`\n#${part.length}\n`, 'latin1'), part);
  }
  pieces.push(Buffer.from('\n##\n', 'latin1'));
  return Buffer.concat(pieces);
}
