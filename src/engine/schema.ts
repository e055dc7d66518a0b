/**
 * YANG modules the emulator serves with <get-schema> and advertises in the
 * hello. The module text is read from yang/ at the package root.
 */
import { readFileSync } from 'node:fs';

export interface SchemaModule {
  readonly name: string;
  readonly revision: string;
  readonly namespace: string;
  /** Path of the module text relative to the package root. */
  readonly file: string;
}

export const SCHEMA_MODULES: readonly SchemaModule[] = [
  {
    name: 'junos-emulator-snapshot',
    revision: '2026-12-01',
    namespace: 'urn:junos-emulator:snapshot',
    file: 'yang/junos-emulator-snapshot.yang',
  },
];

/** Package root: this file is dist/src/engine/schema.js (or src/engine/schema.ts). */
const ROOT = new URL('../../../', import.meta.url);

function rootUrl(): URL {
  // Compiled code sits one level deeper (dist/) than the sources.
  return import.meta.url.includes('/dist/') ? ROOT : new URL('../../', import.meta.url);
}

const cache = new Map<string, string>();

export function schemaText(m: SchemaModule): string {
  let text = cache.get(m.name);
  if (text === undefined) {
    text = readFileSync(new URL(m.file, rootUrl()), 'utf8');
    cache.set(m.name, text);
  }
  return text;
}

/** The capability URI for the hello (unescaped; XML-escape `&` when writing it). */
export function capabilityFor(m: SchemaModule): string {
  return `${m.namespace}?module=${m.name}&revision=${m.revision}`;
}
