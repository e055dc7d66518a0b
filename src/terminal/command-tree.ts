/**
 * The commands a CLI mode offers: the RPC-backed commands of src/command
 * (the same grammars `<command>` uses, so options and checks are declared
 * once) and the CLI's own commands (configure, set cli, start shell...),
 * declared here in the same leaf shape so one walker serves help, completion
 * and carets for both.
 */
import { commandsOn, type CommandSpec } from '../command/commands.js';
import { leafFor } from '../grammar/parse-rpc.js';
import type { Dialect, LeafSpec, Platform } from '../grammar/types.js';

export type BuiltinId =
  | 'configure'
  | 'exit'
  | 'set-cli'
  | 'show-cli'
  | 'start-shell'
  | 'cfg-set'
  | 'cfg-insert'
  | 'cfg-delete'
  | 'cfg-show'
  | 'cfg-edit'
  | 'cfg-up'
  | 'cfg-top'
  | 'cfg-exit'
  | 'cfg-commit'
  | 'cfg-rollback'
  | 'cfg-run'
  | 'cfg-load'
  | 'cfg-activate'
  | 'cfg-deactivate';

export type CommandTarget = { readonly kind: 'spec'; readonly spec: CommandSpec } | { readonly kind: 'builtin'; readonly id: BuiltinId };

export interface TerminalCommand {
  readonly words: readonly string[];
  readonly description: string;
  readonly leaves: readonly LeafSpec[];
  /** Login-class permission flag the command needs (the RPC's, for RPC-backed commands). */
  readonly permission?: string;
  readonly target: CommandTarget;
  /** At least one option must be given (`set cli screen-length` needs its number). */
  readonly required?: boolean;
  /** The words after the command are not options but a configuration path or an operational command. */
  readonly rest?: 'config-path' | 'operational';
}

const empty = (name: string, description: string, group?: string): LeafSpec => ({ name, type: { kind: 'empty' }, description, ...(group ? { group } : {}) });
const number = (name: string, description: string, valueName: string, max: number, min = 0): LeafSpec => ({
  name,
  type: { kind: 'uint', min, max },
  description,
  valueName,
  positional: true,
});
const builtin = (words: string[], description: string, id: BuiltinId, leaves: LeafSpec[] = [], more: Partial<TerminalCommand> = {}): TerminalCommand => ({
  words,
  description,
  leaves,
  target: { kind: 'builtin', id },
  ...more,
});

const SET_CLI: readonly TerminalCommand[] = [
  builtin(['set', 'cli', 'complete-on-space'], 'Set whether typing space completes current word', 'set-cli', [empty('off', 'Disable complete-on-space', 'state'), empty('on', 'Enable complete-on-space', 'state')], { required: true }),
  builtin(['set', 'cli', 'idle-timeout'], 'Set maximum idle time before login session ends', 'set-cli', [number('minutes', 'Maximum idle time (0..100000 minutes)', 'minutes', 100000)], { required: true }),
  builtin(['set', 'cli', 'screen-length'], 'Set number of lines on screen', 'set-cli', [number('length', 'Number of lines (0..100000)', 'length', 100000)], { required: true }),
  builtin(['set', 'cli', 'screen-width'], 'Set number of characters on a line', 'set-cli', [number('width', 'Number of characters (0..1024)', 'width', 1024)], { required: true }),
  builtin(['set', 'cli', 'terminal'], 'Set terminal type', 'set-cli', ['ansi', 'small-xterm', 'vt100', 'xterm'].map((t) => empty(t, `${t === 'small-xterm' ? 'Small xterm window' : t.toUpperCase()} terminal`, 'type')), { required: true }),
  builtin(['set', 'cli', 'timestamp'], 'Timestamp CLI output', 'set-cli', [empty('disable', 'Disable timestamping')]),
];

const OPERATIONAL_BUILTINS: readonly TerminalCommand[] = [
  builtin(['configure'], 'Manipulate software configuration information', 'configure', [
    empty('exclusive', 'Obtain exclusive lock (other users cannot make changes)', 'mode'),
    empty('private', 'Work in private database: other users cannot see the changes', 'mode'),
  ], { permission: 'configure' }),
  builtin(['exit'], 'Exit the management session', 'exit'),
  builtin(['quit'], 'Exit the management session', 'exit'),
  ...SET_CLI,
  builtin(['show', 'cli'], 'Show command-line interface settings', 'show-cli'),
  builtin(['start', 'shell'], 'Start Unix shell', 'start-shell', [empty('csh', 'C Shell', 'shell'), empty('sh', 'Bourne Shell', 'shell')], { permission: 'shell' }),
];

