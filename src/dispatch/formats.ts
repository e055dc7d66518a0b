import type { OutputFormat } from './types.js';

export interface FormatChoice {
  readonly format: OutputFormat;
  readonly minified: boolean;
}

/**
 * The values Junos takes in `format=`. A Map, not an object literal: the
 * value comes from the client, and `toString` or `__proto__` must be as
 * unknown here as any other word.
 */
const FORMATS: ReadonlyMap<string, FormatChoice> = new Map([
  ['xml', { format: 'xml', minified: false }],
  ['xml-minified', { format: 'xml', minified: true }],
  ['text', { format: 'text', minified: false }],
  ['ascii', { format: 'text', minified: false }],
  ['json', { format: 'json', minified: false }],
  ['json-minified', { format: 'json', minified: true }],
]);

export function outputFormat(name: string): FormatChoice | undefined {
  return FORMATS.get(name);
}
