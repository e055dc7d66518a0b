/** `request system software add` / <request-package-add>. */
import type { RpcGrammar } from './types.js';

export const requestPackageAddGrammar: RpcGrammar = {
  rpc: 'request-package-add',
  cli: ['request', 'system', 'software', 'add'],
  description: 'Add extension or upgrade package',
  permission: 'maintenance',
  leaves: [
    { name: 'package-name', type: { kind: 'string' }, description: 'URL or pathname of package', valueName: 'package-name', positional: true },
    { name: 'validate', type: { kind: 'empty' }, description: 'Check compatibility with current configuration', group: 'validate' },
    { name: 'no-validate', type: { kind: 'empty' }, description: "Don't check compatibility with current configuration", group: 'validate' },
    { name: 'reboot', type: { kind: 'empty' }, description: 'Reboot system after adding package' },
    { name: 'no-copy', type: { kind: 'empty' }, description: "Don't save copies of package files" },
    { name: 'force', type: { kind: 'empty' }, description: 'Ignore warnings' },
    // 13.1 command page: unlink on every syntax but the EX one; member on EX and MX (virtual chassis).
    { name: 'unlink', type: { kind: 'empty' }, description: 'Remove the package after successful installation', platforms: ['mx', 'txmatrix', 'txmatrix-plus', 'j-series', 'srx-branch'] },
    { name: 'member', type: { kind: 'uint', min: 0, max: 9 }, description: 'Install package on specific virtual chassis member', valueName: 'member-id', platforms: ['ex', 'mx'] },
    // PyEZ's SW.install names each RE of a dual-RE box in turn.
    { name: 're0', type: { kind: 'empty' }, description: 'Install on routing engine 0', group: 're' },
    { name: 're1', type: { kind: 'empty' }, description: 'Install on routing engine 1', group: 're' },
  ],
};
