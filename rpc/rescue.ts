/**
 * The rescue configuration: `<request-save-rescue-configuration>` keeps the
 * committed configuration, `<request-delete-rescue-configuration>` drops it,
 * `<get-rescue-information>` shows it (PyEZ's Config.rescue('save'|'delete'|
 * 'get')); `load-configuration rescue="rescue"` and `rollback rescue` load it
 * (rpc/load-configuration.ts, the CLI). It is saved with the device's state:
 * the store's change reaches the disk before the reply (src/dispatch/durable.ts).
 */
import { deviceSchemaReady } from './configuration-common.js';
import { getRescueInformationGrammar, requestDeleteRescueGrammar, requestSaveRescueGrammar } from '../src/grammar/configuration-archive.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { renderConfigurationWork } from '../src/junos-config/render.js';
import { runSliced } from '../src/junos-config/slices.js';
import { RpcError } from '../src/xml/rpc-error.js';
import { endTag, startTag } from '../src/xml/writer.js';
import { asConfigurationOutput } from '../src/render/command-results.js';
import { shownTo } from './get-config.js';
import type { RpcHandler } from './types.js';

/** What Junos answers when there is no rescue configuration (wording chosen: docs/configuration-diff.md). */
export function noRescue(): RpcError {
  return new RpcError({ type: 'protocol', tag: 'operation-failed', severity: 'error', message: 'rescue configuration is not set' });
}

export const saveRescue: RpcHandler = {
  name: 'request-save-rescue-configuration',
  grammar: requestSaveRescueGrammar,
  handle(op, ctx) {
    parseRpcOptions(requestSaveRescueGrammar, op, ctx.device.model.dialect());
    ctx.device.configuration.saveRescue();
    return { kind: 'ok' };
  },
};

export const deleteRescue: RpcHandler = {
  name: 'request-delete-rescue-configuration',
  grammar: requestDeleteRescueGrammar,
  handle(op, ctx) {
    parseRpcOptions(requestDeleteRescueGrammar, op, ctx.device.model.dialect());
    // PyEZ: "this will result in an OK regardless if a rescue config exists or not".
    ctx.device.configuration.deleteRescue();
    return { kind: 'ok' };
  },
};

export const getRescueInformation: RpcHandler = {
  name: 'get-rescue-information',
  grammar: getRescueInformationGrammar,
  async handle(op, ctx) {
    parseRpcOptions(getRescueInformationGrammar, op, ctx.device.model.dialect());
    const rescue = ctx.device.configuration.rescue();
    if (!rescue) throw noRescue();
    const tree = shownTo(ctx, rescue);
    if (ctx.format === 'json') return { kind: 'body', body: await runSliced(renderConfigurationWork(tree, 'json', undefined)) };
    // Text: `rescue-information/configuration-information/configuration-output`, the path PyEZ reads.
    const inner = ctx.format === 'text' ? asConfigurationOutput(await runSliced(renderConfigurationWork(tree, 'text', undefined, await deviceSchemaReady(ctx)))) : await runSliced(renderConfigurationWork(tree, 'xml', undefined));
    return { kind: 'body', body: `${startTag('rescue-information')}\n${inner}${endTag('rescue-information')}\n` };
  },
};
