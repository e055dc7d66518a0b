/** `show system snapshot` / <get-snapshot-information>. */
import { SELECTOR_LEAVES } from './chassis-selectors.js';
import { SNAPSHOT_MEDIA_VALUES } from './request-snapshot.js';
import type { RpcGrammar } from './types.js';

export const getSnapshotInformationGrammar: RpcGrammar = {
  rpc: 'get-snapshot-information',
  cli: ['show', 'system', 'snapshot'],
  description: 'Show snapshot information',
  permission: 'view',
  leaves: [
    { name: 'media', type: { kind: 'enum', values: SNAPSHOT_MEDIA_VALUES }, description: 'Media to show', valueName: 'type' },
    { name: 'slice', type: { kind: 'enum', values: ['1', '2', 'alternate'] }, description: 'Slice to show', valueName: 'slice' },
    ...SELECTOR_LEAVES,
  ],
};
