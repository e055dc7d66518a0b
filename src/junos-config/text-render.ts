/**
 * `show configuration` as curly-brace text and as `set` lines: one walk over
 * the tree (walk.ts) that hands each line to a sink (a TextBuffer, or the
 * compare's line splitter) and checkpoints as it goes.
 */
import { isImplicitEntry } from './schema.js';
import { runNow, TextBuffer, type Work } from './slices.js';

/** Where rendered pieces go (a TextBuffer). */
export interface Sink {
  push(s: string): void;
}
import type { ConfigNode } from './tree.js';
import { keyOf } from './tree.js';
import { depthFirst } from './walk.js';

/** Junos quotes values with blanks or syntax characters, and password hashes (`$`). */
export function quote(v: string): string {
  return /^[^\s{};"'#[\]$]+$/.test(v) ? v : `"${v.replace(/(["\\])/g, '\\$1')}"`;
}

const pads: string[] = [''];
/** Four spaces per level, as Junos indents. */
export function pad(depth: number): string {
  while (pads.length <= depth) pads.push(`${pads[pads.length - 1]!}    `);
  return pads[depth]!;
}

/** Renders a configuration (its children) as Junos text, four-space indent, into `out`. */
export function textPieces(root: ConfigNode, out: Sink): Work<void> {
  return depthFirst(root, {
    enter(n, parent, depth) {
      const key = keyOf(n);
      const first = key !== undefined ? 1 : 0;
      let head = n.name;
      if (key !== undefined) head = isImplicitEntry(parent.name, n.name) ? quote(key) : `${n.name} ${quote(key)}`;
      if (n.inactive) head = `inactive: ${head}`;
      if (n.children.length <= first) {
        out.push(n.value === undefined ? `${pad(depth)}${head};\n` : `${pad(depth)}${head} ${quote(n.value)};\n`);
        return -1;
      }
      out.push(`${pad(depth)}${head} {\n`);
      return first;
    },
    leave(_n, depth) {
      out.push(`${pad(depth)}}\n`);
    },
  });
}

export function* renderTextWork(root: ConfigNode): Work<string> {
  const out = new TextBuffer();
  yield* textPieces(root, out);
  return out.text();
}

export function renderText(root: ConfigNode): string {
  return runNow(renderTextWork(root));
}

/**
 * `set` lines, one per leaf or empty statement, each with its newline, into
 * `out`; an inactive statement is followed by its `deactivate` line, after
 * the lines of everything under it (as `show | display set` prints it).
 */
export function setLines(root: ConfigNode, out: Sink): Work<void> {
  // prefixes[d] is the path down to the node being visited at depth d.
  const prefixes: string[] = [''];
  return depthFirst(root, {
    enter(n, parent, depth) {
      const prefix = prefixes[depth]!;
      const key = keyOf(n);
      const first = key !== undefined ? 1 : 0;
      let here = `${prefix} ${n.name}`;
      if (key !== undefined) here = isImplicitEntry(parent.name, n.name) ? `${prefix} ${quote(key)}` : `${prefix} ${n.name} ${quote(key)}`;
      if (n.children.length <= first) {
        out.push(`set${here}${n.value !== undefined ? ` ${quote(n.value)}` : ''}\n`);
        if (n.inactive) out.push(`deactivate${here}\n`);
        return -1;
      }
      prefixes[depth + 1] = here;
      return first;
    },
    leave(n, depth) {
      if (n.inactive) out.push(`deactivate${prefixes[depth + 1]!}\n`);
    },
  });
}

export function* renderSetWork(root: ConfigNode): Work<string> {
  const out = new TextBuffer();
  yield* setLines(root, out);
  return out.text();
}

export function renderSet(root: ConfigNode): string {
  return runNow(renderSetWork(root));
}
