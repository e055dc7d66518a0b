/** What the CLI's modes need from their session: the screen, input, and running RPCs. */
import type { ConfigNode } from '../junos-config/tree.js';
import type { DeviceRuntime } from '../device/runtime.js';
import type { Outcome } from '../dispatch/dispatcher.js';
import type { Dialect, Platform } from '../grammar/types.js';
import type { RpcDirective } from '../session/interceptor.js';
import type { XmlElement } from '../xml/element.js';
import type { CliSettings } from './cli-settings.js';
import type { Key } from './keys.js';
import type { Screen } from './screen.js';

export interface RunResult {
  readonly outcome: Outcome;
  /** Text the operation handed over while it ran; it is on the screen already. */
  readonly streamed: string;
  /** What the fault plan said about this call, if anything. */
  readonly directive?: RpcDirective;
  /** The user typed ^C while it ran: nothing more is shown (the operation itself goes on). */
  readonly interrupted?: boolean;
}

/** What a command line asks of the session after it ran. */
export type LineAction =
  | { readonly kind: 'done'; readonly ok: boolean }
  | { readonly kind: 'exit' }
  | { readonly kind: 'configure'; readonly mode: 'shared' | 'private' | 'exclusive' }
  | { readonly kind: 'shell'; readonly shell: 'csh' | 'sh' };

export interface CliContext {
  readonly screen: Screen;
  readonly settings: CliSettings;
  readonly device: DeviceRuntime;
  readonly platform: Platform | Dialect;
  readonly user: string;
  /** `set cli directory`'s directory; unset is the user's home. */
  readonly workingDirectory?: string;
  /** Whether the login class has a permission flag. */
  allows(permission: string): boolean;
  /** Width of the prompt the current line was typed after (carets count from its start). */
  promptWidth(): number;
  /** The `[edit ...]` banner of the mode ('' in operational mode), for `| display xml`. */
  banner(): string;
  readKey(): Promise<Key>;
  /** Reads a line after `question`: the answer, null on ^D at an empty line, undefined on ^C. */
  ask(question: string): Promise<string | null | undefined>;
  /** The object the datastores know this session by (its private candidate). */
  readonly owner: object;
  /** Runs an RPC element through the dispatcher, as the fault plan allows; `stream` lets it print as it goes. */
  run(op: XmlElement, command: string, stream: boolean): Promise<RunResult>;
  /** Shows a command's output: timestamp, pager, and the fault plan's delivery. */
  deliver(text: string, r: RunResult | undefined, paged: boolean): Promise<void>;
  /** A configuration database as this session sees it (for `?` on statement paths). */
  configuration(database: 'committed' | 'candidate'): ConfigNode;
}
