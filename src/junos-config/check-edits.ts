/**
 * Load-time checks of edits against the schema of the device's release
 * (src/junos-config/schema), with Junos's error shape (error-path
 * `[edit system]`, bad-element): unknown statements, values a leaf's type
 * refuses, leaves without their value. Text and `set` input was read
 * against the schema already (statements.ts); XML and JSON input is checked
 * here. Names must also be names: they become XML elements in every later
 * get-config.
 */
import { RpcError } from '../xml/rpc-error.js';
import { defaultSchema } from './schema/catalog.js';
import { isEmulatorExtension } from './schema/cli-names.js';
import { choiceCliWord, choiceKeyOf, isValuedChoice } from './schema/list-keys.js';
import type { Schema, SchemaNode } from './schema/model.js';
import { checkValue } from './schema/values.js';
import { pace, runNow, type Work } from './slices.js';
import { editPath } from './statements.js';
import type { EditNode } from './tree.js';
import { keyOf } from './tree.js';
import { allOf, configurationError } from '../errors/catalogue.js';

/** Junos statement keywords, as XML element names: ASCII NCNames. */
const STATEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

interface Frame {
  readonly nodes: readonly EditNode[];
  next: number;
  /** undefined below an emulator extension: nothing to check against. */
  readonly schema: SchemaNode;
  readonly path: readonly string[];
  /** The statement whose children these are (none at the top). */
  readonly owner?: EditNode;
}

/**
 * An XML or JSON statement the schema does not know: `syntax error` with the
 * element and no error-path, twice when it has statements inside (its start
 * and its end, as we read two 15.1X49 vSRX replies to Ansible's XML for an
 * `<lldp>` block that release lacks: two errors, `<load-error-count>2`).
 */
function unknownStatement(n: EditNode): RpcError[] {
  const e = configurationError('syntax error', n.name);
  return n.children.length > 0 ? [e, e] : [e];
}

/**
 * Checks XML or JSON edits. With `pruned`, unknown statements are taken out
 * of the arrays given and reported there, so the rest can load (a
 * load-configuration, as Junos loads what it could read); other refusals
 * still throw.
 */
export function* checkEditsWork(edits: readonly EditNode[], schema: Schema = defaultSchema(), pruned?: RpcError[]): Work<void> {
  const errors: RpcError[] = [];
  const emptied = new Set<EditNode>();
  const stack: Frame[] = [{ nodes: edits, next: 0, schema: schema.root, path: [] }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (f.next >= f.nodes.length) {
      stack.pop();
      continue;
    }
    const n = f.nodes[f.next++]!;
    if (pace()) yield;
    const { path } = f;
    const where = editPath(path);
    const unknown = (): void => {
      if (!pruned) {
        errors.push(...unknownStatement(n));
        return;
      }
      (f.nodes as EditNode[]).splice(--f.next, 1);
      pruned.push(...unknownStatement(n));
      if (f.nodes.length === 0 && f.owner) emptied.add(f.owner);
    };
    if (!STATEMENT_NAME.test(n.name)) {
      unknown();
      continue;
    }
    const s = f.schema.child(n.name);
    // `<domain-name active="active"/>` marks the statement there; it needs no value.
    const marksOnly = n.activity !== undefined && n.children.length === 0;
    if (!s) {
      if (isEmulatorExtension(f.schema.name, n.name) && n.value === undefined && n.children.length === 0) continue;
      if (f.schema.kind === 'list' && n.children.length === 0 && choiceKeyOf(f.schema, choiceCliWord(n.name)) === n.name) {
        // A multi-key entry's match word (`<orlonger/>`, `<upto>/24</upto>`): the YANG's choice-ident and choice-value.
        if (isValuedChoice(n.name) ? n.value === undefined && n.op !== 'delete' : n.value !== undefined) {
          errors.push(configurationError(n.value === undefined ? 'missing argument' : 'syntax error', n.value ?? n.name, where));
        }
        continue;
      }
      unknown();
      continue;
    }
    if (s.kind === 'leaf-list') n.leafList = true;
    if (s.kind === 'leaf' || s.kind === 'leaf-list') {
      if (n.children.length > 0) errors.push(configurationError('syntax error', n.children[0]!.name, editPath([...path, n.name])));
      else if (s.isEmptyLeaf) {
        if (n.value !== undefined) errors.push(configurationError('syntax error', n.value, editPath([...path, n.name])));
      } else if (n.value === undefined || n.value === '') {
        if (n.op !== 'delete' && !marksOnly) errors.push(configurationError('missing argument', n.name, where));
      } else {
        const p = checkValue(schema, s.type!, n.value);
        if (p) errors.push(configurationError(p.message, p.message === 'syntax error' ? n.value : n.name, where));
      }
      continue;
    }
    if (n.value !== undefined && n.children.length === 0 && s.kind === 'container') {
      errors.push(configurationError('syntax error', n.value, editPath([...path, n.name])));
      continue;
    }
    if (n.children.length > 0) {
      const key = s.kind === 'list' ? keyOf(n) : undefined;
      stack.push({ nodes: n.children, next: 0, schema: s, path: [...path, n.name, ...(key !== undefined ? [key] : [])], owner: n });
    }
  }
  if (errors.length > 0) throw allOf(errors);
  if (emptied.size > 0) dropEmptied(edits as EditNode[], emptied);
}

/** Statements left with nothing in them by pruning go too (`<protocols>` around a refused `<lldp>`), without a warning. */
function dropEmptied(nodes: EditNode[], emptied: Set<EditNode>): void {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.children.length > 0) {
      dropEmptied(n.children, emptied);
      if (n.children.length === 0) emptied.add(n);
    }
    if (emptied.has(n) && n.children.length === 0 && n.value === undefined && n.activity === undefined && n.op === 'merge') nodes.splice(i, 1);
  }
}

export function checkEdits(edits: readonly EditNode[], schema?: Schema): void {
  runNow(checkEditsWork(edits, schema));
}
