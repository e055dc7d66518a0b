/** docs/releases.md names every profile and every release row, so the table cannot fall behind the model. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILE_NAMES } from '../../src/engine/index.js';
import { RELEASE_TABLES } from '../../src/engine/releases/index.js';
import { REPO_ROOT } from '../support/python.js';

describe('docs/releases.md', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'releases.md'), 'utf8');
  it('has a row for every profile', () => {
    for (const p of PROFILE_NAMES) expect(doc, p).to.include(`| \`${p}\` |`);
  });
  it('names every release row of every hardware line', () => {
    for (const table of Object.values(RELEASE_TABLES)) {
      expect(doc, table.line).to.include(`| ${table.line}`);
      for (const row of table.rows) expect(doc, `${table.line} ${row.from}`).to.include(row.from);
    }
  });
});
