/** <load-configuration>: XML, text or set input; merge, replace, override, update; or `rollback="N"`, `rescue="rescue"`. */
import type { LoadAction } from '../src/junos-config/store.js';
import { syntaxError } from '../src/xml/rpc-error.js';
import { RpcErrorInside, type RpcErrorInfo } from '../src/errors/rpc-error.js';
import { assertCanWrite, deviceSchemaReady, mayChangeCheck, readPayload, writeGuard } from './configuration-common.js';
import type { RpcHandler } from './types.js';
import { noRescue } from './rescue.js';
import { loadConfigurationResultsXml } from '../src/render/configuration-results.js';
import { EditConflict } from '../src/junos-config/tree.js';
import { loadError } from '../src/junos-config/text-format.js';

const ACTIONS = ['merge', 'replace', 'override', 'update', 'set'] as const;

export const handler: RpcHandler = {
  name: 'load-configuration',
  permission: 'configure',
  ownsFormat: true,
  async handle(op, ctx) {
    assertCanWrite(ctx);
    const store = ctx.device.configuration;
    const rollback = op.attrs['rollback'];
    let warnings: Array<string | RpcErrorInfo> = [];
    if (op.attrs['rescue'] !== undefined) {
      // PyEZ's Config.rescue('reload'): the rescue configuration becomes the candidate.
      if (!store.rescue()) throw noRescue();
      store.loadRescue(ctx.session, writeGuard(ctx));
    } else if (rollback !== undefined) {
      if (!/^\d+$/.test(rollback) || Number(rollback) > 49) throw syntaxError(rollback, 'invalid rollback number');
      store.loadRollback(ctx.session, Number(rollback), writeGuard(ctx));
    } else {
      if (op.attrs['url'] !== undefined) throw syntaxError('url', 'loading from a URL is not supported by the emulator');
      const action = op.attrs['action'] ?? 'merge';
      if (!(ACTIONS as readonly string[]).includes(action)) throw syntaxError(action, 'invalid value for action');
      const { edits, refused, warnings: read } = await readPayload(op, op.attrs['format'] ?? 'xml', action, await deviceSchemaReady(ctx));
      // Checked again as the candidate changes: another session may have locked it while this one was read.
      // A partly refused load still loads what was read, as Junos does; an override then would empty the candidate, so it loads nothing.
      const partial = refused.length > 0;
      if (!partial || action !== 'override') {
        const loaded = await store
          .loadSliced(ctx.session, edits, action === 'set' || action === 'update' ? 'merge' : (action as LoadAction), () => assertCanWrite(ctx), mayChangeCheck(ctx))
          .catch((e: unknown) => {
            // An `insert` whose referent is not there refuses the load, inside its results as Junos's load errors are.
            if (e instanceof EditConflict && e.tag === 'data-missing') throw new RpcErrorInside(loadError(e.message, e.badElement, e.path).errors, 'load-configuration-results');
            throw e;
          });
        warnings = [...read, ...loaded.map((w) => w.message)];
      }
      // The refusals and the warnings (the 19.4 reply), then how many (a 15.1X49 reply to Ansible's XML), inside the results; no <ok/>.
      if (partial) throw new RpcErrorInside([...refused, ...read], 'load-configuration-results', `<load-error-count>${refused.length}</load-error-count>\n`);
    }
    return { kind: 'body', body: loadConfigurationResultsXml(warnings) };
  },
};
