/**
 * The SCP exec protocol (`scp -t` sink, `scp -f` source) as OpenSSH's
 * legacy `scp -O` and paramiko's `scp` module (PyEZ's SCP utility) speak it:
 * control lines `C<mode> <size> <name>`, `D<mode> 0 <name>`, `E`,
 * `T<mtime> 0 <atime> 0`, each answered by a status byte: 0 ok, 1 with
 * `scp: <path>: <reason>\n` (the client prints it and goes on), 2 fatal.
 * Errors read as OpenSSH's scp prints them on a FreeBSD box.
 */
import { ByteReader, ChannelClosed } from './byte-reader.js';
import { corrupt, pauseFor, type CopyAccess, type CopyFault } from './copy-access.js';
import { DeviceFiles, FileError } from './device-files.js';
import { shellWords } from '../terminal/shell.js';

export interface ScpChannel {
  write(data: Buffer | string): boolean;
  once(event: 'drain', cb: () => void): unknown;
  on(event: 'data', cb: (d: Buffer) => void): unknown;
  on(event: 'end' | 'close', cb: () => void): unknown;
  pause(): void;
  resume(): void;
  exit(code: number): void;
  end(): void;
}

export interface ScpCommand {
  readonly mode: 'sink' | 'source';
  readonly recursive: boolean;
  readonly preserve: boolean;
  /** `-d`: the target must be a directory. */
  readonly targetIsDir: boolean;
  readonly paths: readonly string[];
}

/** Parses `scp [-v] [-r] [-p] [-d] -t|-f [--] PATH...`; undefined when the command is not scp's remote end. */
export function parseScpCommand(command: string): ScpCommand | undefined {
  const words = shellWords(command);
  if (words[0] !== 'scp') return undefined;
  let mode: ScpCommand['mode'] | undefined;
  let recursive = false;
  let preserve = false;
  let targetIsDir = false;
  let i = 1;
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      i++;
      break;
    }
    if (!w.startsWith('-') || w === '-') break;
    for (const ch of w.slice(1)) {
      if (ch === 't') mode = 'sink';
      else if (ch === 'f') mode = 'source';
      else if (ch === 'r') recursive = true;
      else if (ch === 'p') preserve = true;
      else if (ch === 'd') targetIsDir = true;
      else if (ch !== 'v' && ch !== 'q') return undefined;
    }
  }
  const paths = words.slice(i);
  if (!mode || paths.length === 0) return undefined;
  return { mode, recursive, preserve, targetIsDir, paths };
}

const OK = Buffer.from([0]);

function warning(text: string): Buffer {
  return Buffer.concat([Buffer.from([1]), Buffer.from(`scp: ${text}\n`)]);
}

function reasonOf(e: unknown, path: string): string {
  if (e instanceof FileError) return `${path}: ${e.reason}`;
  return `${path}: ${e instanceof Error ? e.message : String(e)}`;
}

/** Runs one scp remote end on an accepted exec channel; resolves with its exit status. */
export async function runScp(ch: ScpChannel, cmd: ScpCommand, access: CopyAccess): Promise<number> {
  const reader = new ByteReader(ch);
  ch.on('data', (d) => reader.push(d));
  ch.on('end', () => reader.end());
  ch.on('close', () => reader.end());
  const send = async (data: Buffer | string): Promise<void> => {
    if (!ch.write(data)) await new Promise<void>((resolve) => ch.once('drain', resolve));
  };
  try {
    return cmd.mode === 'sink' ? await sink(reader, send, cmd, access) : await source(reader, send, cmd, access);
  } catch (e) {
    if (e instanceof ChannelClosed) return 1;
    await send(Buffer.concat([Buffer.from([2]), Buffer.from(`scp: protocol error: ${e instanceof Error ? e.message : String(e)}\n`)])).catch(() => undefined);
    return 1;
  }
}

type Send = (data: Buffer | string) => Promise<void>;

const CONTROL = /^([CD])([0-7]{3,4}) (\d+) (.+)$/;

