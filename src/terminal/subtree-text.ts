/**
 * A configuration subtree as the CLI prints it: `show` at `[edit system]` and
 * `show configuration system services` print what is inside the hierarchy,
 * without the braces around it, one level less indented per level.
 */
import type { XmlElement } from '../xml/element.js';

/**
 * The text of up to `depth` nested blocks around a subtree, unwrapped (a
 * path ending at a leaf, `system host-name`, has one block less than its
 * depth); any other text as it is.
 */
export function relativeTo(text: string, depth: number): string {
  if (depth === 0 || text === '') return text;
  const lines = text.replace(/\n$/, '').split('\n');
  // The candidate's `## Last changed:` header belongs to the whole configuration, not to a level's contents.
  if (lines[0]?.startsWith('## Last changed: ')) lines.shift();
  let k = 0;
  while (k < depth && lines.length >= 2 * (k + 1) && lines[k]!.trimEnd().endsWith('{') && lines[lines.length - 1 - k]!.trim() === '}') k++;
  if (k === 0) return text;
  const pad = ' '.repeat(4 * k);
  const inner = lines.slice(k, lines.length - k).map((l) => (l.startsWith(pad) ? l.slice(pad.length) : l.trimStart()));
  return inner.length > 0 ? `${inner.join('\n')}\n` : '';
}

/** How many statements deep the `<configuration>` filter of a get-configuration reaches (`system services`: 2). */
export function filterDepth(op: XmlElement): number {
  let depth = 0;
  let at = op.children.find((c) => c.name === 'configuration');
  for (;;) {
    // Key leaves (`<name>`, a multi-key entry's `<from-zone-name>trust</...>`) carry text; statements carry children or nothing.
    const next: XmlElement | undefined = at?.children.find((c) => c.name !== 'name' && !(c.children.length === 0 && c.text.trim() !== ''));
    if (!next) return depth;
    depth++;
    at = next;
  }
}
