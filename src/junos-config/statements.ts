/**
 * Reads the words of one CLI statement (a `set`/`delete` line, or the head of
 * a text statement up to its `;` or `{`) against the schema: each word is a
 * statement, a list key or a leaf's value, as the schema says. Several
 * statements may follow each other (`user x class super-user authentication
 * encrypted-password "$6$..."`): after a leaf and its value the next word is
 * read at the leaf's level, after a container or list entry inside it.
 */
import type { RpcError } from '../xml/rpc-error.js';
import { configurationError } from '../errors/catalogue.js';
import { bareListUnder, isEmulatorExtension, positionalLeaf, xmlNameOf } from './schema/cli-names.js';
import { choiceKeyOf, isValuedChoice, keyFormOf, listOfKeyWord } from './schema/list-keys.js';
import type { SchemaNode } from './schema/model.js';
import type { Schema } from './schema/model.js';
import { checkValue } from './schema/values.js';
import type { Activity, EditNode, EditOp } from './tree.js';

/** Where statements are being added: a schema node, the edit that stands for it (undefined at the top), and its path. */
export interface Level {
  readonly schema: SchemaNode;
  readonly edit: EditNode | undefined;
  readonly path: readonly string[];
  /** A list written `groups { re0 { ...` : each statement here starts with an entry's key. */
  readonly entriesOf?: SchemaNode;
}

export interface Walked {
  /** The statements made, to add at the starting level. */
  readonly nodes: EditNode[];
  /** Where a `{` after these words opens a block, if the last word allows one. */
  readonly open: Level | undefined;
}

export const editPath = (path: readonly string[]): string => `[edit${path.map((p) => ` ${p}`).join('')}]`;

export class StatementError extends Error {
  constructor(readonly rpcError: RpcError) {
    super(rpcError.message);
  }
}

const fail = (message: string, bad: string, path: readonly string[]): never => {
  throw new StatementError(configurationError(message, bad, editPath(path)));
};

/** A refused value: `syntax error` names the value (as for a value in an empty leaf), other messages the statement. */
const failValue = (message: string, value: string, statementWord: string, path: readonly string[]): never =>
  fail(message, message === 'syntax error' ? value : statementWord, path);

/** The statement a word names under `parent`; a key leaf of a list is not a statement. */
function statement(parent: SchemaNode, word: string): SchemaNode | undefined {
  const name = xmlNameOf(word);
  const c = parent.child(name);
  if (c && !parent.keys.includes(name)) return c;
  return undefined;
}

const leafOf = (name: string, value?: string, op: EditOp = 'merge'): EditNode => ({ name, ...(value !== undefined ? { value } : {}), op, children: [] });

/**
 * Walks `words` from `level`. `mode` `delete` lets the last statement go
 * without its value; `op` (and `activity`, for `deactivate`/`activate`) marks the last statement made.
 */
