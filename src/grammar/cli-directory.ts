/**
 * The CLI working directory of a session: `set cli directory PATH`
 * (`<set-cli-working-directory>`) and `show cli directory`
 * (`<get-current-working-directory>`), as Junos 18.4's YANG names them
 * (junos-rpc-set / junos-rpc-cli). Both only read the file tree: `view`.
 */
import type { RpcGrammar } from './types.js';

export const setCliWorkingDirectoryGrammar: RpcGrammar = {
  rpc: 'set-cli-working-directory',
  cli: ['set', 'cli', 'directory'],
  description: 'Set working directory',
  permission: 'view',
  leaves: [{ name: 'directory', type: { kind: 'string' }, description: 'Pathname of working directory', valueName: 'directory', positional: true }],
};

export const getCurrentWorkingDirectoryGrammar: RpcGrammar = {
  rpc: 'get-current-working-directory',
  cli: ['show', 'cli', 'directory'],
  description: 'Show current working directory',
  permission: 'view',
  leaves: [],
};

export const CLI_DIRECTORY_GRAMMARS: readonly RpcGrammar[] = [setCliWorkingDirectoryGrammar, getCurrentWorkingDirectoryGrammar];
