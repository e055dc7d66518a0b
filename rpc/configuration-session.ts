/**
 * Junos configuration-session RPCs: lock-configuration, unlock-configuration,
 * open-configuration / close-configuration (private candidates), and
 * discard-changes (the same element as NETCONF's).
 */
import { child } from '../src/xml/element.js';
import { syntaxError } from '../src/xml/rpc-error.js';
import { assertCanWrite } from './configuration-common.js';
import type { RpcContext, RpcHandler } from './types.js';
import { databaseModified, privateDiscardWarning, privateRefused, sharedDatabaseModified } from '../src/errors/catalogue.js';

/** Locks the shared candidate for `lock-configuration` and NETCONF `<lock>` alike. */
export function lockCandidate(ctx: RpcContext, operation = 'lock-configuration'): void {
  // Junos (and RFC 6241 7.5) refuse a lock while the shared candidate holds uncommitted changes.
  if (ctx.device.configuration.isModified() && ctx.device.locks.holder('candidate') === undefined) {
    throw databaseModified(operation);
  }
  ctx.device.locks.lock('candidate', ctx.session.id, ctx.session.user);
}

export const lockConfiguration: RpcHandler = {
  name: 'lock-configuration',
  permission: 'configure',
  handle: (_op, ctx) => {
    lockCandidate(ctx);
    return { kind: 'ok' };
  },
};

export const unlockConfiguration: RpcHandler = {
  name: 'unlock-configuration',
  permission: 'configure',
  handle: (_op, ctx) => {
    ctx.device.locks.unlock('candidate', ctx.session.id);
    return { kind: 'ok' };
  },
};

export const openConfiguration: RpcHandler = {
  name: 'open-configuration',
  permission: 'configure',
  handle: (op, ctx) => {
    // Text where an element belongs (`<open-configuration>private</open-configuration>`): Junos refuses it (netconf-java#7).
    const text = op.text.trim();
    if (text !== '') throw syntaxError(text, 'syntax error, expecting <invoke-on>');
    if (child(op, 'private') || op.attrs['private'] !== undefined) {
      if (ctx.device.locks.holder('candidate') !== undefined && ctx.device.locks.holder('candidate') !== ctx.session.id) {
        throw privateRefused();
      }
      const store = ctx.device.configuration;
      // Junos lets nobody into a private candidate while the shared one holds uncommitted changes.
      if (!store.hasPrivate(ctx.session) && store.isModified()) throw sharedDatabaseModified();
      store.openPrivate(ctx.session);
      return { kind: 'body', body: '', warnings: [privateDiscardWarning()] };
    } else if (child(op, 'exclusive') || op.attrs['exclusive'] !== undefined) {
      lockCandidate(ctx);
    } else if (op.children.length > 0) {
      throw syntaxError(op.children[0]!.name);
    }
    return { kind: 'ok' };
  },
};

export const closeConfiguration: RpcHandler = {
  name: 'close-configuration',
  permission: 'configure',
  handle: (_op, ctx) => {
    ctx.device.configuration.closePrivate(ctx.session);
    if (ctx.device.locks.holder('candidate') === ctx.session.id) ctx.device.locks.unlock('candidate', ctx.session.id);
    return { kind: 'ok' };
  },
};

export const discardChanges: RpcHandler = {
  name: 'discard-changes',
  permission: 'configure',
  handle: (_op, ctx) => {
    assertCanWrite(ctx);
    ctx.device.configuration.discard(ctx.session);
    return { kind: 'ok' };
  },
};
