/**
 * Configuration mode: `[edit ...]` levels and the commands that change and
 * commit the candidate. Every change is the configuration RPC NETCONF uses
 * (load-configuration with `set`/`delete` lines, commit-configuration,
 * get-configuration, open/close-configuration, lock/unlock), run through the
 * dispatcher, so datastores, locks, permissions and commit checks are one.
 */
import { parseCommand } from '../command/parse-command.js';
import { pathFilter } from '../junos-config/path-filter.js';
import { element, type XmlElement } from '../xml/element.js';
import type { RpcErrorInfo } from '../xml/rpc-error.js';
import { findText, parseFragment } from '../xml/fragment.js';
import { errorText, hasError, warningText } from './cli-errors.js';
import { CHECK_OUT_FAILED_MANDATORY } from '../errors/domain.js';
import { configurationCommands, type TerminalCommand } from './command-tree.js';
import type { CliContext } from './context.js';
import { deviceSchema, pipeContextOf, present, refuse, runOperational, confirmed } from './operational.js';
import { displayOf, filterText, inheritanceAttrs, inheritanceOf, parsePipes, type Pipe } from './pipes.js';
import { afterEnd, CliSyntaxError, finishOptions, resolveCommand } from './walker.js';
import { joinWords, lex, type Word } from './words.js';

/** Any URI serves to declare the `junos:` prefix of a body read back (the parser only checks it is declared). */
const JUNOS_ANY_NS = 'http://xml.juniper.net/junos/*/junos';

export { relativeTo } from './subtree-text.js';
import { relativeTo } from './subtree-text.js';

export type ConfigureMode = 'shared' | 'private' | 'exclusive';

/** The warnings a load gave inside its results (`statement not found`), as the CLI prints them. */
function resultWarnings(body: string): string {
  let out = '';
  for (const [, e] of body.matchAll(/<rpc-error>([\s\S]*?)<\/rpc-error>/g)) {
    const field = (name: string): string | undefined => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(e!)?.[1];
    if (field('error-severity') !== 'warning') continue;
    const path = field('error-path');
    const element = field('bad-element');
    out += warningText({ message: field('error-message') ?? '', ...(path ? { path } : {}), ...(element ? { info: [['bad-element', element]] } : {}) });
  }
  return out;
}

const el = element;

const CHANGED = 'The configuration has been changed but not committed\n';

export class ConfigurationMode {
  /** The `[edit ...]` path. */
  level: string[] = [];
  readonly commands: readonly TerminalCommand[] = configurationCommands();

  private constructor(
    private readonly ctx: CliContext,
    readonly mode: ConfigureMode,
    private readonly operational: readonly TerminalCommand[],
  ) {}

  /** `configure [private|exclusive]`: the entry messages, or the refusal (then undefined). */
  static async enter(ctx: CliContext, mode: ConfigureMode, operational: readonly TerminalCommand[]): Promise<ConfigurationMode | undefined> {
    if (mode !== 'shared') {
      const op = mode === 'private' ? el('open-configuration', [el('private')]) : el('lock-configuration');
      const r = await ctx.run(op, `configure ${mode}`, false);
      if (hasError(r.outcome.errors)) {
        await ctx.deliver(errorText(r.outcome.errors), r, false);
        return undefined;
      }
      ctx.screen.text('warning: uncommitted changes will be discarded on exit\n');
    }
    const m = new ConfigurationMode(ctx, mode, operational);
    ctx.screen.text(`Entering configuration mode\n${mode === 'shared' && m.modified() ? CHANGED : ''}`);
    return m;
  }

  banner(): string {
    return `[edit${this.level.length > 0 ? ` ${joinWords(this.level)}` : ''}]`;
  }

  /** The lines above the `#` prompt: a pending confirmed commit, then the banner. */
  head(): string {
    const c = this.ctx.device.configuration.pendingConfirm();
    const pending = c ? `# commit confirmed will be rolled back in ${Math.max(1, Math.ceil((c.deadline - this.ctx.device.clock.now()) / 60_000))} minutes\n` : '';
    return `${pending}${this.banner()}\n`;
  }

  private modified(): boolean {
    return this.ctx.device.configuration.isModified(this.ctx.owner);
  }

  /** Runs one line; resolves true when configuration mode is left. */
  async line(line: string): Promise<boolean> {
    try {
      const lx = lex(line);
      if (lx.openQuote) throw new CliSyntaxError(line.length, 'syntax error, unterminated quoted string');
      if (lx.command.length === 0) return false;
      const { command, rest } = resolveCommand(this.commands, lx.command, line);
      if (command.rest === 'operational') {
        const at = rest[0]?.start ?? afterEnd(line);
        await runOperational(this.ctx, this.operational.filter((c) => c.target.kind === 'spec'), line.slice(at), at);
        return false;
      }
      const pipes = parsePipes(lx.pipes, lx.pipeAt, line, command.words[0] === 'show' ? { set: 'configuration', configurationText: true } : pipeContextOf(undefined));
      return await this.builtin(command, rest, pipes, line);
    } catch (err) {
      if (err instanceof CliSyntaxError) {
        refuse(this.ctx, err);
        return false;
      }
      throw err;
    }
  }

