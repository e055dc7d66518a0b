/**
 * Reads a statement path given as words (`system login user lab class
 * super-user`), as `set`/`delete` lines and `show configuration PATH` write it.
 */
import { implicitList, isContainer, isKeyedList } from './schema.js';
import { defaultSchema } from './schema/catalog.js';
import { bareListUnder, xmlNameOf } from './schema/cli-names.js';
import type { Schema, SchemaNode } from './schema/model.js';

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
export function readPath(words: readonly string[], mode: 'statement' | 'path', schema: Schema = defaultSchema()): StatementPath {
  return readBySchema(words, mode, schema.root) ?? readByTable(words, mode);
}

/** The schema node a `show configuration` path names (a list entry: its list), or undefined when the schema lacks it. */
export function schemaNodeAt(words: readonly string[], schema: Schema): SchemaNode | undefined {
  const read = readBySchema(words, 'path', schema.root);
  if (!read) return undefined;
  let cur: SchemaNode | undefined = schema.root;
  for (const s of read.steps) {
    cur = cur.child(s.name);
    if (!cur) return undefined;
  }
  return cur;
}

/**
 * The path as the schema reads it (lists take their key, `interfaces
 * ge-0/0/0` is an entry); undefined when a word is not in the schema (a
 * statement stored before schemas), which the hand table then reads.
 */
function readBySchema(words: readonly string[], mode: 'statement' | 'path', root: SchemaNode): StatementPath | undefined {
  const steps: PathStep[] = [];
  let cur = root;
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const name = xmlNameOf(w);
    const s = cur.keys.includes(name) ? undefined : cur.child(name);
    if (!s) {
      const bare = bareListUnder(cur.name, (c) => cur.child(c)?.kind === 'list');
      const list = bare !== undefined ? cur.child(bare) : undefined;
      if (!list) return undefined;
      steps.push({ name: list.name, key: w });
      cur = list;
      i += 1;
      continue;
    }
    if (s.kind === 'list' && i + 1 < words.length) {
      steps.push({ name: s.name, key: words[i + 1]! });
      cur = s;
      i += 2;
      continue;
    }
    if ((s.kind === 'leaf' || s.kind === 'leaf-list') && mode === 'statement' && i + 2 === words.length) {
      steps.push({ name: s.name });
      return { steps, value: words[i + 1]! };
    }
    steps.push({ name: s.name });
    if (s.kind === 'leaf' || s.kind === 'leaf-list') return i + 1 === words.length ? { steps } : undefined;
    cur = s;
    i += 1;
  }
  return { steps };
}

function readByTable(words: readonly string[], mode: 'statement' | 'path'): StatementPath {
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
