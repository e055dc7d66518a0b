/**
 * The release model: a device's behaviour is a row of its hardware line's
 * table, chosen by the release it runs. Everything release-dependent reads
 * the row; nothing else compares release numbers.
 */
import type { Dialect } from '../../grammar/types.js';
import { J_SERIES_TABLE, SRX_BRANCH_TABLE } from './branch.js';
import { EX_TABLE } from './ex.js';
import { TXMATRIX_PLUS_TABLE, TXMATRIX_TABLE } from './matrix.js';
import { MX_TABLE } from './mx.js';
import { MX_PPC_TABLE } from './mx-ppc.js';
import type { HardwareLine, ReleaseRow, ReleaseTable } from './types.js';
import { compareMajorMinor } from './version.js';

export type * from './types.js';
export { dataNamespaceRelease, rootNamespaceRelease, parseRelease, atLeast } from './version.js';

export const RELEASE_TABLES: Readonly<Record<HardwareLine, ReleaseTable>> = {
  mx: MX_TABLE,
  'mx-ppc': MX_PPC_TABLE,
  txmatrix: TXMATRIX_TABLE,
  'txmatrix-plus': TXMATRIX_PLUS_TABLE,
  'j-series': J_SERIES_TABLE,
  ex: EX_TABLE,
  'srx-branch': SRX_BRANCH_TABLE,
};

/** The row for a release: the last row that starts at or before it (the first row for anything older). */
export function releaseRow(line: HardwareLine, version: string): ReleaseRow {
  const rows = RELEASE_TABLES[line].rows;
  let row = rows[0]!;
  for (const r of rows) if (compareMajorMinor(version, r.from) >= 0) row = r;
  return row;
}

export function dialectOf(line: HardwareLine, version: string): Dialect {
  return { platform: RELEASE_TABLES[line].platform, leaves: releaseRow(line, version).leaves };
}

/** `{MODEL}` in a package comment or version, filled with the chassis model. */
export function fillModel(text: string, model: string): string {
  return text.replace(/\{MODEL\}/g, model.toUpperCase());
}
