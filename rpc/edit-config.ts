/** NETCONF <edit-config> on the candidate, and <commit> / <validate> (RFC 6241 8.3, 8.4, 8.6). */
import { checkEditsWork } from '../src/junos-config/check-edits.js';
import { runSliced } from '../src/junos-config/slices.js';
import { parseTextWork } from '../src/junos-config/text-format.js';
import { editsFromXml, type EditNode } from '../src/junos-config/tree.js';
import { child } from '../src/xml/element.js';
import { assertCanWrite, deviceSchemaReady, mayChangeCheck } from './configuration-common.js';
import { readDatastore } from './datastore-target.js';
import type { RpcHandler } from './types.js';
import { candidateOnly, dataMissing, missingWrapper, statementNotFoundWarning } from '../src/errors/catalogue.js';
import { dropEmptyContainersWork } from '../src/junos-config/empty-statements.js';
import { atLeast } from '../src/engine/releases/version.js';

const notCandidate = candidateOnly;

/**
 * `operation="delete"` of an absent statement: a warning beside `<ok/>` before
 * 23.1R1, an error-tag data-missing from it on (Juniper's page on the NETCONF
 * `operation` attribute, "Release Information"). `operation="remove"` is silent.
 */
const DATA_MISSING_FROM = '23.1';

export const editConfig: RpcHandler = {
  name: 'edit-config',
  permission: 'configure',
  async handle(op, ctx) {
    if (readDatastore(op, 'target') !== 'candidate') throw notCandidate('edit-config');
    assertCanWrite(ctx);
    const mode = child(op, 'default-operation')?.text.trim() ?? 'merge';
    const config = child(op, 'config');
    const text = child(op, 'config-text');
    let edits: EditNode[];
    const schema = await deviceSchemaReady(ctx);
    if (config) {
      const root = child(config, 'configuration');
      edits = await runSliced(editsFromXml(root ? root.children : config.children));
    } else if (text) {
      edits = await runSliced(parseTextWork(child(text, 'configuration-text')?.text ?? text.text, schema));
    } else {
      throw missingWrapper('config', 'edit-config');
    }
    await runSliced(checkEditsWork(edits, schema));
    const empty = text && !config ? await runSliced(dropEmptyContainersWork(edits, schema)) : [];
    const refuseAbsent = atLeast(ctx.device.model.settings.softwareVersion, DATA_MISSING_FROM);
    const found = await ctx.device.configuration.loadSliced(
      ctx.session,
      edits,
      mode === 'replace' ? 'override' : 'merge',
      (_before, _after, warnings) => {
        // From 23.1 an absent delete is an error and changes nothing (all at once or not at all).
        if (refuseAbsent && warnings.some((w) => w.deletion)) throw dataMissing();
        assertCanWrite(ctx);
      },
      mayChangeCheck(ctx),
    );
    const warnings = [...empty, ...found.map(() => statementNotFoundWarning())];
    return warnings.length > 0 ? { kind: 'ok', warnings } : { kind: 'ok' };
  },
};

export const commit: RpcHandler = {
  name: 'commit',
  permission: 'configure',
  async handle(op, ctx) {
    assertCanWrite(ctx);
    // RFC 6241 gives confirm-timeout in seconds; Junos rounds up to whole minutes.
    const secs = child(op, 'confirm-timeout')?.text.trim();
    const confirmed = child(op, 'confirmed') !== undefined;
    const minutes = confirmed ? Math.max(1, Math.ceil(Number(secs ?? '600') / 60)) : undefined;
    const store = ctx.device.configuration;
    // The commit check reads the release's schema: wait for it rather than read it at once.
    await deviceSchemaReady(ctx);
    await store.commitSliced(ctx.session, ctx.session.user, minutes !== undefined ? { confirmMinutes: minutes } : {}, () => assertCanWrite(ctx), mayChangeCheck(ctx));
    return { kind: 'ok' };
  },
};

export const validate: RpcHandler = {
  name: 'validate',
  permission: 'configure',
  async handle(op, ctx) {
    readDatastore(op, 'source');
    await deviceSchemaReady(ctx);
    await ctx.device.configuration.checkSliced(ctx.session);
    return { kind: 'ok' };
  },
};
