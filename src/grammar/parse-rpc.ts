import type { XmlElement } from '../xml/element.js';
import { plainAttributes } from '../xml/element.js';
import { RpcError, syntaxError } from '../xml/rpc-error.js';
import { platformName } from './types.js';
import type { Dialect, LeafSpec, ParsedOptions, Platform, RpcGrammar } from './types.js';
import { conflictingOptions, missingArgument, notANumber, outOfRange } from '../errors/catalogue.js';

/** Attributes that every operational RPC takes and that are not leaves. */
const ENVELOPE_ATTRIBUTES = new Set(['format', 'junos:format', 'style']);

export function leafFor(grammar: RpcGrammar, name: string, on: Platform | Dialect): LeafSpec | undefined {
  const leaf = grammar.leaves.find((l) => l.name === name);
  if (!leaf) return undefined;
  if (leaf.platforms && !leaf.platforms.includes(platformName(on))) return undefined;
  // The running release decides the rest (a leaf added in 22.1 is a syntax error on 18.4).
  const allowed = typeof on === 'string' ? undefined : on.leaves[grammar.rpc];
  if (allowed && !allowed.includes(name)) return undefined;
  return leaf;
}

/** True when the RPC exists on the platform at all. */
export function rpcExistsOn(grammar: RpcGrammar, on: Platform | Dialect): boolean {
  return !grammar.platforms || grammar.platforms.includes(platformName(on));
}

/**
 * Checks one value against its leaf type. Returns the normalised value, or
 * throws the error Junos gives for it.
 */
export function checkLeafValue(leaf: LeafSpec, raw: string | true): string | true {
  switch (leaf.type.kind) {
    case 'empty':
      // Junos reports the stray value itself as the bad element.
      if (raw !== true && raw.trim() !== '') throw syntaxError(raw.trim());
      return true;
    case 'string': {
      if (raw === true || raw.trim() === '') throw missingValue(leaf);
      return raw.trim();
    }
    case 'uint': {
      if (raw === true || raw.trim() === '') throw missingValue(leaf);
      const v = raw.trim();
      if (!/^\d+$/.test(v)) {
        throw notANumber(leaf.name, v);
      }
      const n = Number(v);
      const { min, max } = leaf.type;
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
        throw outOfRange(leaf.name, n, min ?? 0, max ?? 4294967295);
      }
      return String(n);
    }
    case 'enum': {
      if (raw === true || raw.trim() === '') throw missingValue(leaf);
      const v = raw.trim();
      if (!leaf.type.values.includes(v)) throw syntaxError(v);
      return v;
    }
  }
}

function missingValue(leaf: LeafSpec): RpcError {
  return missingArgument(leaf.name, leaf.valueName);
}

/**
 * Reads the options of an operation element: leaves as child elements, or as
 * attributes of the operation element (PyEZ's positional-dict form).
 * Unknown leaves, and leaves of another platform, are refused the way Junos
 * refuses any element its schema lacks.
 */
export function parseRpcOptions(grammar: RpcGrammar, op: XmlElement, platform: Platform | Dialect): ParsedOptions {
  const out = new Map<string, string | true>();
  const groups = new Map<string, string>();
  const take = (name: string, raw: string | true): void => {
    const leaf = leafFor(grammar, name, platform);
    if (!leaf) throw syntaxError(name);
    const value = checkLeafValue(leaf, raw);
    if (leaf.group) {
      const other = groups.get(leaf.group);
      if (other !== undefined && other !== leaf.name) {
        throw conflictingOptions(leaf.name, other);
      }
      groups.set(leaf.group, leaf.name);
    }
    out.set(leaf.name, value);
  };
  for (const [name, value] of plainAttributes(op)) {
    if (ENVELOPE_ATTRIBUTES.has(name)) continue;
    take(name, leafTypeOf(grammar, name, platform) === 'empty' ? emptyAttr(name, value) : value);
  }
  for (const c of op.children) {
    if (c.name === 'format' && !leafFor(grammar, 'format', platform)) continue;
    if (c.children.length > 0) throw syntaxError(c.children[0]!.name);
    take(c.name, c.text === '' ? true : c.text);
  }
  return out;
}

function leafTypeOf(grammar: RpcGrammar, name: string, platform: Platform | Dialect): string | undefined {
  return leafFor(grammar, name, platform)?.type.kind;
}

/** An empty leaf given as an attribute: `partition=""`, `partition="partition"` or `partition="true"`. */
function emptyAttr(name: string, value: string): string | true {
  const v = value.trim().toLowerCase();
  return v === '' || v === 'true' || v === name ? true : value;
}
