/**
 * Which generated schema a device validates against, and loading it: once
 * per schema for the whole process (a fleet of 10,000 devices of one release
 * family shares one), on first use. The mapping is in docs/config-schema.md.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { compareMajorMinor } from '../../engine/releases/version.js';
import type { HardwareLine } from '../../engine/releases/types.js';
import { Schema, SCHEMA_FORMAT, type RawSchema } from './model.js';

type Family = 'junos' | 'junos-es' | 'junos-ex';

/** Published releases with a generated schema, per family, oldest first. */
const PUBLISHED: Readonly<Record<Family, readonly string[]>> = {
  junos: ['17.4', '18.4', '21.4', '23.4'],
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

/** The schema used where no device is at hand (unit tests of the formats): MX, 18.4. */
export function defaultSchema(): Schema {
  return loadSchema('junos-18.4R1');
}
