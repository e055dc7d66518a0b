/**
 * The SFTP subsystem (version 3, as OpenSSH's sftp-server on Junos serves
 * it; ssh2 does the packet layer): `sftp`, and OpenSSH 9's plain `scp`,
 * which speaks SFTP. Status codes follow OpenSSH's sftp-server: a full file
 * system or an over-size file is `SSH_FX_FAILURE` "Failure" (it maps no
 * errno but ENOENT and EACCES), so clients print what they print against a
 * real box. A file being written is assembled in memory and lands in the
 * tree, durably, when its handle is closed; the close is answered after.
 */
import type { Attributes, FileEntry as SftpName, SFTPWrapper } from 'ssh2';
import ssh2 from 'ssh2';
import { corrupt, pauseFor, type CopyAccess, type CopyFault } from './copy-access.js';
import { DeviceFiles, FileError, type FileStat } from './device-files.js';

const { STATUS_CODE, OPEN_MODE } = ssh2.utils.sftp;

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

type Handle =
  | { kind: 'read'; path: string; data: Buffer; fault: CopyFault | undefined }
  | { kind: 'write'; path: string; data: Buffer; size: number; mode: number; fault: CopyFault | undefined; failed: boolean }
  | { kind: 'dir'; path: string; entries: FileStat[] | null };

function attrsOf(s: FileStat): Attributes {
  const type = s.kind === 'dir' ? S_IFDIR : s.kind === 'link' ? S_IFLNK : S_IFREG;
  const t = Math.floor(s.mtime / 1000);
  return { mode: type | s.mode, uid: s.owner === 'root' ? 0 : 2000, gid: 0, size: s.size, atime: t, mtime: t };
}

function permText(s: FileStat): string {
  const bits = ['r', 'w', 'x'];
  let out = s.kind === 'dir' ? 'd' : s.kind === 'link' ? 'l' : '-';
  for (let i = 8; i >= 0; i--) out += s.mode & (1 << i) ? bits[(8 - i) % 3]! : '-';
  // The sticky bit (/var/tmp is 1777) shows as t in the others' execute column.
  if (s.mode & 0o1000) out = out.slice(0, 9) + (s.mode & 0o001 ? 't' : 'T');
  return out;
}

/** The `ls -l` line OpenSSH's sftp-server sends as longname. */
function longname(s: FileStat): string {
  const d = new Date(s.mtime);
  const mon = d.toUTCString().slice(8, 11);
  const when = `${mon} ${String(d.getUTCDate()).padStart(2)} ${d.toISOString().slice(11, 16)}`;
  return `${permText(s)}    1 ${s.owner.padEnd(8)} ${s.group.padEnd(8)} ${String(s.size).padStart(8)} ${when} ${s.name}`;
}

/** OpenSSH's sftp-server: ENOENT and EACCES have codes, everything else is a failure. */
function statusOf(e: unknown): [number, string] {
  if (e instanceof FileError) {
    if (e.code === 'ENOENT') return [STATUS_CODE.NO_SUCH_FILE, 'No such file'];
    if (e.code === 'EACCES' || e.code === 'EROFS') return [STATUS_CODE.PERMISSION_DENIED, 'Permission denied'];
  }
  return [STATUS_CODE.FAILURE, 'Failure'];
}

