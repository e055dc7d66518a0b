/** <commit-configuration>: check, confirmed [confirm-timeout minutes], log (comment). */
import { CommitRefused, DEFAULT_CONFIRM_MINUTES } from '../src/junos-config/store.js';
import { domainError } from '../src/errors/domain.js';
import { RpcErrorInside } from '../src/errors/rpc-error.js';
import { child } from '../src/xml/element.js';
import type { XmlElement } from '../src/xml/element.js';
import { assertCanWrite, deviceSchemaReady, mayChangeCheck } from './configuration-common.js';
import type { RpcContext, RpcHandler, RpcReply } from './types.js';
import { outOfRange } from '../src/errors/catalogue.js';
import { commitResultsXml } from '../src/render/configuration-results.js';

function flag(op: XmlElement, name: string): boolean {
  return child(op, name) !== undefined || op.attrs[name] !== undefined;
}

export const handler: RpcHandler = {
  name: 'commit-configuration',
  permission: 'configure',
  async handle(op, ctx) {
    try {
      return await commitOrCheck(op, ctx);
    } catch (e) {
      // A refused check or commit: Junos puts the problems inside `<commit-results>` (Juniper/go-netconf's 15.1F4 and 16.1R3 replies).
      if (e instanceof CommitRefused) throw new RpcErrorInside(domainError(e)!.errors, 'commit-results');
      throw e;
    }
  },
};

async function commitOrCheck(op: XmlElement, ctx: RpcContext): Promise<RpcReply> {
  const store = ctx.device.configuration;
  const re = ctx.session.routingEngine;
  // The commit check reads the release's schema: wait for it rather than read it at once.
  await deviceSchemaReady(ctx);
  if (flag(op, 'check')) {
    await store.checkSliced(ctx.session);
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
  // Checked in slices; the lock again when the commit happens (another session may take it meanwhile).
  await store.commitSliced(ctx.session, ctx.session.user, { ...(comment ? { comment } : {}), ...(minutes !== undefined ? { confirmMinutes: minutes } : {}) }, () => assertCanWrite(ctx), mayChangeCheck(ctx));
  return { kind: 'body', body: commitResultsXml({ re, kind: 'commit', ...(confirmed ? { confirmMinutes: minutes } : {}) }) };
}
