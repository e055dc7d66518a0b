import type { FramingMode } from './decoder.js';
import { EOM } from './decoder.js';

/** Chunks larger than this are split; RFC 6242 allows any size, clients like smaller ones. */
export const MAX_OUT_CHUNK = 1 << 20;

/** Frames one outgoing message. Chunk lengths are UTF-8 byte counts, not characters. */
export function frameMessage(xml: string, mode: FramingMode): Buffer {
  if (mode === 'eom') return Buffer.from(`${xml}\n${EOM}\n`, 'utf8');
  const body = Buffer.from(xml, 'utf8');
  const pieces: Buffer[] = [];
  for (let off = 0; off < body.length; off += MAX_OUT_CHUNK) {
    const part = body.subarray(off, Math.min(off + MAX_OUT_CHUNK, body.length));
    pieces.push(Buffer.from(`\n#${part.length}\n`, 'latin1'), part);
  }
  pieces.push(Buffer.from('\n##\n', 'latin1'));
  return Buffer.concat(pieces);
}
