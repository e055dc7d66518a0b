/**
 * <get-rollback-information>: `show system rollback N` (the configuration of
 * N commits ago) and `show system rollback N compare M` (the diff from N to
 * M, Junos's `show | compare` text). Shapes from Juniper's NETCONF guide
 * ("Retrieve a Previous (Rollback) Configuration", "Compare Two Previous
 * (Rollback) Configurations"): `rollback-information` with `<ok/>`, then the
 * `configuration` (XML) or `configuration-information/configuration-output` (text, diff).
 */
import { deviceSchemaReady } from './configuration-common.js';
import { getRollbackInformationGrammar } from '../src/grammar/configuration-archive.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { configurationDiffWork } from '../src/junos-config/diff.js';
import { renderConfigurationWork } from '../src/junos-config/render.js';
import { runSliced } from '../src/junos-config/slices.js';
import { missingArgument } from '../src/errors/catalogue.js';
import { syntaxError } from '../src/xml/rpc-error.js';
import { emptyTag, endTag, startTag } from '../src/xml/writer.js';
import { asConfigurationOutput } from '../src/render/command-results.js';
import { configurationOutputXml } from '../src/render/configuration-results.js';
import { shownTo } from './get-config.js';
import type { RpcHandler } from './types.js';
import type { ConfigNode } from '../src/junos-config/tree.js';

export const handler: RpcHandler = {
  name: 'get-rollback-information',
  grammar: getRollbackInformationGrammar,
  async handle(op, ctx) {
    const opts = parseRpcOptions(getRollbackInformationGrammar, op, ctx.device.model.dialect());
    const store = ctx.device.configuration;
    const raw = opts.get('rollback');
    if (raw === undefined || raw === true) throw missingArgument('rollback', 'number');
    const revision = (v: string): ConfigNode => {
      const t = store.rollback(Number(v));
      if (!t) throw syntaxError(v, `rollback ${v} does not exist`);
      return t;
    };
    const base = revision(raw);
    const against = opts.get('compare');
    let inner: string;
    if (typeof against === 'string') {
      inner = configurationOutputXml(await runSliced(configurationDiffWork(shownTo(ctx, base), shownTo(ctx, revision(against)), await deviceSchemaReady(ctx))));
    } else {
      const tree = shownTo(ctx, base);
      const info = store.commitInfo(Number(raw));
      if (ctx.format === 'json') return { kind: 'body', body: await runSliced(renderConfigurationWork(tree, 'json', info)) };
      inner = ctx.format === 'text' ? asConfigurationOutput(await runSliced(renderConfigurationWork(tree, 'text', info, await deviceSchemaReady(ctx)))) : await runSliced(renderConfigurationWork(tree, 'xml', info));
    }
    return { kind: 'body', body: `${startTag('rollback-information')}\n${emptyTag('ok')}\n${inner}${endTag('rollback-information')}\n` };
  },
};
