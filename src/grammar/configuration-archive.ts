/**
 * The saved configurations beside the candidate: the rescue configuration
 * (`request system configuration rescue save|delete`, `show system
 * configuration rescue`) and the commit history (`show system rollback N
 * [compare M]`). Names and leaves from Juniper/yang junos-rpc-system and
 * junos-rpc-request (21.4R1); permissions as Juniper documents the CLI
 * commands: `maintenance` to change the rescue configuration, `view` to read.
 */
import type { RpcGrammar } from './types.js';

export const requestSaveRescueGrammar: RpcGrammar = {
  rpc: 'request-save-rescue-configuration',
  cli: ['request', 'system', 'configuration', 'rescue', 'save'],
  description: 'Save committed configuration as rescue configuration',
  permission: 'maintenance',
  leaves: [],
};

export const requestDeleteRescueGrammar: RpcGrammar = {
  rpc: 'request-delete-rescue-configuration',
  cli: ['request', 'system', 'configuration', 'rescue', 'delete'],
  description: 'Delete the rescue configuration',
  permission: 'maintenance',
  leaves: [],
};

export const getRescueInformationGrammar: RpcGrammar = {
  rpc: 'get-rescue-information',
  cli: ['show', 'system', 'configuration', 'rescue'],
  description: 'Show rescue configuration',
  permission: 'view',
  leaves: [],
};

const ROLLBACK_NUMBER = { kind: 'uint', min: 0, max: 49 } as const;

export const getRollbackInformationGrammar: RpcGrammar = {
  rpc: 'get-rollback-information',
  cli: ['show', 'system', 'rollback'],
  description: 'Show rolled back configuration',
  permission: 'view',
  leaves: [
    { name: 'rollback', type: ROLLBACK_NUMBER, description: 'Rollback number to display', valueName: 'number', positional: true },
    { name: 'compare', type: ROLLBACK_NUMBER, description: 'Rollback number to compare', valueName: 'number' },
  ],
};