export function walkStatement(level: Level, words: readonly string[], mode: 'set' | 'delete', op: EditOp, activity?: Activity): Walked {
  const top: EditNode[] = [];
  let cur = level.schema;
  let curEdit = level.edit;
  let path = [...level.path];
  let last: EditNode | undefined;
  let open: Level | undefined = { ...level };
  const add = (n: EditNode): void => {
    (curEdit ? curEdit.children : top).push(n);
    last = n;
  };
  /** Reads the key words of an entry of `list` from `at` (schema/list-keys.ts for several keys) and enters it. */
  const entry = (list: SchemaNode, at: number): number => {
    const form = keyFormOf(cur.name, list.name);
    const children: EditNode[] = [];
    let j = at;
    const next = (what: string): string => {
      if (j >= words.length) fail('missing argument', what, path);
      return words[j++]!;
    };
    for (const k of list.keys) {
      if (k === 'choice-value') continue;
      if (k === 'choice-ident') {
        // The match word is the element (`orlonger`, `upto /24`); the YANG's `choice-value` is its value.
        const w = next(list.name);
        const xml = choiceKeyOf(list, w);
        if (xml === undefined) fail('syntax error', w, path);
        children.push(leafOf(xml!, isValuedChoice(xml!) ? next(w) : undefined));
        continue;
      }
      const keyword = form?.words[k];
      if (keyword !== undefined && next(list.name) !== keyword) fail('syntax error', words[j - 1]!, path);
      const v = next(keyword ?? list.name);
      const t = list.child(k)?.type;
      const p = t && checkValue(schemaOf(list), t, v);
      if (p) failValue(p.message, v, list.name, path);
      children.push(leafOf(k, v));
    }
    const e: EditNode = { name: list.name, op: 'merge', children };
    add(e);
    const byKeyAlone = list === bareOf(cur) || form?.listWord === false;
    path = [...path, ...(byKeyAlone ? [] : [list.name]), ...words.slice(at, j)];
    cur = list;
    curEdit = e;
    open = { schema: list, edit: e, path };
    return j;
  };
  let i = 0;
  if (level.entriesOf) i = entry(level.entriesOf, 0);
  /** The last word opened a container or entry: a value may follow for its keyword-less leaf. */
  let justEntered = false;
  while (i < words.length) {
    const w = words[i]!;
    const s = statement(cur, w);
    if (!s) {
      const bare = bareOf(cur) ?? keyWordList(cur, w);
      const pos = justEntered ? positionalOf(cur) : undefined;
      if (bare) {
        i = entry(bare, i);
        justEntered = true;
        continue;
      }
      const posLeaf = pos !== undefined ? cur.child(pos) : undefined;
      if (posLeaf && !checkValue(schemaOf(posLeaf), posLeaf.type!, w)) {
        add(leafOf(pos!, w));
        justEntered = false;
        i++;
        continue;
      }
      if (isEmulatorExtension(cur.name, w)) {
        add(leafOf(w));
        open = undefined;
        i++;
        continue;
      }
      fail('syntax error', w, path);
    }
    const sn = s!;
    i++;
    justEntered = sn.kind === 'container' || (sn.kind === 'list' && i < words.length);
    switch (sn.kind) {
      case 'container': {
        const c: EditNode = { name: sn.name, op: 'merge', children: [] };
        add(c);
        path = [...path, w];
        cur = sn;
        curEdit = c;
        open = { schema: sn, edit: c, path };
        break;
      }
      case 'list':
        if (i >= words.length) {
          if (mode === 'delete') {
            add({ name: sn.name, op: 'merge', children: [] });
            open = undefined;
          } else open = { schema: cur, edit: curEdit, path, entriesOf: sn };
          break;
        }
        i = entry(sn, i);
        break;
      case 'leaf': {
        open = undefined;
        if (sn.isEmptyLeaf) {
          add(leafOf(sn.name));
          break;
        }
        if (i >= words.length) {
          if (mode === 'delete') add(leafOf(sn.name));
          else fail('missing argument', w, path);
          break;
        }
        const v = words[i++]!;
        const p = checkValue(schemaOf(sn), sn.type!, v);
        if (p) failValue(p.message, v, w, path);
        add(leafOf(sn.name, v));
        break;
      }
      case 'leaf-list': {
        open = undefined;
        if (i >= words.length) {
          if (mode === 'delete') add({ ...leafOf(sn.name), leafList: true });
          else fail('missing argument', w, path);
          break;
        }
        let values: string[];
        if (words[i] === '[') {
          const close = words.indexOf(']', i);
          if (close < 0) fail('syntax error, expecting ]', w, path);
          values = words.slice(i + 1, close);
          i = close + 1;
        } else values = [words[i++]!];
        for (const v of values) {
          const p = checkValue(schemaOf(sn), sn.type!, v);
          if (p) failValue(p.message, v, w, path);
          add({ ...leafOf(sn.name, v), leafList: true });
        }
        break;
      }
    }
  }
  if (last && op !== 'merge') {
    const target = last as EditNode;
    (target as { op: EditOp }).op = op;
  }
  if (last && activity !== undefined) (last as { activity?: Activity }).activity = activity;
  return { nodes: top, open };
}

/** Every SchemaNode knows its schema; the walker needs it for union members. */
const schemaOf = (n: SchemaNode): Schema => n.owner;

const APPLY = new Set(['apply-groups', 'apply-groups-except', 'apply-macro']);

/**
 * The leaf a value right after `n`'s word belongs to: Junos's keyword-less
 * leaves (`autonomous-system 65000`, `route-distinguisher 65000:1`,
 * `filter input f`, `vrf-target target:65000:1`) are, in the published YANG,
 * the first leaf of a container; the YANG lost the flag itself. Only a value
 * the leaf's type takes is read so (statements.ts checks that).
 */
export function positionalOf(n: SchemaNode): string | undefined {
  const named = positionalLeaf(n.name);
  if (named !== undefined) return named;
  if (n.kind !== 'container') return undefined;
  for (const c of n.children().values()) {
    if (APPLY.has(c.name)) continue;
    return c.kind === 'leaf' && !c.isEmptyLeaf ? c.name : undefined;
  }
  return undefined;
}

/** The list under `n` whose entries begin with their first key's keyword (`from-zone` under SRX `policies`). */
function keyWordList(n: SchemaNode, word: string): SchemaNode | undefined {
  const name = listOfKeyWord(n.name, word, (list) => (n.child(list)?.kind === 'list' ? n.child(list)!.keys : undefined));
  return name !== undefined ? n.child(name) : undefined;
}

function bareOf(n: SchemaNode): SchemaNode | undefined {
  const name = bareListUnder(n.name, (c) => n.child(c)?.kind === 'list');
  return name !== undefined ? n.child(name) : undefined;
}
