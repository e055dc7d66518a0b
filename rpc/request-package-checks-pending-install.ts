/**
 * <request-package-checks-pending-install>: what PyEZ 2.8.0's SW.install
 * asks first. Text and shape follow PyEZ's fixtures (an empty `<output>` and
 * package-result 0; the "already an install pending" text and 1). Chosen:
 * the RPC exists on Junos with upgraded FreeBSD only; older releases answer
 * it as an unknown RPC, which PyEZ reports and carries on from.
 */
import { PROFILES } from '../src/engine/index.js';
import { releaseRow } from '../src/engine/releases/index.js';
import { syntaxError } from '../src/errors/catalogue.js';
import { outputXml, packageAddXml } from '../src/render/operation-results.js';
import type { RpcHandler } from './types.js';

const PENDING = [
  'There is already an install pending.',
  "    Use the 'request system reboot' command to complete the install,",
  "    or the 'request system software rollback' command to back it out.",
];

export const handler: RpcHandler = {
  name: 'request-package-checks-pending-install',
  permission: 'maintenance',
  handle(op, ctx) {
    const line = PROFILES[ctx.device.profile].line;
    if (releaseRow(line, ctx.device.model.settings.softwareVersion).snapshot !== 'junos-volume') throw syntaxError(op.name);
    const pending = ctx.device.system.pending !== null;
    const text = pending ? PENDING.join('\n') + '\n' : '';
    if (ctx.format === 'text') return { kind: 'body', body: outputXml(text) };
    return { kind: 'body', body: packageAddXml(text, pending ? 1 : 0) };
  },
};
