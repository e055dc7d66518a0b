/** A configuration (or part of it) as a `get-configuration` / `get-config` reply body. */
import { escapeText } from '../xml/escape.js';
import { renderSet, renderText } from './text-format.js';
import type { CommitInfo } from './store.js';
import type { ConfigNode } from './tree.js';
import { keyOf, renderXml } from './tree.js';

export type ConfigFormat = 'xml' | 'text' | 'set' | 'json';

function localtime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** `junos:commit-*` attributes Junos puts on a committed configuration. */
export function commitAttributes(info: CommitInfo): string {
  return ` junos:commit-seconds="${Math.floor(info.at / 1000)}" junos:commit-localtime="${localtime(info.at)}" junos:commit-user="${escapeText(info.user)}"`;
}

type Json = string | null | Json[] | { [k: string]: Json };

/** Junos JSON for configuration: containers are objects, list entries arrays, empty leaves `[null]`. */
function jsonOf(n: ConfigNode): Json {
  if (n.children.length === 0) return n.value ?? [null];
  // No prototype: statement names are the client's, and `toString` or `__proto__` must be plain keys.
  const out: { [k: string]: Json } = Object.create(null) as { [k: string]: Json };
  for (const c of n.children) {
    const v = jsonOf(c);
    if (keyOf(c) !== undefined) ((out[c.name] ??= []) as Json[]).push(v);
    else out[c.name] = v;
  }
  return out;
}

export function renderConfiguration(tree: ConfigNode, format: ConfigFormat, info: CommitInfo | undefined): string {
  switch (format) {
    case 'xml': {
      const attrs = info ? commitAttributes(info) : '';
      if (tree.children.length === 0) return `<configuration${attrs}/>\n`;
      return `<configuration${attrs}>\n${tree.children.map((c) => renderXml(c, '', 1)).join('')}</configuration>\n`;
    }
    case 'text': {
      const head = info ? `## Last commit: ${localtime(info.at)} by ${info.user}\n` : '';
      return `<configuration-text>\n${escapeText(head + renderText(tree))}</configuration-text>\n`;
    }
    case 'set':
      return `<configuration-set>\n${escapeText(renderSet(tree))}</configuration-set>\n`;
    case 'json':
      return `${escapeText(JSON.stringify({ configuration: jsonOf(tree) }, null, 4))}\n`;
  }
}

/**
 * `show | compare`: lines only in one of the two texts, marked - and +, under
 * one `[edit]` header. Junos groups them by hierarchy; this keeps the lines.
 */
export function diffText(before: ConfigNode, after: ConfigNode): string {
  const a = renderText(before).split('\n');
  const b = renderText(after).split('\n');
  const removed = a.filter((l) => l.trim() !== '' && !b.includes(l));
  const added = b.filter((l) => l.trim() !== '' && !a.includes(l));
  if (removed.length === 0 && added.length === 0) return '\n';
  return `[edit]\n${removed.map((l) => `-${l}`).join('\n')}${removed.length && added.length ? '\n' : ''}${added.map((l) => `+${l}`).join('\n')}\n`;
}
