/**
 * One CLI session on an SSH channel: the login banner, operational and
 * configuration mode, the shell, or one exec command. It is a session of its
 * device like a NETCONF one (session list, kill-session, locks), and every
 * command it runs is an RPC through the same dispatcher and fault plan.
 */
import type { DeviceRuntime } from '../device/runtime.js';
import { Dispatcher, type Outcome } from '../dispatch/dispatcher.js';
import type { RpcRegistry } from '../dispatch/registry.js';
import type { SessionView } from '../dispatch/types.js';
import type { Dialect } from '../grammar/types.js';
import type { ReplyOverride, SessionInterceptor } from '../session/interceptor.js';
import type { LoginClasses } from '../session/login-class.js';
import type { SessionHandle } from '../session/registry.js';
import type { TerminalSize } from '../transport/ssh-listener.js';
import type { XmlElement } from '../xml/element.js';
import { CliSettings } from './cli-settings.js';
import { cliTimestamp } from '../system/junos-time.js';
import type { CliContext, RunResult } from './context.js';
import { SessionEnded, TerminalInput } from './input.js';
import type { Key } from './keys.js';
import { LineEditor, type EditorHooks, type LineResult } from './line-editor.js';
import { page } from './pager.js';
import { Screen } from './screen.js';

/** The channel under a CLI session. */
export interface TerminalChannel {
  /** False when the client is not taking the output as fast as it comes. */
  write(text: string): boolean;
  /** Calls back once what was written has gone out. */
  onceDrained(cb: () => void): void;
  /** Stops and restarts reading the client's bytes. */
  pause(): void;
  resume(): void;
  /** Sends the exit status and closes the channel. */
  close(status: number): void;
  /** Cuts the connection at once (fault injection). */
  drop(): void;
}

export interface CliHooks {
  /** Each command line in, and what it printed (as the user saw it, LF line ends). */
  onText?(session: CliSession, direction: 'in' | 'out', text: string, rpc?: string): void;
  onEnd?(session: CliSession, reason: string): void;
  onInternalError?(err: unknown): void;
}

export interface CliSessionOptions {
  id: number;
  user: string;
  userClass: string;
  routingEngine: string;
  remoteAddress: string;
  device: DeviceRuntime;
  registry: RpcRegistry;
  classes: LoginClasses;
  pty: TerminalSize | undefined;
  /** Typeahead (characters) at which the session stops reading its channel. */
  maxTypeahead: number;
  interceptor?: SessionInterceptor;
  hooks?: CliHooks;
}

const EMPTY: Outcome = { errors: [], body: '', okBody: false, endSession: false };

export class CliSession implements SessionHandle, SessionView, CliContext {
  readonly id: number;
  readonly user: string;
  readonly userClass: string;
  readonly routingEngine: string;
  readonly remoteAddress: string;
  readonly startedAt = new Date();
  /** `set cli directory`: unset is the user's home. */
  workingDirectory?: string;
  readonly device: DeviceRuntime;
  /** The running release's options and commands: read per command, since an upgrade changes them. */
  get platform(): Dialect {
    return this.device.model.dialect();
  }
  readonly settings: CliSettings;
  readonly screen: Screen;
  readonly input: TerminalInput;
  /** Set while a command runs in text: the snapshot engine's lines go to the screen as they come. */
  progress: ((text: string) => void) | undefined;
  /** Commands that ran an RPC, and bytes in and out, for the control API. */
  rpcCount = 0;
  bytesIn = 0;
  bytesOut = 0;
  /** The `[edit ...]` banner while in configuration mode. */
  bannerText = '';
  /** Width of the prompt the current line was typed after. */
  promptColumns = 0;
  private readonly dispatcher: Dispatcher;
  private ended = false;
  private pendingIn: string | undefined;
  /** The channel refused more output: the next line is read once it drains. */
  private congested = false;
  /** True while the session waits for the client to read its output before reading on. */
  blocked = false;
  private timestampDue = false;
  readonly history: string[] = [];

  constructor(
    private readonly channel: TerminalChannel,
    private readonly o: CliSessionOptions,
  ) {
    this.id = o.id;
    this.user = o.user;
    this.userClass = o.userClass;
    this.routingEngine = o.routingEngine;
    this.remoteAddress = o.remoteAddress;
    this.device = o.device;
    this.settings = new CliSettings(o.pty);
    this.input = new TerminalInput({ highWater: o.maxTypeahead, pause: () => channel.pause(), resume: () => channel.resume() });
    this.screen = new Screen(
      {
        write: (s) => {
          if (this.ended) return;
          this.bytesOut += Buffer.byteLength(s);
          if (!channel.write(s)) this.congested = true;
        },
      },
      o.pty !== undefined,
    );
    this.dispatcher = new Dispatcher({ registry: o.registry, classes: o.classes, device: o.device, prefix: '', onInternalError: o.hooks?.onInternalError });
  }

  get closed(): boolean {
    return this.ended;
  }

  get owner(): object {
    return this;
  }

  receive(data: Buffer): void {
    this.bytesIn += data.length;
    this.input.receive(data);
  }

  /** The client closed its side (EOF): what is typed ahead is read, then input ends. */
  endOfInput(): void {
    this.input.end();
  }

