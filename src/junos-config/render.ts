/**
 * A configuration (or part of it) as a `get-configuration` / `get-config`
 * reply body, and `show | compare`. Every renderer is work (slices.ts): it
 * builds pieces, checkpoints as it goes, and joins them once.
 */
import { attrsXml, emptyTag, endTag, escapeText, leafXml, startTag, type Attrs } from '../xml/writer.js';
import { localtime } from '../system/junos-time.js';
import { XNM_NS } from '../render/tree.js';
import type { CommitInfo } from './store.js';
import { pace, runNow, TextBuffer, type Work } from './slices.js';
import { pad, setLines, textPieces, type Sink } from './text-render.js';
import type { ConfigNode } from './tree.js';
import { keyOf } from './tree.js';
import { depthFirst } from './walk.js';
import { configurationDiffWork } from './diff.js';
import { defaultSchema } from './schema/catalog.js';
import type { Schema } from './schema/model.js';

export type ConfigFormat = 'xml' | 'text' | 'set' | 'json';


/**
 * How a configuration is stamped: a committed one with its commit, a
 * candidate with when it changed (20.4R0 trace, 18.2R1 vMX capture).
 */
export type ConfigurationStamp = CommitInfo | { readonly changedAt: number };

/** `junos:commit-*` attributes Junos puts on a committed configuration, `junos:changed-*` on a candidate, after the xnm namespace (every get-config / get-configuration capture). */
function commitAttributeList(info: ConfigurationStamp): Attrs {
  if ('changedAt' in info) {
    return [
      ['xmlns', XNM_NS],
      ['junos:changed-seconds', String(Math.floor(info.changedAt / 1000))],
      ['junos:changed-localtime', localtime(info.changedAt)],
    ];
  }
  return [
    ['xmlns', XNM_NS],
    ['junos:commit-seconds', String(Math.floor(info.at / 1000))],
    ['junos:commit-localtime', localtime(info.at)],
    ['junos:commit-user', info.user],
  ];
}

/** The same, written as attribute text (` junos:commit-seconds="…" …`). */
export function commitAttributes(info: ConfigurationStamp): string {
  return attrsXml(commitAttributeList(info));
}

const INACTIVE: Attrs = [['inactive', 'inactive']];

/**
 * Junos XML, one element per line, indented by four spaces as Junos does; the root's children at depth 1.
 * With `groupOf`, an inherited statement says its group (`junos:group`, `inherit="inherit" groups="groups"`).
 */
function xmlPieces(root: ConfigNode, out: Sink, groupOf?: (n: ConfigNode) => string | undefined): Work<void> {
  return depthFirst(root, {
    enter(n, _parent, depth) {
      const p = pad(depth + 1);
      const group = groupOf?.(n);
      const attrs: Attrs | undefined = group !== undefined ? [...(n.inactive ? INACTIVE : []), ['junos:group', group]] : n.inactive ? INACTIVE : undefined;
      if (n.children.length === 0) {
        out.push(`${p}${n.value === undefined ? emptyTag(n.name, attrs) : leafXml(n.name, n.value, attrs)}\n`);
        return -1;
      }
      out.push(`${p}${startTag(n.name, attrs)}\n`);
      return 0;
    },
    leave(n, depth) {
      out.push(`${pad(depth + 1)}${endTag(n.name)}\n`);
    },
  });
}

type Json = string | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** Junos JSON for configuration: containers are objects, list entries arrays, empty leaves `[null]`. */
function* jsonOf(root: ConfigNode): Work<Json> {
  if (root.children.length === 0) return root.value ?? [null];
  // objects[d] collects the members of the container being visited at depth d.
  // Keys are statement names the client chose: no prototype, so `__proto__` is a key like any other.
  const newObject = (): JsonObject => Object.create(null) as JsonObject;
  const objects: JsonObject[] = [newObject()];
  // An inactive statement carries Junos's JSON attribute member: `"@"` inside
  // a container or list entry, `"@name"` beside a leaf.
  const inactiveMark = (): JsonObject => {
    const o = newObject();
    o['inactive'] = true;
    return o;
  };
  const add = (to: JsonObject, c: ConfigNode, v: Json): void => {
    if (c.inactive && (typeof v === 'string' || Array.isArray(v))) to[`@${c.name}`] = inactiveMark();
    if (keyOf(c) !== undefined) ((to[c.name] ??= []) as Json[]).push(v);
    else to[c.name] = v;
  };
  yield* depthFirst(root, {
    enter(n, _parent, depth) {
      if (n.children.length === 0) {
        add(objects[depth]!, n, n.value ?? [null]);
        return -1;
      }
      objects[depth + 1] = newObject();
      if (n.inactive) objects[depth + 1]!['@'] = inactiveMark();
      return 0;
    },
    leave(n, depth) {
      add(objects[depth]!, n, objects[depth + 1]!);
    },
  });
  return objects[0]!;
}

