/** `show bridge mac-table` / <get-bridge-mac-table>: MX only (bridge domains). */
import type { RpcGrammar } from './types.js';

export const getBridgeMacTableGrammar: RpcGrammar = {
  rpc: 'get-bridge-mac-table',
  cli: ['show', 'bridge', 'mac-table'],
  description: 'Show media access control table',
  permission: 'view',
  platforms: ['mx'],
  leaves: [{ name: 'count', type: { kind: 'empty' }, description: 'Number of MAC addresses' }],
};
