/** `show ethernet-switching table` / <get-ethernet-switching-table-information>: switching platforms only. */
import type { RpcGrammar } from './types.js';

export const getEthernetSwitchingTableGrammar: RpcGrammar = {
  rpc: 'get-ethernet-switching-table-information',
  cli: ['show', 'ethernet-switching', 'table'],
  description: 'Show media access control table',
  permission: 'view',
  // EX4300 and branch SRX on 15.1X49 run the ELS (L2NG) switching daemon.
  platforms: ['ex', 'srx-branch'],
  leaves: [
    { name: 'summary', type: { kind: 'empty' }, description: 'Display summary output', group: 'style' },
    { name: 'brief', type: { kind: 'empty' }, description: 'Display brief output', group: 'style' },
    { name: 'detail', type: { kind: 'empty' }, description: 'Display detailed output', group: 'style' },
  ],
};