/** Writes `v` exactly as `JSON.stringify(v, null, 4)` does at indent level `depth`, in pieces. */
function* jsonPieces(v: Json, depth: number, out: Sink): Work<void> {
  interface Frame {
    readonly items: readonly Json[];
    /** Member names of an object; undefined for an array. */
    readonly keys: readonly string[] | undefined;
    next: number;
  }
  const stack: Frame[] = [];
  /** Writes a scalar, or opens a container (pushing a frame); returns whether it opened one. */
  const open = (x: Json): void => {
    if (x === null || typeof x === 'string' || typeof x === 'boolean') out.push(JSON.stringify(x));
    else if (Array.isArray(x)) {
      if (x.length === 0) out.push('[]');
      else {
        out.push('[\n');
        stack.push({ items: x, keys: undefined, next: 0 });
      }
    } else {
      // Object.keys is the order JSON.stringify writes members in.
      const keys = Object.keys(x);
      if (keys.length === 0) out.push('{}');
      else {
        out.push('{\n');
        stack.push({ items: keys.map((k) => x[k]!), keys, next: 0 });
      }
    }
  };
  open(v);
  while (stack.length > 0) {
    if (pace()) yield;
    const f = stack[stack.length - 1]!;
    const level = depth + stack.length;
    if (f.next >= f.items.length) {
      stack.pop();
      out.push(`\n${pad(level - 1)}${f.keys ? '}' : ']'}`);
      continue;
    }
    const i = f.next++;
    out.push(`${i === 0 ? '' : ',\n'}${pad(level)}${f.keys ? `${JSON.stringify(f.keys[i]!)}: ` : ''}`);
    open(f.items[i]!);
  }
}

/**
 * `schema` is the configuration schema of the device's release (it decides
 * the one-line text forms: keyword-less leaves, `family inet {`); without
 * one, the MX 18.4 schema (unit tests of the formats).
 */
export function* renderConfigurationWork(
  tree: ConfigNode,
  format: ConfigFormat,
  info: ConfigurationStamp | undefined,
  schema?: Schema,
  groupOf?: (n: ConfigNode) => string | undefined,
): Work<string> {
  switch (format) {
    case 'xml': {
      // A filter that matched nothing: no stamps, an open and a close tag (18.2R1 vMX capture).
      if (tree.children.length === 0) return `${startTag('configuration')}\n${endTag('configuration')}\n`;
      const attrs = info ? commitAttributeList(info) : undefined;
      const out = new TextBuffer();
      out.push(`${startTag('configuration', attrs)}\n`);
      yield* xmlPieces(tree, out, groupOf);
      out.push(`${endTag('configuration')}\n`);
      return out.text();
    }
    case 'text': {
      const out = new TextBuffer(escapeText);
      // A candidate says when it changed (go-junos GetConfig output, configuration-mode `show`).
      if (info) out.push('changedAt' in info ? `## Last changed: ${localtime(info.changedAt)}\n` : `## Last commit: ${localtime(info.at)} by ${info.user}\n`);
      yield* textPieces(tree, out, schema ?? defaultSchema(), groupOf);
      return `${startTag('configuration-text')}\n${out.text()}${endTag('configuration-text')}\n`;
    }
    case 'set': {
      const out = new TextBuffer(escapeText);
      yield* setLines(tree, out);
      return `${startTag('configuration-set')}\n${out.text()}${endTag('configuration-set')}\n`;
    }
    case 'json': {
      const json = yield* jsonOf(tree);
      const out = new TextBuffer(escapeText);
      out.push('{\n    "configuration": ');
      yield* jsonPieces(json, 1, out);
      out.push('\n}');
      return `${out.text()}\n`;
    }
  }
}

export function renderConfiguration(tree: ConfigNode, format: ConfigFormat, info: ConfigurationStamp | undefined, schema?: Schema): string {
  return runNow(renderConfigurationWork(tree, format, info, schema));
}

/** `show | compare` (diff.ts): Junos's banners, marks and indentation; `schema` as for renderConfigurationWork. */
export function diffTextWork(before: ConfigNode, after: ConfigNode, schema?: Schema): Work<string> {
  return configurationDiffWork(before, after, schema);
}

export function diffText(before: ConfigNode, after: ConfigNode, schema?: Schema): string {
  return runNow(diffTextWork(before, after, schema));
}