  allows(permission: string): boolean {
    return this.o.classes.allows(this.userClass, permission);
  }

  promptWidth(): number {
    return this.promptColumns;
  }

  banner(): string {
    return this.bannerText;
  }

  readKey(): Promise<Key> {
    return this.input.readKey();
  }

  /** Reads a line with the line editor after `prompt` (already written), once the output so far has gone out. */
  async readLine(hooks: EditorHooks, history?: string[]): Promise<LineResult> {
    if (this.congested) {
      this.blocked = true;
      try {
        await this.input.until(new Promise<void>((resolve) => this.channel.onceDrained(resolve)));
      } finally {
        this.blocked = false;
      }
      this.congested = false;
    }
    return this.input.readLine(new LineEditor(this.screen, hooks, history));
  }

  async ask(question: string): Promise<string | null | undefined> {
    this.screen.text(question);
    const r = await this.readLine({ redraw: () => this.screen.text(question) });
    if (r.kind === 'line') return r.text;
    this.screen.text('\n');
    return r.kind === 'eof' ? null : undefined;
  }

  configuration(database: 'committed' | 'candidate') {
    const store = this.device.configuration;
    return database === 'committed' ? store.committed() : store.candidate(this);
  }

  /** A command line starts: logged when it runs its RPC (with the RPC's name) or when it ends. */
  beginLine(line: string): void {
    this.endLine();
    this.pendingIn = line;
    this.timestampDue = this.settings.timestamp;
  }

  endLine(): void {
    this.flushIn(undefined);
    const out = this.screen.take();
    if (out !== '') this.o.hooks?.onText?.(this, 'out', out);
  }

  private flushIn(rpc: string | undefined): void {
    if (this.pendingIn === undefined) return;
    this.o.hooks?.onText?.(this, 'in', this.pendingIn, rpc);
    this.pendingIn = undefined;
  }

  private beginOutput(): void {
    if (!this.timestampDue) return;
    this.timestampDue = false;
    // `set cli timestamp` puts the time before each command's output.
    this.screen.text(`${cliTimestamp(this.device.clock.now())}\n`);
  }

  async run(op: XmlElement, command: string, stream: boolean): Promise<RunResult> {
    this.flushIn(op.name);
    const directive = this.o.interceptor?.beforeDispatch?.({ sessionId: this.id, user: this.user, rpc: op.name, command });
    let streamed = '';
    let live = stream && !directive?.reply && !directive?.wait && !directive?.delivery;
    this.progress = live
      ? (text) => {
          if (!live || this.ended) return;
          this.beginOutput();
          streamed += text;
          this.screen.text(text);
        }
      : undefined;
    const work = directive?.reply ? Promise.resolve(this.overridden(directive.reply)) : this.dispatcher.run(op, this);
    let outcome: Outcome | undefined;
    try {
      outcome = await this.input.interruptible(work);
    } finally {
      live = false;
      this.progress = undefined;
    }
    this.rpcCount++;
    if (outcome === undefined) return { outcome: EMPTY, streamed: '', interrupted: true };
    if (directive?.warnings) outcome = { ...outcome, errors: [...directive.warnings, ...outcome.errors] };
    return { outcome, streamed, ...(directive ? { directive } : {}) };
  }

  private overridden(r: ReplyOverride): Outcome {
    if (r.kind === 'body') return { errors: [], body: r.body, okBody: false, endSession: false };
    return { errors: r.errors, body: '', okBody: true, endSession: false };
  }

  async deliver(text: string, r: RunResult | undefined, paged: boolean): Promise<void> {
    if (r?.interrupted) return;
    const d = r?.directive;
    if (d?.wait && (await this.input.interruptible(d.wait().then(() => true))) === undefined) return;
    const delivery = d?.delivery ?? { kind: 'normal' };
    if (text !== '') this.beginOutput();
    switch (delivery.kind) {
      case 'normal':
        if (paged) await page(this.screen, text, this.settings.screenLength, () => this.readKey());
        else this.screen.text(text);
        return;
      case 'drop':
        if (delivery.at !== 'before-reply') this.screen.text(text.slice(0, Math.floor(text.length / 2)));
        this.finish('connection dropped (fault)', 'drop');
        throw new SessionEnded();
      case 'hang':
        await this.input.forever();
        return;
      case 'drip':
        for (let i = 0; i < text.length; i += delivery.bytes) {
          this.screen.text(text.slice(i, i + delivery.bytes));
          await delivery.pause();
          if (this.ended) throw new SessionEnded();
        }
        return;
    }
  }

  terminate(reason: string): void {
    this.finish(reason, 1);
  }

  /** The client closed the channel or the connection went away. */
  transportClosed(): void {
    this.finish('transport closed', 'gone');
  }

  /** Ends the session once: the registry, locks and private candidate let go; the channel closes with `status`. */
  finish(reason: string, how: number | 'drop' | 'gone'): void {
    if (this.ended) return;
    this.endLine();
    this.ended = true;
    this.input.close();
    this.device.sessions.remove(this.id);
    this.device.locks.releaseAll(this.id);
    this.device.configuration.closePrivate(this);
    if (how === 'drop') this.channel.drop();
    else if (how !== 'gone') this.channel.close(how);
    this.o.hooks?.onEnd?.(this, reason);
  }
}
