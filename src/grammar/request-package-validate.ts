/** `request system software validate PACKAGE` / <request-package-validate>. */
import type { RpcGrammar } from './types.js';

export const requestPackageValidateGrammar: RpcGrammar = {
  rpc: 'request-package-validate',
  cli: ['request', 'system', 'software', 'validate'],
  description: 'Verify package compatibility with current configuration',
  permission: 'maintenance',
  leaves: [
    { name: 'package-name', type: { kind: 'string' }, description: 'URL or pathname of package', valueName: 'package-name', positional: true },
    { name: 'member', type: { kind: 'uint', min: 0, max: 9 }, description: 'Validate package on specific virtual chassis member', valueName: 'member-id', platforms: ['ex', 'mx'] },
  ],
};
