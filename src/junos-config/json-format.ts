/**
 * Junos's JSON configuration form (`<load-configuration format="json">`,
 * `<configuration-json>`), as PyEZ `Config.load(format='json')` sends it:
 * `{"configuration": {"system": {"host-name": "r1", "services": {"ssh": [null]}}}}`.
 * Containers are objects, list entries arrays of objects, an empty leaf is
 * `[null]`, a leaf-list an array of values; `"@"` (and `"@name"` for a leaf)
 * carries attributes, of which `operation` / `delete` / `replace` are read.
 * The statements are checked against the schema afterwards (check-edits.ts).
 */
import { configurationError } from '../errors/catalogue.js';
import type { RpcError } from '../xml/rpc-error.js';
import { isChoiceWord, multiKeysOf } from './schema/list-keys.js';
import type { EditNode, EditOp } from './tree.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const refuse = (message: string, bad: string): RpcError => configurationError(message, bad);

function opOf(attrs: Json | undefined, inherited: EditOp): EditOp {
  if (!attrs || typeof attrs !== 'object' || Array.isArray(attrs)) return inherited;
  const o = attrs['operation'];
  if (o === 'delete' || o === 'remove') return 'delete';
  if (o === 'replace' || o === 'merge' || o === 'create') return o;
  if (attrs['delete'] !== undefined) return 'delete';
  if (attrs['replace'] !== undefined) return 'replace';
  return inherited;
}

/** `"operation": "remove"`: deleted if there, silently otherwise (RFC 6241). */
function quiet(attrs: Json | undefined): { ifPresent?: true } {
  return attrs && typeof attrs === 'object' && !Array.isArray(attrs) && attrs['operation'] === 'remove' ? { ifPresent: true } : {};
}

function scalar(v: Json, name: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw refuse('syntax error', name);
}

function members(obj: { [k: string]: Json }, inherited: EditOp): EditNode[] {
  const out: EditNode[] = [];
  const childOp = inherited === 'replace' ? 'replace' : 'merge';
  for (const [name, v] of Object.entries(obj)) {
    if (name.startsWith('@')) continue;
    const op = opOf(obj[`@${name}`], childOp);
    const q = quiet(obj[`@${name}`]);
    if (Array.isArray(v)) {
      if (v.length === 1 && v[0] === null) out.push({ name, op, children: [], ...q });
      else
        for (const item of v) {
          if (item !== null && typeof item === 'object' && !Array.isArray(item)) out.push(entry(name, item, childOp));
          else out.push({ name, value: scalar(item, name), op, children: [], ...q });
        }
    } else if (v !== null && typeof v === 'object') out.push(entry(name, v, childOp));
    else if (v === null) out.push({ name, op, children: [], ...q });
    else out.push({ name, value: scalar(v, name), op, children: [], ...q });
  }
  return out;
}

function entry(name: string, obj: { [k: string]: Json }, inherited: EditOp): EditNode {
  const op = opOf(obj['@'], inherited);
  const children = members(obj, op);
  // A list entry's key comes first, as in Junos XML.
  const k = children.findIndex((c) => c.name === 'name');
  if (k > 0) children.unshift(...children.splice(k, 1));
  else if (k < 0) keysFirst(name, children);
  return { name, op, children, ...quiet(obj['@']) };
}

/** A multi-key entry's keys first, in the YANG's order (schema/list-keys.ts), where a JSON object may have put them anywhere. */
function keysFirst(name: string, children: EditNode[]): void {
  const keys = multiKeysOf(name);
  if (keys === undefined) return;
  const front: EditNode[] = [];
  for (const key of keys) {
    if (key === 'choice-value') continue;
    const i = children.findIndex((c) => (key === 'choice-ident' ? isChoiceWord(c.name) : c.name === key));
    if (i >= 0) front.push(...children.splice(i, 1));
  }
  children.unshift(...front);
}

/** The edits a JSON configuration document describes. */
export function parseJsonConfiguration(text: string): EditNode[] {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch {
    throw refuse('syntax error, expecting JSON object', 'configuration-json');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw refuse('syntax error, expecting JSON object', 'configuration-json');
  const conf = doc['configuration'];
  if (conf === undefined) return members(doc, 'merge');
  if (conf === null || typeof conf !== 'object' || Array.isArray(conf)) throw refuse('syntax error', 'configuration');
  return members(conf, 'merge');
}
