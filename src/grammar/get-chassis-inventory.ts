/** `show chassis hardware` / <get-chassis-inventory>. */
import type { RpcGrammar } from './types.js';

export const getChassisInventoryGrammar: RpcGrammar = {
  rpc: 'get-chassis-inventory',
  cli: ['show', 'chassis', 'hardware'],
  description: 'Show installed hardware components',
  permission: 'view',
  leaves: [
    { name: 'detail', type: { kind: 'empty' }, description: 'Display detailed output' },
    { name: 'extensive', type: { kind: 'empty' }, description: 'Display extensive output' },
  ],
};
