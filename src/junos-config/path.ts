/**
 * Reads a statement path given as words (`system login user lab class
 * super-user`), as `set`/`delete` lines and `show configuration PATH` write it.
 */
import { implicitList, isContainer, isKeyedList } from './schema.js';

export interface PathStep {
  readonly name: string;
  /** Entry name of a list element. */
  readonly key?: string;
}

export interface StatementPath {
  readonly steps: readonly PathStep[];
  /** The value of the last step when it is a leaf (`host-name r1`). */
  readonly value?: string;
}

/**
 * `mode: 'statement'` reads a `set` line: a last lone word after a non-list
 * statement is its value. `mode: 'path'` reads a `show configuration` path:
 * every word is a step.
 */
export function readPath(words: readonly string[], mode: 'statement' | 'path'): StatementPath {
  const steps: PathStep[] = [];
  let parent = 'configuration';
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const implicit = implicitList(parent);
    if (implicit) {
      steps.push({ name: implicit, key: w });
      parent = implicit;
      i += 1;
      continue;
    }
    const rest = words.length - i - 1;
    if (isKeyedList(parent, w) && rest >= 1) {
      steps.push({ name: w, key: words[i + 1]! });
      parent = w;
      i += 2;
      continue;
    }
    if (mode === 'statement' && rest === 1 && !isContainer(parent, w)) {
      steps.push({ name: w });
      return { steps, value: words[i + 1]! };
    }
    steps.push({ name: w });
    parent = w;
    i += 1;
  }
  return { steps };
}
