/**
 * Operational mode: one line in, its output on the screen. RPC-backed
 * commands go through src/command's parser to the RPC element `<command>`
 * would run and through the dispatcher, so options, checks, permissions and
 * output are the NETCONF ones; the CLI adds pipes, the pager and its own
 * commands (configure, set cli, show cli, start shell, exit).
 */
import { parseCommand } from '../command/parse-command.js';
import type { XmlElement } from '../xml/element.js';
import { RpcError } from '../xml/rpc-error.js';
import { caretText, errorText, hasError, isPermissionDenied } from './cli-errors.js';
import type { TerminalCommand } from './command-tree.js';
import type { CliContext, LineAction, RunResult } from './context.js';
import { filterDepth, relativeTo } from './subtree-text.js';
import { displayOf, filters, filterText, inheritanceAttrs, inheritanceOf, parsePipes, type Pipe, type PipeContext } from './pipes.js';
import { bodyText, displayRpc, displayXml } from './reply-text.js';
import { schemaFor } from '../junos-config/schema/catalog.js';
import type { Schema } from '../junos-config/schema/model.js';
import { afterEnd, CliSyntaxError, finishOptions, resolveCommand, walkOptions } from './walker.js';
import { joinWords, lex, type Word } from './words.js';

export function pipeContextOf(cmd: TerminalCommand | undefined): PipeContext {
  return { set: 'operational', configurationText: cmd?.target.kind === 'spec' && cmd.target.spec.kind === 'configuration' };
}

/** Prints a refused line; the caret counts from the start of the prompt. */
export function refuse(ctx: CliContext, err: CliSyntaxError): LineAction {
  ctx.screen.text(caretText(ctx.promptWidth(), err));
  return { kind: 'done', ok: false };
}

/** Runs one operational line. `offset` is where the line starts after the prompt (`run` in configuration mode). */
export async function runOperational(ctx: CliContext, commands: readonly TerminalCommand[], line: string, offset = 0): Promise<LineAction> {
  try {
    const lx = lex(line);
    if (lx.openQuote) throw new CliSyntaxError(line.length, 'syntax error, unterminated quoted string');
    if (lx.command.length === 0) {
      if (lx.pipes.length > 0) throw new CliSyntaxError(lx.pipeAt[0]!, 'syntax error, expecting <command>');
      return { kind: 'done', ok: true };
    }
    const { command, rest } = resolveCommand(commands, lx.command, line);
    const pipes = parsePipes(lx.pipes, lx.pipeAt, line, pipeContextOf(command));
    if (command.target.kind === 'builtin') return await builtin(ctx, command, rest, line, pipes);
    return await runSpec(ctx, command, rest, pipes, line);
  } catch (err) {
    if (err instanceof CliSyntaxError) return refuse(ctx, new CliSyntaxError(err.at + offset, err.message, err.candidates));
    throw err;
  }
}

async function builtin(ctx: CliContext, cmd: TerminalCommand, rest: readonly Word[], line: string, pipes: readonly Pipe[]): Promise<LineAction> {
  if (cmd.permission && !ctx.allows(cmd.permission)) throw hidden(cmd, line);
  const { given } = finishOptions(cmd, rest, line);
  const id = cmd.target.kind === 'builtin' ? cmd.target.id : undefined;
  switch (id) {
    case 'exit':
      return { kind: 'exit' };
    case 'configure':
      return { kind: 'configure', mode: given.has('private') ? 'private' : given.has('exclusive') ? 'exclusive' : 'shared' };
    case 'start-shell':
      return { kind: 'shell', shell: given.has('sh') ? 'sh' : 'csh' };
    case 'set-cli':
      await ctx.deliver(filterText(ctx.settings.set(cmd.words[2]!, given), pipes, ctx.settings.screenLength), undefined, false);
      return { kind: 'done', ok: true };
    case 'show-cli':
      await ctx.deliver(filterText(ctx.settings.show(ctx.workingDirectory ?? `/var/home/${ctx.user}`), pipes, ctx.settings.screenLength), undefined, !noMore(pipes));
      return { kind: 'done', ok: true };
    default:
      return { kind: 'done', ok: true };
  }
}

function noMore(pipes: readonly Pipe[]): boolean {
  return pipes.some((p) => p.kind === 'no-more');
}

/** A command the login class may not run is one it does not see: Junos's answer for an unknown word. */
function hidden(cmd: TerminalCommand, line: string): CliSyntaxError {
  const words = lex(line).command;
  const last = words[Math.min(cmd.words.length, words.length) - 1]!;
  return new CliSyntaxError(last.start, cmd.words.length === 1 ? 'unknown command' : 'syntax error, expecting <command>');
}