async function sink(reader: ByteReader, send: Send, cmd: ScpCommand, a: CopyAccess): Promise<number> {
  const target = DeviceFiles.normalize(cmd.paths.join(' '), a.home, a.user);
  const isDir = (p: string): boolean => a.files.stat(a.re, p)?.kind === 'dir';
  if (cmd.targetIsDir && !isDir(target)) {
    await send(warning(`${target}: Not a directory`));
    return 1;
  }
  let status = 0;
  const dirs: string[] = [];
  await send(OK);
  for (;;) {
    let first: number;
    try {
      first = await reader.byte();
    } catch (e) {
      if (e instanceof ChannelClosed) return status;
      throw e;
    }
    // The client reports its own errors with 1/2 followed by a line.
    if (first === 1 || first === 2) {
      await reader.line();
      if (first === 2) return 1;
      continue;
    }
    const rest = await reader.line();
    const line = String.fromCharCode(first) + rest;
    if (line.startsWith('T')) {
      await send(OK);
      continue;
    }
    if (line === 'E') {
      dirs.pop();
      await send(OK);
      continue;
    }
    const m = CONTROL.exec(line);
    if (!m) throw new Error(`unexpected '${line.slice(0, 40)}'`);
    const [, kind, modeText, sizeText, name] = m;
    if (name!.includes('/') || name === '..') throw new Error(`bad file name '${name}'`);
    const here = dirs.length > 0 ? dirs[dirs.length - 1]! : target;
    const path = dirs.length > 0 || isDir(target) ? `${here === '/' ? '' : here}/${name}` : target;
    if (kind === 'D') {
      if (!cmd.recursive) throw new Error('received directory without -r');
      try {
        if (!a.mayWrite) throw new FileError('EACCES', path);
        if (!isDir(path)) a.files.mkdir(a.re, path, a.user, { mode: parseInt(modeText!, 8) & 0o777 });
        dirs.push(path);
        await send(OK);
      } catch (e) {
        status = 1;
        await send(warning(reasonOf(e, path)));
      }
      continue;
    }
    const size = Number(sizeText);
    let refused: string | undefined;
    try {
      if (!a.mayWrite) throw new FileError('EACCES', path);
      a.files.checkWrite(a.re, path, a.user);
    } catch (e) {
      refused = reasonOf(e, path);
    }
    if (refused !== undefined) {
      // The client skips this file when the C line is answered with an error.
      status = 1;
      await send(warning(refused));
      continue;
    }
    await send(OK);
    const fault = a.faults?.onCopy({ protocol: 'scp', direction: 'put', path, user: a.user, size });
    const keep = size <= maxFile(a) && size <= a.files.freeBytes(a.re, path) + (a.files.stat(a.re, path)?.size ?? 0);
    const parts: Buffer[] = [];
    let offset = 0;
    await reader.take(size, async (chunk) => {
      await throttle(a, fault, offset, chunk.length);
      if (keep) parts.push(corrupt(chunk, offset, fault));
      offset += chunk.length;
    });
    const end = await reader.byte();
    if (end !== 0) throw new Error('file not followed by a status byte');
    try {
      if (!keep) {
        throw new FileError(size > maxFile(a) ? 'EFBIG' : 'ENOSPC', path);
      }
      await a.files.write(a.re, path, Buffer.concat(parts), a.user, parseInt(modeText!, 8) & 0o777);
      await a.persist();
      await send(OK);
    } catch (e) {
      status = 1;
      await send(warning(reasonOf(e, path)));
    }
  }
}

function maxFile(a: CopyAccess): number {
  return a.files.maxFileBytes;
}

/** Slows or cuts a copy as its fault says, before `bytes` more bytes at `offset` pass. */
async function throttle(a: CopyAccess, fault: CopyFault | undefined, offset: number, bytes: number): Promise<void> {
  if (fault?.cutAtByte !== undefined && offset + bytes > fault.cutAtByte) {
    a.drop();
    throw new ChannelClosed();
  }
  const ms = pauseFor(bytes, fault);
  if (ms > 0) await a.sleep(ms);
}

async function source(reader: ByteReader, send: Send, cmd: ScpCommand, a: CopyAccess): Promise<number> {
  let status = 0;
  const expectOk = async (): Promise<boolean> => {
    const b = await reader.byte();
    if (b === 0) return true;
    await reader.line();
    if (b === 2) throw new ChannelClosed();
    return false;
  };
  await expectOk();
  const sendFile = async (path: string): Promise<void> => {
    const st = a.files.stat(a.re, path);
    if (!st) {
      status = 1;
      await send(warning(`${path}: No such file or directory`));
      return;
    }
    if (st.kind === 'dir') {
      if (!cmd.recursive) {
        status = 1;
        await send(warning(`${path}: not a regular file`));
        return;
      }
      if (cmd.preserve) {
        await send(`T${Math.floor(st.mtime / 1000)} 0 ${Math.floor(st.mtime / 1000)} 0\n`);
        if (!(await expectOk())) return;
      }
      await send(`D${(st.mode & 0o777).toString(8).padStart(4, '0')} 0 ${st.name}\n`);
      if (!(await expectOk())) return;
      for (const child of a.files.list(a.re, path)) await sendFile(child.path);
      await send('E\n');
      await expectOk();
      return;
    }
    let data: Buffer;
    try {
      if (!a.mayRead) throw new FileError('EACCES', path);
      a.files.checkRead(a.re, path, a.user);
      data = await a.files.read(a.re, path);
    } catch (e) {
      status = 1;
      await send(warning(reasonOf(e, path)));
      return;
    }
    if (cmd.preserve) {
      await send(`T${Math.floor(st.mtime / 1000)} 0 ${Math.floor(st.mtime / 1000)} 0\n`);
      if (!(await expectOk())) return;
    }
    await send(`C${(st.mode & 0o777).toString(8).padStart(4, '0')} ${data.length} ${st.name}\n`);
    if (!(await expectOk())) {
      status = 1;
      return;
    }
    const fault = a.faults?.onCopy({ protocol: 'scp', direction: 'get', path, user: a.user, size: data.length });
    const CHUNK = 32 * 1024;
    for (let off = 0; off < data.length; off += CHUNK) {
      const chunk = data.subarray(off, Math.min(data.length, off + CHUNK));
      await throttle(a, fault, off, chunk.length);
      await send(corrupt(chunk, off, fault));
    }
    await send(OK);
    if (!(await expectOk())) status = 1;
  };
  for (const p of cmd.paths) await sendFile(DeviceFiles.normalize(p, a.home, a.user));
  return status;
}
