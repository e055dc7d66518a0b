/**
 * What one SCP or SFTP channel may do, and what the fault plan does to it.
 * The device builds this when the channel opens (src/files/copy-channels.ts);
 * the protocol modules only move bytes.
 *
 * Login classes: reading takes `view`, writing takes `maintenance` (our
 * choice: Junos documents no flag for scp; `maintenance` is what installing
 * the copied package takes, so a read-only or operator user can fetch files
 * but not put them). Unix permissions of the tree apply on top.
 */
import type { DeviceFiles } from './device-files.js';

export type CopyProtocol = 'scp' | 'sftp';
export type CopyDirection = 'put' | 'get';

/** What a fault does to one copy (src/faults: copy-slow, copy-cut, copy-corrupt). */
export interface CopyFault {
  /** Bytes per second the copy is held to. */
  readonly bytesPerSecond?: number;
  /** The connection drops after this many bytes of the file have passed. */
  readonly cutAtByte?: number;
  /** The byte at this offset is flipped (xor 0xff) on its way. */
  readonly corruptAtByte?: number;
}

export interface CopyFaultHooks {
  /** Asked once per file copied; undefined when no fault fires. */
  onCopy(c: { protocol: CopyProtocol; direction: CopyDirection; path: string; user: string; size: number }): CopyFault | undefined;
}

export interface CopyAccess {
  readonly files: DeviceFiles;
  /** The routing engine the connection logged in to. */
  readonly re: string;
  readonly user: string;
  /** Where relative paths start (the user's home). */
  readonly home: string;
  readonly mayRead: boolean;
  readonly mayWrite: boolean;
  /** Resolves once every change is durable: a copy is acknowledged only after it. */
  persist(): Promise<void>;
  readonly faults?: CopyFaultHooks;
  /** Cuts the connection (a copy-cut fault). */
  drop(): void;
  /** Waits this long (a copy-slow fault); real time, so a client sees the rate. */
  sleep(ms: number): Promise<void>;
}

/** Applies a corrupt fault to a chunk at `offset` of the file; returns the chunk to pass on. */
export function corrupt(chunk: Buffer, offset: number, fault: CopyFault | undefined): Buffer {
  const at = fault?.corruptAtByte;
  if (at === undefined || at < offset || at >= offset + chunk.length) return chunk;
  const out = Buffer.from(chunk);
  out[at - offset] = out[at - offset]! ^ 0xff;
  return out;
}

/** The pause a slow fault asks for after `bytes` more bytes. */
export function pauseFor(bytes: number, fault: CopyFault | undefined): number {
  const rate = fault?.bytesPerSecond;
  return rate === undefined ? 0 : Math.ceil((bytes / rate) * 1000);
}