/** Where src/command's parser went wrong, under the word the walker finds (or the one it names). */
function parseErrorAt(cmd: TerminalCommand, rest: readonly Word[], line: string, err: RpcError): CliSyntaxError {
  const message = err.errors[0]!.message;
  try {
    finishOptions(cmd, rest, line);
  } catch (walked) {
    if (walked instanceof CliSyntaxError) return new CliSyntaxError(walked.at, message, walked.candidates);
  }
  const bad = err.errors[0]!.info?.find(([k]) => k === 'bad-element')?.[1]?.toLowerCase();
  const word = rest.find((w) => w.text.toLowerCase() === bad) ?? rest.find((w) => bad?.startsWith(w.text.toLowerCase()));
  return new CliSyntaxError(word ? word.start : afterEnd(line), message);
}

function withFormat(op: XmlElement, format: string): XmlElement {
  return { ...op, attrs: { ...op.attrs, format } };
}

export async function runSpec(ctx: CliContext, cmd: TerminalCommand, rest: readonly Word[], pipes: readonly Pipe[], line: string): Promise<LineAction> {
  const canonical = joinWords([...cmd.words, ...rest.map((w) => w.text)]);
  let op: XmlElement;
  try {
    op = parseCommand(canonical, ctx.platform, deviceSchema(ctx)).rpc;
  } catch (err) {
    if (err instanceof RpcError) throw parseErrorAt(cmd, rest, line, err);
    throw err;
  }
  // Choices that conflict are refused by the RPC too; the walker can point at the word.
  try {
    walkOptions(cmd, rest);
  } catch (err) {
    if (err instanceof CliSyntaxError && err.message.includes('conflicts with')) throw err;
  }
  const display = displayOf(pipes);
  if (display === 'rpc') {
    await ctx.deliver(filterText(displayRpc(op, ctx.device.release(), ctx.banner()), pipes, ctx.settings.screenLength), undefined, !noMore(pipes));
    return { kind: 'done', ok: true };
  }
  if (op.name === 'request-reboot' && !(await confirmed(ctx, 'Reboot the system ? [yes,no] (no) '))) return { kind: 'done', ok: true };
  const compare = pipes.find((p): p is Extract<Pipe, { kind: 'compare' }> => p.kind === 'compare');
  if (compare) op = { ...op, attrs: { ...op.attrs, compare: 'rollback', rollback: String(compare.rollback ?? 0) } };
  const format = compare ? 'text' : display === 'xml' || display === 'json' || display === 'set' ? display : 'text';
  const inheritance = inheritanceOf(pipes);
  if (inheritance && !compare) op = { ...op, attrs: { ...op.attrs, ...inheritanceAttrs(inheritance) } };
  const stream = display === undefined && !filters(pipes);
  const r = await ctx.run(withFormat(op, format), canonical, stream);
  if (isPermissionDenied(r.outcome.errors, op.name)) throw hidden(cmd, line);
  let text = present(ctx, r, display);
  // `show configuration system services` prints what is inside the hierarchy.
  if (cmd.target.kind === 'spec' && cmd.target.spec.kind === 'configuration' && display === undefined && !compare) text = relativeTo(text, filterDepth(op));
  await ctx.deliver(filterText(text, pipes, ctx.settings.screenLength), r, !noMore(pipes));
  return { kind: 'done', ok: !hasError(r.outcome.errors) };
}

/** The configuration schema of the device's release (preloaded at start): it reads configuration paths. */
export function deviceSchema(ctx: CliContext): Schema {
  return schemaFor(ctx.device.model.spec.line, ctx.device.model.settings.softwareVersion);
}

/** What a reply prints, less what was streamed while it ran. */
export function present(ctx: CliContext, r: RunResult, display: string | undefined): string {
  const { outcome } = r;
  const body = outcome.okBody && hasError(outcome.errors) ? '' : outcome.body;
  if (display === 'xml') {
    const messages = outcome.errors.map((e) => e.message);
    // Only a configuration needs the schema (which statements are containers); operational replies never load it.
    const schema = body.startsWith('<configuration') ? deviceSchema(ctx) : undefined;
    return displayXml(body, messages, ctx.device.release(), ctx.banner(), schema);
  }
  let text = bodyText(body);
  if (r.streamed !== '') text = text.startsWith(r.streamed) ? text.slice(r.streamed.length) : text;
  return text + errorText(outcome.errors);
}

/** A yes/no question; only `yes` (or a prefix of it) goes on. */
export async function confirmed(ctx: CliContext, question: string): Promise<boolean> {
  const answer = (await ctx.ask(question))?.trim().toLowerCase();
  return answer !== undefined && answer !== '' && 'yes'.startsWith(answer);
}
