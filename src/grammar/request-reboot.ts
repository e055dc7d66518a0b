/** `request system reboot` / <request-reboot>. */
import { MEMBER_SELECTOR_LEAVES } from './chassis-selectors.js';
import type { RpcGrammar } from './types.js';

export const requestRebootGrammar: RpcGrammar = {
  rpc: 'request-reboot',
  cli: ['request', 'system', 'reboot'],
  description: 'Reboot the system',
  permission: 'maintenance',
  leaves: [
    { name: 'in', type: { kind: 'uint', min: 0, max: 10080 }, description: 'Number of minutes to delay before rebooting', valueName: 'minutes' },
    { name: 'both-routing-engines', type: { kind: 'empty' }, description: 'Reboot both Routing Engines' },
    { name: 'other-routing-engine', type: { kind: 'empty' }, description: 'Reboot the other Routing Engine' },
    { name: 'message', type: { kind: 'string' }, description: 'Message to display to all users', valueName: 'text' },
    // PyEZ's SW.reboot names virtual-chassis members (`all-members`, `member N`).
    ...MEMBER_SELECTOR_LEAVES,
  ],
};