const path = (words: string[], description: string, id: BuiltinId): TerminalCommand => builtin(words, description, id, [], { rest: 'config-path' });

const CONFIGURATION_BUILTINS: readonly TerminalCommand[] = [
  path(['set'], 'Set a parameter', 'cfg-set'),
  path(['delete'], 'Delete a data element', 'cfg-delete'),
  path(['insert'], 'Insert a new ordered data element', 'cfg-insert'),
  path(['activate'], 'Remove the inactive tag from a statement', 'cfg-activate'),
  path(['deactivate'], 'Add the inactive tag to a statement', 'cfg-deactivate'),
  path(['show'], 'Show a parameter', 'cfg-show'),
  path(['edit'], 'Edit a sub-element', 'cfg-edit'),
  builtin(['up'], 'Exit one or more levels of configuration', 'cfg-up', [number('count', 'Number of levels to move up', 'count', 255, 1)]),
  builtin(['top'], 'Exit to top level of configuration', 'cfg-top'),
  builtin(['exit'], 'Exit from this level', 'cfg-exit', [empty('configuration-mode', 'Exit from configuration mode')]),
  builtin(['quit'], 'Quit from this level', 'cfg-exit', [empty('configuration-mode', 'Exit from configuration mode')]),
  builtin(['commit'], 'Commit current set of changes', 'cfg-commit', [
    empty('and-quit', 'Quit configuration mode if commit succeeds'),
    empty('check', 'Check correctness of syntax; do not apply changes'),
    { name: 'comment', type: { kind: 'string' }, description: 'Message to write to commit log', valueName: 'comment-string' },
    empty('confirmed', 'Automatically rollback if not confirmed'),
    number('minutes', 'Number of minutes until automatic rollback (1..65535)', 'timeout', 65535, 1),
  ]),
  builtin(['rollback'], 'Roll back to previous committed configuration', 'cfg-rollback', [
    number('number', 'Numeric index of rollback file', 'number', 49),
    empty('rescue', 'Rescue configuration'),
  ]),
  builtin(['load'], 'Load configuration from ASCII file', 'cfg-load', [
    ...['merge', 'override', 'replace', 'set', 'update'].map((a) => empty(a, `${a[0]!.toUpperCase()}${a.slice(1)} contents with existing configuration`, 'action')),
    { name: 'filename', type: { kind: 'string' }, description: "Filename (URL, local, remote, or floppy); 'terminal' reads the terminal", valueName: 'filename', positional: true },
  ], { required: true }),
  builtin(['run'], 'Run an operational-mode command', 'cfg-run', [], { rest: 'operational' }),
];

/** The operational commands on a platform: RPC-backed ones and the CLI's own. */
export function operationalCommands(platform: Platform | Dialect): TerminalCommand[] {
  const fromGrammars = commandsOn(platform).map((spec): TerminalCommand => {
    if (spec.kind === 'configuration') {
      return { words: spec.words, description: 'Show current configuration', leaves: [], permission: 'view', target: { kind: 'spec', spec }, rest: 'config-path' };
    }
    const g = spec.grammar;
    return {
      words: spec.words,
      description: g.description,
      leaves: g.leaves.filter((l) => leafFor(g, l.name, platform) !== undefined),
      ...(g.permission ? { permission: g.permission } : {}),
      target: { kind: 'spec', spec },
    };
  });
  return [...fromGrammars, ...OPERATIONAL_BUILTINS];
}

export function configurationCommands(): readonly TerminalCommand[] {
  return CONFIGURATION_BUILTINS;
}

/** Help of the words between the top and a command (`show`, `request system`). */
const WORD_HELP: Readonly<Record<string, string>> = {
  show: 'Show system information',
  'show system': 'Show system information',
  'show chassis': 'Show chassis information',
  'show bridge': 'Show bridging information',
  request: 'Make system-level requests',
  'request system': 'System operations',
  'request system software': 'Perform system software extension or upgrade operations',
  set: 'Set CLI properties, date/time, craft interface message',
  'set cli': 'Set CLI properties',
  start: 'Start shell',
  file: 'Perform file operations',
  'file checksum': 'Calculate file checksum',
  'request system storage': 'Storage operations',
};

export function wordHelp(words: readonly string[]): string {
  return WORD_HELP[words.join(' ')] ?? '';
}
