/** Every RPC's permission comes from one place and is checked (issue 9 item 9). */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRegistry } from '../../rpc/index.js';
import { permissionOf } from '../../src/dispatch/types.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { REPO_ROOT } from '../support/python.js';

const denied = (reply: string | undefined, bad: string): void => {
  expect(reply).to.include('<error-message>permission denied</error-message>').and.include(`<bad-element>${bad}</bad-element>`);
};

describe('permissions: each RPC checked against its one declared permission', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [
          { name: TEST_USER.name, password: TEST_USER.password },
          { name: 'ro', password: 'ro123', class: 'read-only' },
          { name: 'op', password: 'op123', class: 'operator' },
          { name: 'nobody', password: 'nobody123', class: 'unauthorized' },
        ],
        speed: 'instant',
        devices: [{ name: 'r1', port: 0 }],
      },
    });
  });
  after(async () => t.stop());

  it('a read-only user cannot lock the candidate (and so cannot block commits)', async () => {
    const r = await t.emulator.inject('r1', ['<lock><target><candidate/></target></lock>', '<unlock><target><candidate/></target></unlock>'], { user: 'ro' });
    denied(r.replies[0], 'lock');
    denied(r.replies[1], 'unlock');
    const admin = await t.emulator.inject('r1', ['<lock><target><candidate/></target></lock>']);
    expect(admin.replies[0]).to.include('<ok/>');
  });

  it("an operator or read-only user cannot kill a super-user's session; a user may end its own other session", async () => {
    const admin = await t.client();
    const adminId = Number(/<session-id>(\d+)</.exec(admin.serverHello)![1]);
    for (const user of ['ro', 'op']) {
      const r = await t.emulator.inject('r1', [`<kill-session><session-id>${adminId}</session-id></kill-session>`], { user });
      denied(r.replies[0], 'kill-session');
    }
    expect(await admin.rpc('<get-software-information/>')).to.include('software-information');
    const mine = await t.client({ username: 'op', password: 'op123' });
    const mineId = Number(/<session-id>(\d+)</.exec(mine.serverHello)![1]);
    const r = await t.emulator.inject('r1', [`<kill-session><session-id>${mineId}</session-id></kill-session>`], { user: 'op' });
    expect(r.replies[0]).to.include('<ok/>');
    await mine.waitClosed();
  });

  it('a user of class unauthorized reads neither snapshots nor storage', async () => {
    const r = await t.emulator.inject('r1', ['<get-snapshot-information/>', '<get-system-storage/>', '<get-software-information/>'], { user: 'nobody' });
    denied(r.replies[0], 'get-snapshot-information');
    denied(r.replies[1], 'get-system-storage');
    denied(r.replies[2], 'get-software-information');
  });

  it('docs/permissions.md lists every RPC with the permission the code checks', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'permissions.md'), 'utf8');
    const table = doc.slice(doc.indexOf('| RPC | permission | declared by |'));
    const rows = new Map([...table.matchAll(/^\| `([a-z0-9-]+)` \| `([a-z-]+)` \|/gm)].map((m) => [m[1]!, m[2]!]));
    const reg = defaultRegistry();
    const code = new Map(reg.names().map((n) => [n, permissionOf(reg.find(n)!)]));
    expect(Object.fromEntries(rows)).to.deep.equal(Object.fromEntries(code));
  });
});
