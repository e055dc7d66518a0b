/** `request system software rollback` / <request-package-rollback>. */
import type { RpcGrammar } from './types.js';

export const requestPackageRollbackGrammar: RpcGrammar = {
  rpc: 'request-package-rollback',
  cli: ['request', 'system', 'software', 'rollback'],
  description: 'Attempt to roll back to previous set of packages',
  permission: 'maintenance',
  leaves: [],
};
