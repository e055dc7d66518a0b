/**
 * Which generated schema a device validates against, and loading it: once
 * per schema for the whole process (a fleet of 10,000 devices of one release
 * family shares one), on first use. The mapping is in docs/config-schema.md.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import { runSliced } from '../slices.js';
import { parseJsonWork } from './json-slices.js';
import { compareMajorMinor } from '../../engine/releases/version.js';
import type { HardwareLine } from '../../engine/releases/types.js';
import { Schema, SCHEMA_FORMAT, type RawSchema } from './model.js';

const gunzipAsync = promisify(gunzip);

type Family = 'junos' | 'junos-es' | 'junos-ex';

/** Published releases with a generated schema, per family, oldest first. */
const PUBLISHED: Readonly<Record<Family, readonly string[]>> = {
  junos: ['17.4', '18.2', '18.4', '19.2', '19.4', '20.4', '21.4', '23.4'],
  'junos-es': ['17.4'],
  'junos-ex': ['17.4'],
};

/** Juniper's YANG families: M/MX/T (and the TX Matrix) are `junos`, SRX and J are `junos-es`, EX is `junos-ex`. */
const FAMILY: Readonly<Record<HardwareLine, Family>> = {
  mx: 'junos',
  'mx-ppc': 'junos',
  txmatrix: 'junos',
  'txmatrix-plus': 'junos',
  'j-series': 'junos-es',
  'srx-branch': 'junos-es',
  ex: 'junos-ex',
};

/**
 * The schema of the newest published release not newer than `version`;
 * releases older than the oldest published schema use the oldest.
 */
export function schemaIdFor(line: HardwareLine, version: string): string {
  const family = FAMILY[line];
  const published = PUBLISHED[family];
  let pick = published[0]!;
  for (const r of published) if (compareMajorMinor(version, r) >= 0) pick = r;
  return `${family}-${pick}R1`;
}

/** Package root: this file is dist/src/junos-config/schema/catalog.js (or the .ts under src/). */
function rootUrl(): URL {
  return import.meta.url.includes('/dist/') ? new URL('../../../../', import.meta.url) : new URL('../../../', import.meta.url);
}

const loaded = new Map<string, Schema>();
const pending = new Map<string, Promise<Schema>>();

/** Reads a schema file's bytes (gzip); tests replace it to hold a load at a point of their choosing. */
export type SchemaSource = (id: string) => Promise<Buffer>;

const fileSource: SchemaSource = (id) => readFile(new URL(`schemas/config/${id}.json.gz`, rootUrl()));
let source: SchemaSource = fileSource;

/** Replaces where schemas are read from (undefined: the package's files); returns the previous one. */
export function setSchemaSource(s: SchemaSource | undefined): SchemaSource {
  const before = source;
  source = s ?? fileSource;
  return before;
}

/** Forgets every loaded schema, so that the next use reads it again (tests of loading). */
export function forgetSchemas(): void {
  loaded.clear();
  pending.clear();
}

/**
 * The schema `id`, read without holding the event loop: the file is read and
 * gunzipped off the main thread, the JSON parsed in slices
 * (src/junos-config/slices.ts), so other sessions' RPCs run meanwhile (a
 * whole `JSON.parse` took 10-40 ms, the synchronous read and gunzip 30-130 ms
 * on a busy machine). One load per schema for the process: every caller while
 * it runs waits for the same one.
 */
export function schemaReady(id: string): Promise<Schema> {
  const have = loaded.get(id);
  if (have) return Promise.resolve(have);
  let p = pending.get(id);
  if (!p) {
    p = (async () => {
      const text = (await gunzipAsync(await source(id))).toString('utf8');
      const raw = (await runSliced(parseJsonWork(text))) as RawSchema;
      // A synchronous loadSchema may have read it meanwhile: keep the one object.
      const s = loaded.get(id) ?? new Schema(raw);
      loaded.set(id, s);
      return s;
    })();
    pending.set(id, p);
    // A failed read is tried again by the next use; the error goes to those waiting.
    p.then(
      () => pending.delete(id),
      () => pending.delete(id),
    );
  }
  return p;
}

/** The schema `id` if it is already loaded. */
export function loadedSchema(id: string): Schema | undefined {
  return loaded.get(id);
}

/**
 * Starts reading the schemas `ids` and returns at once (an emulator's start
 * calls it for the release families of its devices): the first load that
 * needs one then waits for the read under way, if any, instead of reading.
 * Errors are left to that use.
 */
export function preloadSchemas(ids: Iterable<string>): void {
  for (const id of new Set(ids)) schemaReady(id).catch(() => undefined);
}

/**
 * The schema `id` at once, read synchronously if it is not loaded yet: for
 * synchronous callers without a device (unit tests of the formats). The
 * request path uses schemaReady.
 */
export function loadSchema(id: string): Schema {
  let s = loaded.get(id);
  if (!s) {
    const raw = JSON.parse(gunzipSync(readFileSync(new URL(`schemas/config/${id}.json.gz`, rootUrl()))).toString('utf8')) as RawSchema;
    if (raw.format !== SCHEMA_FORMAT) throw new Error(`schemas/config/${id}.json.gz: format ${String(raw.format)}, this build reads ${SCHEMA_FORMAT} (run scripts/gen-config-schema.py)`);
    s = new Schema(raw);
    loaded.set(id, s);
  }
  return s;
}

export function schemaFor(line: HardwareLine, version: string): Schema {
  return loadSchema(schemaIdFor(line, version));
}

/** The schema of a release family, without holding the event loop (see schemaReady). */
export function schemaReadyFor(line: HardwareLine, version: string): Promise<Schema> {
  return schemaReady(schemaIdFor(line, version));
}

/** The id of defaultSchema. */
export const DEFAULT_SCHEMA_ID = 'junos-18.4R1';

/**
 * The schema used where no device is at hand: MX, 18.4 (unit tests of the
 * formats; the CLI's and `<command>`'s configuration paths, which the
 * emulator's start reads in the background with the devices' own).
 */
export function defaultSchema(): Schema {
  return loadSchema(DEFAULT_SCHEMA_ID);
}
