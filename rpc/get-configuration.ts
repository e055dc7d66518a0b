/**
 * <get-configuration>: `database` committed|candidate (default candidate),
 * `format` xml|text|set|json, a `<configuration>` subtree filter, and
 * `compare="rollback" rollback="N"` for a diff of the candidate against
 * rollback N (PyEZ's Config.diff). Rendering and comparing run in slices
 * (src/junos-config/slices.ts), on trees that cannot change meanwhile.
 */
import { diffTextWork, renderConfigurationWork, type ConfigFormat } from '../src/junos-config/render.js';
import { runSliced } from '../src/junos-config/slices.js';
import { filterTreeWork, type ConfigNode } from '../src/junos-config/tree.js';
import { child } from '../src/xml/element.js';
import { syntaxError } from '../src/xml/rpc-error.js';
import type { RpcHandler } from './types.js';
import { candidateStamp, shownTo, storedView } from './get-config.js';
import { committedWithVersion } from '../src/junos-config/version-statement.js';
import { configurationOutputXml } from '../src/render/configuration-results.js';
import { deviceSchemaReady } from './configuration-common.js';

const FORMATS: readonly ConfigFormat[] = ['xml', 'text', 'set', 'json'];

export const handler: RpcHandler = {
  name: 'get-configuration',
  permission: 'view',
  ownsFormat: true,
  async handle(op, ctx) {
    const store = ctx.device.configuration;
    const db = op.attrs['database'] ?? 'candidate';
    if (db !== 'candidate' && db !== 'committed') throw syntaxError(db, 'syntax error, expecting candidate or committed');
    const rawFormat = op.attrs['format'];
    const format: ConfigFormat = rawFormat === undefined ? ctx.format : rawFormat === 'ascii' ? 'text' : (rawFormat as ConfigFormat);
    if (!FORMATS.includes(format)) throw syntaxError(rawFormat ?? '', 'invalid value for format');
    if (op.attrs['compare'] === 'rollback') {
      const raw = op.attrs['rollback'] ?? '0';
      if (!/^\d+$/.test(raw) || Number(raw) > 49) throw syntaxError(raw, 'invalid rollback number');
      const n = Number(raw);
      const base = store.rollback(n);
      if (!base) throw syntaxError(raw, `rollback ${n} does not exist`);
      // The candidate (configuration mode, PyEZ) or with database="committed" the running configuration (`show configuration | compare`).
      const release = ctx.device.model.settings.softwareVersion;
      const compared = storedView(ctx, db === 'committed' ? 'running' : 'candidate');
      const diff = await runSliced(diffTextWork(shownTo(ctx, committedWithVersion(base, release)), shownTo(ctx, compared), await deviceSchemaReady(ctx)));
      return { kind: 'body', body: configurationOutputXml(diff) };
    }
    const stored = shownTo(ctx, storedView(ctx, db === 'committed' ? 'running' : 'candidate'));
    // inherit="inherit" (PyEZ's domain fact, its SW checks and config tables): the groups applied, groups="groups" says whose.
    // `defaults` adds junos-defaults on Junos; the emulator has no such group (docs/config-groups.md).
    const inherit = op.attrs['inherit'] === 'inherit' || op.attrs['inherit'] === 'defaults';
    const inherited = inherit ? await runSliced(store.inherited(stored)) : undefined;
    const tree = inherited?.tree ?? stored;
    const groupOf = inherited && op.attrs['groups'] === 'groups' ? (n: ConfigNode) => inherited.groupOf.get(n) : undefined;
    const filter = child(op, 'configuration');
    const shown = filter ? await runSliced(filterTreeWork(tree, filter)) : tree;
    // Junos heads the whole configuration with `## Last commit` (committed) or
    // `## Last changed` (candidate); a subtree in text (`show configuration
    // system ntp`) comes without it, and an absent one is empty text.
    // (The XML form keeps its junos:commit-*/changed-* attributes either way.)
    const stamped = !filter || format !== 'text';
    const info = stamped ? (db === 'committed' ? store.lastCommit() : candidateStamp(ctx)) : undefined;
    return { kind: 'body', body: await runSliced(renderConfigurationWork(shown, format, info, format === 'text' ? await deviceSchemaReady(ctx) : undefined, groupOf)) };
  },
};
