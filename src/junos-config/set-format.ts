/** `set` / `delete` lines (load-configuration action="set"), each read against the schema (statements.ts). */
import { tokenizeCommand } from '../command/tokenize.js';
import { PartialLoadError } from './partial-load.js';
import { RpcError } from '../xml/rpc-error.js';
import { defaultSchema } from './schema/catalog.js';
import type { Schema } from './schema/model.js';
import { pace, runNow, type Work } from './slices.js';
import { StatementError, walkStatement } from './statements.js';
import { loadError } from './text-format.js';
import { editPathChain, keyOf, type Activity, type EditNode, type Insertion } from './tree.js';
import { cliWordOf } from './schema/cli-names.js';
import type { Level } from './statements.js';

/** Every refused line is reported (Junos goes on loading the others and counts the errors; the emulator loads none then). */
export function* parseSetLinesWork(text: string, schema: Schema = defaultSchema()): Work<EditNode[]> {
  const out: EditNode[] = [];
  const errors: RpcError[] = [];
  const lines = text.split(/\r?\n/);
  const root = { schema: schema.root, edit: undefined, path: [] };
  for (let i = 0; i < lines.length; i++) {
    if (pace()) yield;
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const { words } = tokenizeCommand(line);
    const verb = words[0]!;
    if (words.length < 2) {
      errors.push(loadError(`syntax error`, verb, `line ${i + 1}`));
      continue;
    }
    if (verb !== 'set' && verb !== 'delete' && verb !== 'deactivate' && verb !== 'activate' && verb !== 'insert') {
      errors.push(loadError('syntax error, expecting set or delete', verb, `line ${i + 1}`));
      continue;
    }
    if (verb === 'insert') {
      try {
        out.push(insertLine(root, words.slice(1)));
      } catch (e) {
        if (!(e instanceof StatementError)) throw e;
        errors.push(e.rpcError);
      }
      continue;
    }
    // `deactivate`/`activate` name a statement as `delete` does (its value may be left out) and mark it.
    const activity: Activity | undefined = verb === 'deactivate' ? 'inactive' : verb === 'activate' ? 'active' : undefined;
    try {
      const walked = walkStatement(root, words.slice(1), verb === 'set' ? 'set' : 'delete', verb === 'delete' ? 'delete' : 'merge', activity);
      out.push(...walked.nodes);
    } catch (e) {
      if (!(e instanceof StatementError)) throw e;
      // An unknown statement on a set line carries no error-path (a 15.1X49 vSRX reply to Ansible's set lines).
      errors.push(new RpcError(e.rpcError.errors.map(({ path, ...rest }) => (rest.message === 'syntax error' ? rest : { ...rest, ...(path !== undefined ? { path } : {}) }))));
    }
  }
  if (errors.length > 0) throw new PartialLoadError(errors, out);
  return out;
}

/**
 * `insert PATH before|after WORD KEY`: the entry PATH names (`firewall filter
 * f term t2`) moves right before or after its sibling `WORD KEY` (`term t1`)
 * of the same list, as Junos's `insert` does for ordered lists.
 */
function insertLine(root: Level, words: readonly string[]): EditNode {
  for (let k = words.length - 3; k >= 1; k--) {
    const where = words[k];
    if (where !== 'before' && where !== 'after') continue;
    const walked = walkStatement(root, words.slice(0, k), 'delete', 'merge');
    const chain = editPathChain(walked.nodes[0]);
    const entry = chain.at(-1);
    const [word, ...key] = words.slice(k + 1);
    if (!entry || keyOf(entry) === undefined || word !== cliWordOf(entry.name) || key.length === 0) break;
    return rebuilt(walked.nodes[0]!, entry, { where, key: key.join(' ') });
  }
  throw new StatementError(loadError('syntax error, expecting before or after', words.at(-1) ?? 'insert'));
}

/** The edit with `entry` marked to move. */
function rebuilt(n: EditNode, entry: EditNode, insert: Insertion): EditNode {
  if (n === entry) return { ...n, insert };
  return { ...n, children: n.children.map((c) => rebuilt(c, entry, insert)) };
}

export function parseSetLines(text: string, schema?: Schema): EditNode[] {
  return runNow(parseSetLinesWork(text, schema));
}