export function serveSftp(sftp: SFTPWrapper, a: CopyAccess): void {
  const handles = new Map<number, Handle>();
  let next = 1;
  const open = (h: Handle): Buffer => {
    const id = next++;
    handles.set(id, h);
    const b = Buffer.alloc(4);
    b.writeUInt32BE(id);
    return b;
  };
  const find = (b: Buffer): [number, Handle | undefined] => {
    const id = b.length === 4 ? b.readUInt32BE(0) : -1;
    return [id, handles.get(id)];
  };
  const abs = (p: string): string => DeviceFiles.normalize(p === '' ? '.' : p, a.home, a.user);
  const fail = (req: number, e: unknown): void => {
    const [code, msg] = statusOf(e);
    sftp.status(req, code, msg);
  };
  /** Runs a request; a thrown FileError becomes its status. */
  const run = (req: number, fn: () => void | Promise<void>): void => {
    Promise.resolve()
      .then(fn)
      .catch((e: unknown) => fail(req, e));
  };
  const denyWrite = (path: string): void => {
    if (!a.mayWrite) throw new FileError('EACCES', path);
  };
  const slow = async (h: { fault: CopyFault | undefined }, offset: number, bytes: number): Promise<void> => {
    if (h.fault?.cutAtByte !== undefined && offset + bytes > h.fault.cutAtByte) {
      a.drop();
      throw new FileError('EINVAL', 'cut');
    }
    const ms = pauseFor(bytes, h.fault);
    if (ms > 0) await a.sleep(ms);
  };

  sftp.on('REALPATH', (req, path) =>
    run(req, () => {
      const p = abs(path);
      const st = a.files.stat(a.re, p);
      sftp.name(req, [{ filename: p, longname: st ? longname(st) : p, attrs: st ? attrsOf(st) : ({} as Attributes) }]);
    }),
  );
  const statReq = (req: number, path: string): void =>
    run(req, () => {
      const p = abs(path);
      const st = a.files.stat(a.re, p);
      if (!st) throw new FileError('ENOENT', p);
      sftp.attrs(req, attrsOf(st));
    });
  sftp.on('STAT', statReq);
  sftp.on('LSTAT', statReq);
  sftp.on('FSTAT', (req, hb) =>
    run(req, () => {
      const [, h] = find(hb);
      if (!h) throw new FileError('EINVAL', 'handle');
      const st = a.files.stat(a.re, h.path);
      if (h.kind === 'write') {
        sftp.attrs(req, { mode: S_IFREG | h.mode, uid: 0, gid: 0, size: h.size, atime: 0, mtime: 0 });
      } else if (st) sftp.attrs(req, attrsOf(st));
      else throw new FileError('ENOENT', h.path);
    }),
  );
  sftp.on('OPEN', (req, filename, flags, attrs) =>
    run(req, async () => {
      const p = abs(filename);
      if (flags & OPEN_MODE.WRITE || flags & OPEN_MODE.CREAT || flags & OPEN_MODE.TRUNC || flags & OPEN_MODE.APPEND) {
        denyWrite(p);
        const st = a.files.stat(a.re, p);
        if (st && flags & OPEN_MODE.EXCL) throw new FileError('EEXIST', p);
        if (!st && !(flags & OPEN_MODE.CREAT)) throw new FileError('ENOENT', p);
        a.files.checkWrite(a.re, p, a.user);
        const keep = st && !(flags & OPEN_MODE.TRUNC) ? await a.files.read(a.re, p) : Buffer.alloc(0);
        const fault = a.faults?.onCopy({ protocol: 'sftp', direction: 'put', path: p, user: a.user, size: -1 });
        const mode = typeof attrs?.mode === 'number' && attrs.mode > 0 ? attrs.mode & 0o777 : 0o644;
        sftp.handle(req, open({ kind: 'write', path: p, data: Buffer.from(keep), size: keep.length, mode, fault, failed: false }));
        return;
      }
      const st = a.files.stat(a.re, p);
      if (!st) throw new FileError('ENOENT', p);
      if (!a.mayRead) throw new FileError('EACCES', p);
      a.files.checkRead(a.re, p, a.user);
      if (st.kind === 'dir') throw new FileError('EISDIR', p);
      const data = await a.files.read(a.re, p);
      const fault = a.faults?.onCopy({ protocol: 'sftp', direction: 'get', path: p, user: a.user, size: data.length });
      sftp.handle(req, open({ kind: 'read', path: p, data, fault }));
    }),
  );
  sftp.on('READ', (req, hb, offset, len) =>
    run(req, async () => {
      const [, h] = find(hb);
      if (!h || h.kind !== 'read') throw new FileError('EINVAL', 'handle');
      if (offset >= h.data.length) return sftp.status(req, STATUS_CODE.EOF);
      const chunk = h.data.subarray(offset, Math.min(h.data.length, offset + len));
      await slow(h, offset, chunk.length);
      sftp.data(req, corrupt(chunk, offset, h.fault));
    }),
  );
  sftp.on('WRITE', (req, hb, offset, data) =>
    run(req, async () => {
      const [, h] = find(hb);
      if (!h || h.kind !== 'write') throw new FileError('EINVAL', 'handle');
      const end = offset + data.length;
      const room = a.files.freeBytes(a.re, h.path) + (a.files.stat(a.re, h.path)?.size ?? 0);
      if (end > a.files.maxFileBytes || end > room) {
        h.failed = true;
        throw new FileError(end > a.files.maxFileBytes ? 'EFBIG' : 'ENOSPC', h.path);
      }
      await slow(h, offset, data.length);
      if (end > h.data.length) {
        const grown = Buffer.alloc(Math.max(end, Math.min(a.files.maxFileBytes, h.data.length * 2)));
        h.data.copy(grown, 0, 0, h.size);
        h.data = grown;
      }
      corrupt(data, offset, h.fault).copy(h.data, offset);
      h.size = Math.max(h.size, end);
      sftp.status(req, STATUS_CODE.OK);
    }),
  );
  sftp.on('CLOSE', (req, hb) =>
    run(req, async () => {
      const [id, h] = find(hb);
      if (!h) throw new FileError('EINVAL', 'handle');
      handles.delete(id);
      if (h.kind === 'write') {
        if (h.failed) throw new FileError('ENOSPC', h.path);
        await a.files.write(a.re, h.path, h.data.subarray(0, h.size), a.user, h.mode);
        await a.persist();
      }
      sftp.status(req, STATUS_CODE.OK);
    }),
  );
  sftp.on('OPENDIR', (req, path) =>
    run(req, () => {
      const p = abs(path);
      if (!a.mayRead) throw new FileError('EACCES', p);
      const entries = a.files.list(a.re, p);
      sftp.handle(req, open({ kind: 'dir', path: p, entries }));
    }),
  );
  sftp.on('READDIR', (req, hb) =>
    run(req, () => {
      const [, h] = find(hb);
      if (!h || h.kind !== 'dir') throw new FileError('EINVAL', 'handle');
      if (!h.entries) return sftp.status(req, STATUS_CODE.EOF);
      const self = a.files.stat(a.re, h.path);
      const names: SftpName[] = [];
      if (self) {
        names.push({ filename: '.', longname: longname({ ...self, name: '.' }), attrs: attrsOf(self) });
        names.push({ filename: '..', longname: longname({ ...self, name: '..' }), attrs: attrsOf(self) });
      }
      for (const e of h.entries) names.push({ filename: e.name, longname: longname(e), attrs: attrsOf(e) });
      h.entries = null;
      sftp.name(req, names);
    }),
  );
  const ok = (req: number): void => sftp.status(req, STATUS_CODE.OK);
  sftp.on('SETSTAT', (req) => ok(req));
  sftp.on('FSETSTAT', (req) => ok(req));
  sftp.on('REMOVE', (req, path) =>
    run(req, async () => {
      const p = abs(path);
      denyWrite(p);
      a.files.remove(a.re, p, a.user);
      await a.persist();
      ok(req);
    }),
  );
  sftp.on('RMDIR', (req, path) =>
    run(req, async () => {
      const p = abs(path);
      denyWrite(p);
      a.files.remove(a.re, p, a.user, { directory: true });
      await a.persist();
      ok(req);
    }),
  );
  sftp.on('MKDIR', (req, path, attrs) =>
    run(req, async () => {
      const p = abs(path);
      denyWrite(p);
      a.files.mkdir(a.re, p, a.user, { mode: typeof attrs?.mode === 'number' && attrs.mode > 0 ? attrs.mode & 0o777 : 0o755 });
      await a.persist();
      ok(req);
    }),
  );
  sftp.on('RENAME', (req, from, to) =>
    run(req, async () => {
      const src = abs(from);
      const dst = abs(to);
      denyWrite(dst);
      if (a.files.stat(a.re, dst)) throw new FileError('EEXIST', dst);
      a.files.rename(a.re, src, dst, a.user);
      await a.persist();
      ok(req);
    }),
  );
  sftp.on('SYMLINK', (req, linkPath, targetPath) =>
    run(req, async () => {
      // OpenSSH sends the target first (the reverse of the draft's order); ssh2
      // swaps them back for a client whose version line says OpenSSH, so its
      // arguments are (link, target) either way.
      const p = abs(linkPath);
      denyWrite(p);
      if (a.files.stat(a.re, p)) throw new FileError('EEXIST', p);
      a.files.symlink(a.re, targetPath, p, a.user);
      await a.persist();
      ok(req);
    }),
  );
  sftp.on('READLINK', (req, path) =>
    run(req, () => {
      const st = a.files.stat(a.re, abs(path));
      if (!st || st.kind !== 'link') throw new FileError('ENOENT', abs(path));
      sftp.name(req, [{ filename: st.target!, longname: st.target!, attrs: {} as Attributes }]);
    }),
  );
  sftp.on('EXTENDED', (req) => sftp.status(req, STATUS_CODE.OP_UNSUPPORTED));
}
