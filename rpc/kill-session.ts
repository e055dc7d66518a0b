import { child } from '../src/xml/element.js';
import { invalidElementValue, missingElement, permissionDenied } from '../src/errors/catalogue.js';
import type { RpcHandler } from './types.js';

const invalid = (message: string): Error => invalidElementValue('session-id', message);

/**
 * RFC 6241 7.9: ends another session and releases its locks; never the
 * caller's own. Ending another user's session is `request system logout`
 * on Junos, a maintenance command; a user may end its own other sessions.
 */
export const handler: RpcHandler = {
  name: 'kill-session',
  permission: 'any-user',
  handle: (op, ctx) => {
    const raw = child(op, 'session-id')?.text.trim() ?? op.attrs['session-id'];
    if (raw === undefined || raw === '') {
      throw missingElement('session-id', 'missing session-id');
    }
    if (!/^\d+$/.test(raw)) throw invalid(`invalid session-id '${raw}'`);
    const id = Number(raw);
    if (id === ctx.session.id) throw invalid('cannot kill the current session');
    const target = ctx.device.sessions.get(id);
    if (!target) throw invalid(`session ${id} does not exist`);
    if (target.user !== ctx.session.user && ctx.may?.('maintenance') === false) throw permissionDenied('kill-session');
    target.terminate(`killed by session ${ctx.session.id}`);
    return { kind: 'ok' };
  },
};
