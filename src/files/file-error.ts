/** Errors of the file tree (errno names, strerror texts) and the path helpers every caller shares. */
export type FileErrorCode = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EACCES' | 'ENOSPC' | 'EFBIG' | 'EROFS' | 'EINVAL';

const MESSAGES: Readonly<Record<FileErrorCode, string>> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  ENOSPC: 'No space left on device',
  EFBIG: 'File too large',
  EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument',
};

export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly path: string,
  ) {
    super(`${path}: ${MESSAGES[code]}`);
  }

  /** The strerror text (`No such file or directory`). */
  get reason(): string {
    return MESSAGES[this.code];
  }
}

/** Collapses `.`, `..` and repeated slashes of an absolute path. */
export function clean(abs: string): string {
  const out: string[] = [];
  for (const part of abs.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function homeOf(user: string): string {
  return user === 'root' ? '/root' : `/var/home/${user}`;
}

