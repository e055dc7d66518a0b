/** `show chassis routing-engine` / <get-route-engine-information>. */
import type { RpcGrammar } from './types.js';

export const getRouteEngineInformationGrammar: RpcGrammar = {
  rpc: 'get-route-engine-information',
  cli: ['show', 'chassis', 'routing-engine'],
  description: 'Show Routing Engine status',
  permission: 'view',
  leaves: [
    { name: 'slot', type: { kind: 'uint', min: 0, max: 1 }, description: 'Routing Engine slot (0..1)', valueName: 'slot', positional: true },
    { name: 'brief', type: { kind: 'empty' }, description: 'Display brief output' },
    { name: 'detail', type: { kind: 'empty' }, description: 'Display detailed output' },
  ],
};