  private async builtin(cmd: TerminalCommand, rest: readonly Word[], pipes: readonly Pipe[], line: string): Promise<boolean> {
    const id = cmd.target.kind === 'builtin' ? cmd.target.id : undefined;
    const path = rest.map((w) => w.text);
    switch (id) {
      case 'cfg-set':
      case 'cfg-delete':
        await this.change(id === 'cfg-set' ? 'set' : 'delete', path, line, rest);
        return false;
      case 'cfg-insert':
        if (path.length === 0) throw new CliSyntaxError(afterEnd(line), 'syntax error, expecting <statement>');
        await this.change('insert', path, line, rest);
        return false;
      case 'cfg-activate':
      case 'cfg-deactivate':
        if (path.length === 0 && this.level.length === 0) throw new CliSyntaxError(afterEnd(line), 'syntax error, expecting <statement>');
        await this.change(id === 'cfg-activate' ? 'activate' : 'deactivate', path, line, rest);
        return false;
      case 'cfg-show':
        await this.show(path, pipes);
        return false;
      case 'cfg-edit':
        if (path.length === 0) throw new CliSyntaxError(afterEnd(line), 'syntax error, expecting <statement>');
        this.level = [...this.level, ...path];
        return false;
      case 'cfg-top':
        this.level = [];
        return false;
      case 'cfg-up': {
        const n = Number(finishOptions(cmd, rest, line).given.get('count') ?? '1');
        this.level = this.level.slice(0, Math.max(0, this.level.length - n));
        return false;
      }
      case 'cfg-exit': {
        const all = finishOptions(cmd, rest, line).given.has('configuration-mode');
        if (!all && this.level.length > 0) {
          this.level = this.level.slice(0, -1);
          return false;
        }
        return this.leave();
      }
      case 'cfg-commit':
        return this.commit(finishOptions(cmd, rest, line).given);
      case 'cfg-rollback': {
        const given = finishOptions(cmd, rest, line).given;
        if (given.has('rescue')) {
          await this.simple(el('load-configuration', [], '', { rescue: 'rescue' }), 'rollback rescue', 'load complete\n');
          return false;
        }
        const n = given.get('number') ?? '0';
        await this.simple(el('load-configuration', [], '', { rollback: String(n) }), `rollback ${n}`, 'load complete\n');
        return false;
      }
      case 'cfg-load':
        await this.load(finishOptions(cmd, rest, line).given);
        return false;
      default:
        return false;
    }
  }

  private async simple(op: XmlElement, command: string, okText: string): Promise<boolean> {
    const r = await this.ctx.run(op, command, false);
    const ok = !hasError(r.outcome.errors);
    await this.ctx.deliver(errorText(r.outcome.errors) + (ok ? resultWarnings(r.outcome.body) + okText : ''), r, false);
    return ok;
  }

  private async change(verb: 'set' | 'delete' | 'activate' | 'deactivate' | 'insert', path: readonly string[], line: string, typed: readonly Word[]): Promise<void> {
    const words = [...this.level, ...path];
    if (verb === 'set' && path.length === 0) throw new CliSyntaxError(afterEnd(line), 'syntax error, expecting <statement>');
    const command = `${verb} ${joinWords(words)}`.trim();
    if (words.length === 0) {
      // `delete` at the top asks first, then empties the candidate.
      if (!(await confirmed(this.ctx, 'Delete everything under this level? [yes,no] (no) '))) return;
      await this.simple(el('load-configuration', [el('configuration')], '', { action: 'override' }), command, '');
      return;
    }
    const op = el('load-configuration', [el('configuration-set', [], command)], '', { action: 'set', format: 'text' });
    const r = await this.ctx.run(op, command, false);
    // A word the schema refuses gets Junos's caret under it, as a mistyped command does.
    const at = refusedWordAt(r.outcome.errors, typed);
    if (at !== undefined) throw new CliSyntaxError(at, 'syntax error');
    const ok = !hasError(r.outcome.errors);
    await this.ctx.deliver(errorText(r.outcome.errors) + (ok ? resultWarnings(r.outcome.body) : ''), r, false);
  }

  private async show(path: readonly string[], pipes: readonly Pipe[]): Promise<void> {
    const words = [...this.level, ...path];
    const comparePipe = pipes.find((p): p is Extract<Pipe, { kind: 'compare' }> => p.kind === 'compare');
    const compare = comparePipe !== undefined;
    const display = displayOf(pipes);
    // The same filter `show configuration PATH` builds, on the candidate.
    const base = parseCommand(joinWords(['show', 'configuration', ...words]), this.ctx.platform, deviceSchema(this.ctx)).rpc;
    const attrs: Record<string, string> = { database: 'candidate', format: display === 'set' ? 'set' : display ?? 'text', ...inheritanceAttrs(inheritanceOf(pipes)) };
    if (compare) Object.assign(attrs, { compare: 'rollback', rollback: String(comparePipe.rollback ?? 0), format: 'text' });
    const r = await this.ctx.run({ ...base, attrs }, `show ${joinWords(path)}`.trim(), false);
    let text = present(this.ctx, r, compare ? undefined : display);
    // The compare's text starts with a newline (what PyEZ reads); the CLI prints the banner right away.
    if (compare) text = text.replace(/^\n/, '');
    if (!compare && display === undefined) text = relativeTo(text, pathFilter(this.level, deviceSchema(this.ctx)).depth);
    await this.ctx.deliver(filterText(text, pipes, this.ctx.settings.screenLength), r, !pipes.some((p) => p.kind === 'no-more'));
  }

