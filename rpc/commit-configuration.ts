/** <commit-configuration>: check, confirmed [confirm-timeout minutes], log (comment). */
import { CommitRefused, DEFAULT_CONFIRM_MINUTES } from '../src/junos-config/store.js';
import { domainError } from '../src/errors/domain.js';
import { RpcErrorInside } from '../src/errors/rpc-error.js';
import { child } from '../src/xml/element.js';
import { assertCanWrite, assertMayChange } from './configuration-common.js';
import type { RpcContext, RpcHandler, RpcReply } from './types.js';
import type { XmlElement } from '../src/xml/element.js';
import { outOfRange } from '../src/errors/catalogue.js';
import { commitResultsXml } from '../src/render/configuration-results.js';

function flag(op: Parameters<RpcHandler['handle']>[0], name: string): boolean {
  return child(op, name) !== undefined || op.attrs[name] !== undefined;
}

/** A refused check or commit: Junos puts the problems inside `<commit-results>` (Juniper/go-netconf's 15.1F4 and 16.1R3 replies). */
function insideResults<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof CommitRefused) throw new RpcErrorInside(domainError(e)!.errors, 'commit-results');
    throw e;
  }
}

export const handler: RpcHandler = {
  name: 'commit-configuration',
  permission: 'configure',
  handle(op, ctx) {
    return insideResults(() => commitOrCheck(op, ctx));
  },
};

function commitOrCheck(op: XmlElement, ctx: RpcContext): RpcReply {
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
}
