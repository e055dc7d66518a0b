/**
 * Turns a rendered result into the body placed inside <rpc-reply> for the
 * requested format. Text is ONE <output> holding the whole CLI text, headers
 * of multi-target replies included, as the CLI would print it.
 */
import { escapeText } from '../xml/writer.js';
import { outputXml } from './operation-results.js';
import { toJsonText, toXml } from './tree.js';
import type { XNode } from './tree.js';

export type BodyFormat = 'xml' | 'text' | 'json';

export function replyBody(format: BodyFormat, minified: boolean, tree: () => XNode, text: () => string): string {
  switch (format) {
    case 'text':
      return outputXml(text());
    case 'json':
      return `${escapeText(toJsonText(tree(), minified))}\n`;
    case 'xml':
      return toXml(tree(), minified);
  }
}
