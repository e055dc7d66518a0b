/**
 * The file RPCs and their CLI words (`file copy`, `file checksum md5`,
 * `request system storage cleanup`...). Reading the tree takes `view`;
 * changing it takes `maintenance`, as Junos's `file` commands that write do.
 * `file-list` and `file-show` keep their grammars in facts-rpcs.ts.
 */
import type { LeafSpec, RpcGrammar } from './types.js';

const str = (name: string, description: string, valueName: string, positional = true): LeafSpec => ({
  name,
  type: { kind: 'string' },
  description,
  valueName,
  positional,
});

export const fileCopyGrammar: RpcGrammar = {
  rpc: 'file-copy',
  cli: ['file', 'copy'],
  description: 'Copy files (local or remote)',
  permission: 'maintenance',
  leaves: [
    str('source', 'Local or remote pathname or URL', 'source'),
    str('destination', 'Local or remote pathname or URL', 'destination'),
    str('routing-instance', 'Routing instance', 'routing-instance', false),
    str('source-address', 'Local address to use in originating the connection', 'source-address', false),
  ],
};

export const fileRenameGrammar: RpcGrammar = {
  rpc: 'file-rename',
  cli: ['file', 'rename'],
  description: 'Rename a file',
  permission: 'maintenance',
  leaves: [str('source', 'Name of file to rename', 'source'), str('destination', 'New name for the file', 'destination')],
};

export const fileDeleteGrammar: RpcGrammar = {
  rpc: 'file-delete',
  cli: ['file', 'delete'],
  description: 'Delete files',
  permission: 'maintenance',
  leaves: [str('path', 'Path name of file to delete', 'path'), { name: 'recurse', type: { kind: 'empty' }, description: 'Delete directory and its contents' }],
};

export const fileArchiveGrammar: RpcGrammar = {
  rpc: 'file-archive',
  cli: ['file', 'archive'],
  description: 'Archive files',
  permission: 'maintenance',
  leaves: [
    { name: 'compress', type: { kind: 'empty' }, description: 'Compress archived files with GNU gzip (.tgz)' },
    str('source', 'Name of file or directory to archive', 'source', false),
    str('destination', 'Name of archive file', 'destination', false),
  ],
};

const checksum = (rpc: string, word: string, description: string): RpcGrammar => ({
  rpc,
  cli: ['file', 'checksum', word],
  description,
  permission: 'view',
  leaves: [str('path', 'Name of file', 'path')],
});

export const getChecksumGrammar = checksum('get-checksum-information', 'md5', 'Calculate MD5 checksum of a file');
export const getSha1ChecksumGrammar = checksum('get-sha1-checksum-information', 'sha1', 'Calculate SHA1 checksum of a file');
export const getSha256ChecksumGrammar = checksum('get-sha256-checksum-information', 'sha-256', 'Calculate SHA256 checksum of a file');

export const getDirectoryUsageGrammar: RpcGrammar = {
  rpc: 'get-directory-usage-information',
  cli: ['show', 'system', 'directory-usage'],
  description: 'Show directory usage information',
  permission: 'view',
  leaves: [
    str('path', 'Directory to show', 'path'),
    { name: 'depth', type: { kind: 'uint', min: 0, max: 64 }, description: 'Depth of directories to show', valueName: 'depth' },
  ],
};

export const requestStorageCleanupGrammar: RpcGrammar = {
  rpc: 'request-system-storage-cleanup',
  cli: ['request', 'system', 'storage', 'cleanup'],
  description: 'Free storage space on the local file system',
  permission: 'maintenance',
  leaves: [
    { name: 'dry-run', type: { kind: 'empty' }, description: 'List files that would be deleted, without deleting them' },
    { name: 'no-confirm', type: { kind: 'empty' }, description: 'Do not request confirmation' },
  ],
};

export const FILE_GRAMMARS: readonly RpcGrammar[] = [
  fileCopyGrammar,
  fileRenameGrammar,
  fileDeleteGrammar,
  fileArchiveGrammar,
  getChecksumGrammar,
  getSha1ChecksumGrammar,
  getSha256ChecksumGrammar,
  getDirectoryUsageGrammar,
  requestStorageCleanupGrammar,
];
