/** `set` / `delete` lines (load-configuration action="set"). */
import { tokenizeCommand } from '../command/tokenize.js';
import { readPath } from './path.js';
import { pace, runNow, type Work } from './slices.js';
import { loadError } from './text-format.js';
import type { Activity, EditNode } from './tree.js';

/** Builds the nested edit a path names, with `op` (and a `deactivate`/`activate` mark) on its last step. */
function nest(words: readonly string[], op: 'merge' | 'delete', activity?: Activity): EditNode {
  const { steps, value } = readPath(words, op === 'merge' && activity === undefined ? 'statement' : 'path');
  let node: EditNode | undefined;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    const last = i === steps.length - 1;
    const keyChild: EditNode[] = s.key !== undefined ? [{ name: 'name', value: s.key, op: 'merge', children: [] }] : [];
    node = {
      name: s.name,
      op: last ? op : 'merge',
      ...(last && value !== undefined ? { value } : {}),
      children: node ? [...keyChild, node] : keyChild,
      ...(last && activity !== undefined ? { activity } : {}),
    };
  }
  return node!;
}

export function* parseSetLinesWork(text: string): Work<EditNode[]> {
  const out: EditNode[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (pace()) yield;
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const { words } = tokenizeCommand(line);
    const verb = words[0]!;
    if (words.length < 2) throw loadError(`syntax error`, verb, `line ${i + 1}`);
    if (verb === 'set') out.push(nest(words.slice(1), 'merge'));
    else if (verb === 'delete') out.push(nest(words.slice(1), 'delete'));
    else if (verb === 'deactivate' || verb === 'activate') out.push(nest(words.slice(1), 'merge', verb === 'deactivate' ? 'inactive' : 'active'));
    else throw loadError('syntax error, expecting set or delete', verb, `line ${i + 1}`);
  }
  return out;
}

export function parseSetLines(text: string): EditNode[] {
  return runNow(parseSetLinesWork(text));
}
