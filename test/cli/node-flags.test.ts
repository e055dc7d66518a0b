import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { SERVER_NODE_FLAGS } from '../../src/cli/node-flags.js';

const root = new URL('../../../', import.meta.url);

describe('server node flags', () => {
  it('npm start and the bin shebang run the server with SERVER_NODE_FLAGS', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };
    const shebang = readFileSync(new URL('src/cli/main.ts', root), 'utf8').split('\n')[0]!;
    for (const flag of SERVER_NODE_FLAGS) {
      expect(pkg.scripts['start']).to.include(flag);
      expect(shebang).to.include(flag);
    }
    expect(shebang.startsWith('#!/usr/bin/env -S node ')).to.equal(true);
  });
});
