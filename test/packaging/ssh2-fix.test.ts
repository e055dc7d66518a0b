/**
 * The start check of the ssh2 fix: it reads patches/ and finds the patched
 * lines in the ssh2 the emulator loads, and names what is missing otherwise.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkSsh2Fix, parsePatch, ssh2FixStatus, ssh2FixWarning } from '../../src/transport/ssh2-fix.js';
import { REPO_ROOT } from '../support/python.js';

const PATCH = join(REPO_ROOT, 'patches', 'ssh2+1.17.0.patch');

describe('the ssh2 fix check', () => {
  it('reads the added lines of each file and hunk of the patch', () => {
    const files = parsePatch(readFileSync(PATCH, 'utf8'));
    expect(files.map((f) => f.path)).to.deep.equal(['lib/protocol/Protocol.js', 'lib/protocol/crypto.js', 'lib/server.js']);
    expect(files[0]!.hunks[0]).to.deep.equal(["    'ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,'"]);
  });

  it('finds the fix in force in the ssh2 this checkout loads', () => {
    const s = ssh2FixStatus();
    expect(s.problems).to.deep.equal([]);
    expect(s.ok).to.equal(true);
    expect(s.ssh2Dir).to.equal(dirname(createRequire(import.meta.url).resolve('ssh2/package.json')));
  });

  it('reports an unpatched ssh2 by file and line, and says what breaks and how to fix it', () => {
    const root = mkdtempSync(join(tmpdir(), 'junos-emulator-unpatched-'));
    const ssh2 = join(root, 'node_modules', 'ssh2');
    cpSync(dirname(createRequire(import.meta.url).resolve('ssh2/package.json')), ssh2, { recursive: true });
    execFileSync('patch', ['-R', '-p1', '-s', '-d', root, '-i', PATCH]);
    const s = checkSsh2Fix(ssh2, PATCH);
    expect(s.ok).to.equal(false);
    // One problem per added line the reversed copy lacks, in patch order: the sig-algs comma, the padding pool, the service request.
    expect(s.problems[0]).to.include('lib/protocol/Protocol.js lacks the patched line');
    expect(s.problems.some((p) => p.includes('lib/protocol/crypto.js lacks the patched line'))).to.equal(true);
    expect(s.problems[s.problems.length - 1]).to.include('lib/server.js lacks the patched line');
    const w = ssh2FixWarning(s);
    expect(w).to.include(ssh2).and.include('paramiko-based clients').and.include('npx patch-package');
  });
});