  private async commit(given: ReadonlyMap<string, string | true>): Promise<boolean> {
    const children: XmlElement[] = [];
    if (given.has('check')) children.push(el('check'));
    const minutes = given.get('minutes');
    if (given.has('confirmed')) children.push(el('confirmed'), ...(typeof minutes === 'string' ? [el('confirm-timeout', [], minutes)] : []));
    const comment = given.get('comment');
    if (typeof comment === 'string') children.push(el('log', [], comment));
    const r = await this.ctx.run(el('commit-configuration', children), `commit ${[...given.keys()].join(' ')}`.trim(), false);
    const ok = !hasError(r.outcome.errors);
    // A commit (not a check) refused for missing mandatory statements ends `commit failed: (...)` in the CLI (vQFX capture).
    const errors = given.has('check') ? r.outcome.errors : r.outcome.errors.map((e) => (e.message === CHECK_OUT_FAILED_MANDATORY ? { ...e, message: 'commit failed: (missing mandatory statements)' } : e));
    let text = errorText(errors);
    if (ok) {
      const body = r.outcome.body;
      if (given.has('check')) text += 'configuration check succeeds\n';
      else {
        const root = parseFragment(body, { declare: [['xmlns:junos', JUNOS_ANY_NS]] });
        const info = root ? findText(root, 'confirmed-commit-info') : undefined;
        if (info !== undefined) text += `configuration check succeeds\n${info}\n`;
        text += 'commit complete\n';
      }
    }
    const quit = ok && given.has('and-quit') && !given.has('check');
    if (quit) text += 'Exiting configuration mode\n';
    await this.ctx.deliver(text, r, false);
    if (quit) await this.close();
    return quit;
  }

  private async load(given: ReadonlyMap<string, string | true>): Promise<void> {
    const action = ['merge', 'override', 'replace', 'set', 'update'].find((a) => given.has(a)) ?? 'merge';
    const file = given.get('filename');
    if (file !== 'terminal') {
      await this.ctx.deliver(`error: loading from a file is not supported by the emulator${typeof file === 'string' ? `: ${file}` : ''}\n`, undefined, false);
      return;
    }
    this.ctx.screen.text('[Type ^D at a new line to end input]\n');
    const lines: string[] = [];
    for (;;) {
      const l = await this.ctx.ask('');
      if (l === undefined) return;
      if (l === null) break;
      lines.push(l);
    }
    const text = `${lines.join('\n')}\n`;
    const payload = action === 'set' ? el('configuration-set', [], text) : el('configuration-text', [], text);
    await this.simple(el('load-configuration', [payload], '', { action, format: 'text' }), `load ${action} terminal`, 'load complete\n');
  }

  /** `exit` at the top: asks about uncommitted changes, then leaves. */
  private async leave(): Promise<boolean> {
    if (this.modified()) {
      this.ctx.screen.text(CHANGED);
      const question = this.mode === 'private' ? 'Discard uncommitted changes? [yes,no] (yes) ' : 'Exit with uncommitted changes? [yes,no] (yes) ';
      const raw = await this.ctx.ask(question);
      // The default is yes: an empty answer and the end of input (EOF) take it; ^C does not.
      const answer = raw === null ? '' : raw?.trim().toLowerCase();
      if (answer === undefined || (answer !== '' && !'yes'.startsWith(answer))) return false;
    }
    this.ctx.screen.text('Exiting configuration mode\n');
    await this.close();
    return true;
  }

  /** Gives back what the mode took: the private candidate, or the exclusive lock and its changes. */
  async close(): Promise<void> {
    if (this.mode === 'private') await this.ctx.run(el('close-configuration'), 'exit', false);
    if (this.mode === 'exclusive') {
      if (this.modified()) await this.ctx.run(el('discard-changes'), 'exit', false);
      await this.ctx.run(el('unlock-configuration'), 'exit', false);
    }
  }
}

/** Where the one word a `set`/`delete` line was refused for starts, when it is a word the user typed on this line. */
function refusedWordAt(errors: readonly RpcErrorInfo[], typed: readonly Word[]): number | undefined {
  if (errors.length !== 1 || errors[0]!.message !== 'syntax error') return undefined;
  const bad = errors[0]!.info?.find(([k]) => k === 'bad-element')?.[1];
  return typed.find((w) => w.text === bad)?.start;
}
