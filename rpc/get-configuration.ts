/**
 * <get-configuration>: `database` committed|candidate (default candidate),
 * `format` xml|text|set|json, a `<configuration>` subtree filter, and
 * `compare="rollback" rollback="N"` for a diff (PyEZ's Config.diff).
 */
import { diffText, renderConfiguration, type ConfigFormat } from '../src/configuration/render.js';
import { filterTree } from '../src/configuration/tree.js';
import { child } from '../src/xml/element.js';
import { escapeText } from '../src/xml/escape.js';
import { syntaxError } from '../src/xml/rpc-error.js';
import type { RpcHandler } from './types.js';

const FORMATS: readonly ConfigFormat[] = ['xml', 'text', 'set', 'json'];

export const handler: RpcHandler = {
  name: 'get-configuration',
  permission: 'view',
  ownsFormat: true,
  handle(op, ctx) {
    const store = ctx.device.configuration;
    const db = op.attrs['database'] ?? 'candidate';
    if (db !== 'candidate' && db !== 'committed') throw syntaxError(db, 'syntax error, expecting candidate or committed');
    const rawFormat = op.attrs['format'];
    const format: ConfigFormat = rawFormat === undefined ? ctx.format : rawFormat === 'ascii' ? 'text' : (rawFormat as ConfigFormat);
    if (!FORMATS.includes(format)) throw syntaxError(rawFormat ?? '', 'invalid value for format');
    if (op.attrs['compare'] === 'rollback') {
      const n = Number(op.attrs['rollback'] ?? '0');
      const base = n === 0 ? store.committed() : undefined;
      const candidate = store.candidate(ctx.session);
      const diff = diffText(base ?? store.committed(), candidate);
      return { kind: 'body', body: `<configuration-information>\n<configuration-output>${escapeText(diff)}</configuration-output>\n</configuration-information>\n` };
    }
    const tree = db === 'committed' ? store.committed() : store.candidate(ctx.session);
    const filter = child(op, 'configuration');
    const shown = filter ? filterTree(tree, filter) : tree;
    return { kind: 'body', body: renderConfiguration(shown, format, db === 'committed' ? store.lastCommit() : undefined) };
  },
};
