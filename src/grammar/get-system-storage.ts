/** `show system storage` / <get-system-storage>. */
import { SELECTOR_LEAVES } from './chassis-selectors.js';
import type { RpcGrammar } from './types.js';

export const getSystemStorageGrammar: RpcGrammar = {
  rpc: 'get-system-storage',
  cli: ['show', 'system', 'storage'],
  description: 'Show local storage data',
  permission: 'view',
  leaves: [
    { name: 'detail', type: { kind: 'empty' }, description: 'Display sizes in 1024-byte blocks' },
    ...SELECTOR_LEAVES,
  ],
};
