/**
 * <command>: runs a CLI command. The CLI parser turns the words into the
 * equivalent RPC, which runs through the registry with that RPC's own
 * permission, so the CLI and the RPC cannot answer differently.
 */
import { parseCommand } from '../src/command/parse-command.js';
import { deviceSchemaReady } from './configuration-common.js';
import { asConfigurationOutput, displayRpcXml } from '../src/render/command-results.js';
import { outputXml } from '../src/render/operation-results.js';
import type { OutputFormat, RpcHandler, RpcReply } from './types.js';
import { expecting } from '../src/errors/catalogue.js';
import { filterDepth, relativeTo } from '../src/terminal/subtree-text.js';
import { endTag, startTag } from '../src/xml/writer.js';

/** The CLI prints what `| display xml|json` produced; a text request gets it as text. */
function asText(reply: RpcReply): RpcReply {
  if (reply.kind === 'ok') return reply;
  return { ...reply, body: outputXml(reply.body) };
}

/**
 * `show configuration` in text is `<configuration-information><configuration-output>`;
 * with a path (`show configuration system services`) the CLI prints what is
 * inside that hierarchy, unwrapped, as Junos does.
 */
function configurationOutput(reply: RpcReply, depth: number): RpcReply {
  if (reply.kind === 'ok') return reply;
  return { ...reply, body: asConfigurationOutput(depth > 0 ? unwrapText(reply.body, depth) : reply.body) };
}

function unwrapText(body: string, depth: number): string {
  const open = `${startTag('configuration-text')}\n`;
  const close = endTag('configuration-text');
  if (!body.startsWith(open) || !body.trimEnd().endsWith(close)) return body;
  const inner = body.slice(open.length, body.lastIndexOf(close));
  return `${open}${relativeTo(inner, depth)}${body.slice(body.lastIndexOf(close))}`;
}

export const handler: RpcHandler = {
  name: 'command',
  permission: 'any-user',
  async handle(op, ctx) {
    const line = op.text.trim();
    if (line === '' || op.children.length > 0) throw expecting('command', op.children[0]?.name ?? 'command');
    // The running release decides which options exist (its release family row).
    const parsed = parseCommand(line, ctx.device.model.dialect(), await deviceSchemaReady(ctx));
    if (parsed.display === 'rpc') {
      const rpc = displayRpcXml(parsed.rpc);
      return { kind: 'body', body: ctx.format === 'text' ? outputXml(rpc) : rpc };
    }
    if (!ctx.invoke) throw new Error('<command> needs a session that can dispatch');
    const format: OutputFormat = parsed.display === 'xml' ? 'xml' : parsed.display === 'json' ? 'json' : ctx.format;
    const reply = await ctx.invoke(parsed.rpc, format);
    if (parsed.display !== 'default' && ctx.format === 'text') return asText(reply);
    if (parsed.configuration && format === 'text') return configurationOutput(reply, filterDepth(parsed.rpc));
    return reply;
  },
};
