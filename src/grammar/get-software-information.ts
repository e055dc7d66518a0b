/** `show version` / <get-software-information>. */
import type { RpcGrammar } from './types.js';

export const getSoftwareInformationGrammar: RpcGrammar = {
  rpc: 'get-software-information',
  cli: ['show', 'version'],
  description: 'Show software process revision levels',
  permission: 'view',
  leaves: [
    { name: 'brief', type: { kind: 'empty' }, description: 'Display brief output' },
    { name: 'detail', type: { kind: 'empty' }, description: 'Display detailed output' },
    {
      name: 'invoke-on',
      type: { kind: 'enum', values: ['all-routing-engines', 'other-routing-engine'] },
      description: 'Invoke the command on the given routing engines',
      valueName: 'routing-engines',
    },
  ],
};
