/** <commit-configuration>: check, confirmed [confirm-timeout minutes], log (comment). */
import { DEFAULT_CONFIRM_MINUTES } from '../src/junos-config/store.js';
import { child } from '../src/xml/element.js';
import { assertCanWrite, assertMayChange } from './configuration-common.js';
import type { RpcHandler } from './types.js';
import { outOfRange } from '../src/errors/catalogue.js';
import { commitResultsXml } from '../src/render/configuration-results.js';

function flag(op: Parameters<RpcHandler['handle']>[0], name: string): boolean {
  return child(op, name) !== undefined || op.attrs[name] !== undefined;
}

export const handler: RpcHandler = {
  name: 'commit-configuration',
  permission: 'configure',
  handle(op, ctx) {
    const store = ctx.device.configuration;
    const re = ctx.session.routingEngine;
    if (flag(op, 'check')) {
      store.check(ctx.session);
      return { kind: 'body', body: commitResultsXml({ re, kind: 'check' }) };
    }
    assertCanWrite(ctx);
    const confirmed = flag(op, 'confirmed');
    const rawTimeout = child(op, 'confirm-timeout')?.text.trim();
    let minutes: number | undefined;
    if (confirmed) {
      minutes = rawTimeout ? Number(rawTimeout) : DEFAULT_CONFIRM_MINUTES;
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 65535) {
        throw outOfRange('confirm-timeout', rawTimeout ?? '', 1, 65535);
      }
    }
    const comment = child(op, 'log')?.text.trim();
    assertMayChange(ctx, store.committed(), store.candidate(ctx.session));
    store.commit(ctx.session, ctx.session.user, { ...(comment ? { comment } : {}), ...(minutes !== undefined ? { confirmMinutes: minutes } : {}) });
    return { kind: 'body', body: commitResultsXml({ re, kind: 'commit', ...(confirmed ? { confirmMinutes: minutes } : {}) }) };
  },
};
