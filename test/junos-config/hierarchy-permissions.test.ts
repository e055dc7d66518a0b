/** Junos's per-hierarchy configuration permissions and hidden secrets (issue 9 item 8). */
import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const HASH = '$6$Hy9x3sTu$0HKWYpVVtm4ekQd3E3zqVRNRrV08oEWqU7BBPOH1Fch6CgR9uaJ/ZpCmRyEl9pIPm5KyDBqkr5GUk7uUtq8RJ1';
const set = (lines: string): string => `<load-configuration action="set" format="text"><configuration-set>${lines}</configuration-set></load-configuration>`;

describe('configuration permissions per hierarchy', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [
          { name: TEST_USER.name, password: TEST_USER.password },
          { name: 'cfg', password: 'cfg123', class: 'cfg-only' },
          { name: 'sys', password: 'sys123', class: 'sys-admin' },
        ],
        classes: { 'cfg-only': ['configure', 'view'], 'sys-admin': ['configure', 'view', 'system-control', 'admin', 'admin-control'] },
        speed: 'instant',
        devices: [{ name: 'r1', port: 0 }],
      },
    });
  });
  after(async () => t.stop());
  afterEach(async () => {
    await t.emulator.inject('r1', ['<discard-changes/>']);
  });

  it('a class with only configure cannot make itself super-user or set a password in [edit system login]', async () => {
    const r = await t.emulator.inject('r1', [
      set('set system login user cfg class super-user'),
      set(`set system login user admin authentication encrypted-password "${HASH}"`),
      '<get-configuration database="candidate" format="text"/>',
    ], { user: 'cfg' });
    expect(r.replies[0]).to.include('<error-message>permission denied</error-message>').and.include('<error-path>[edit system login user cfg]</error-path>').and.include('<bad-element>class</bad-element>');
    expect(r.replies[1]).to.include('<error-message>permission denied</error-message>').and.include('<error-path>[edit system login]</error-path>').and.include('<bad-element>user</bad-element>');
    expect(r.replies[2]).to.include('user cfg {\n            class cfg-only;\n        }');
  });

  it('deactivating a statement is a change of it: [edit system login] takes admin-control (issue 12)', async () => {
    const r = await t.emulator.inject('r1', [set('deactivate system login user lab'), set('deactivate system host-name')], { user: 'cfg' });
    expect(r.replies[0]).to.include('permission denied').and.include('<error-path>[edit system login]</error-path>').and.include('<bad-element>user</bad-element>');
    expect(r.replies[1]).to.include('permission denied').and.include('<bad-element>host-name</bad-element>');
    const ok = await t.emulator.inject('r1', [set('deactivate system login user cfg'), '<get-configuration format="set"/>'], { user: 'sys' });
    expect(ok.replies[1]).to.include('deactivate system login user cfg\n');
  });

  it('nor change [edit system] without system-control, nor get round it with a rollback load', async () => {
    const r = await t.emulator.inject('r1', [set('set system host-name sneaky'), '<load-configuration rollback="0"/>'], { user: 'cfg' });
    expect(r.replies[0]).to.include('permission denied').and.include('<error-path>[edit system]</error-path>').and.include('<bad-element>host-name</bad-element>');
    expect(r.replies[1]).to.include('<ok/>'); // rollback 0 is the committed configuration: no change
  });

  it('a class with admin-control may change logins, but not secrets without secret-control', async () => {
    const ok = await t.emulator.inject('r1', [set('set system login user newbie class operator'), '<commit-configuration/>'], { user: 'sys' });
    expect(ok.replies[0]).to.include('<ok/>');
    expect(ok.replies[1]).to.include('<commit-success/>');
    const secret = await t.emulator.inject('r1', [set(`set system login user newbie authentication encrypted-password "${HASH}"`)], { user: 'sys' });
    expect(secret.replies[0]).to.include('permission denied').and.include('<bad-element>encrypted-password</bad-element>');
  });

  it("commit checks the whole candidate: another user's change it may not make is refused", async () => {
    await t.emulator.inject('r1', [set('set system login user planted class super-user')]);
    const r = await t.emulator.inject('r1', ['<commit-configuration/>'], { user: 'cfg' });
    expect(r.replies[0]).to.include('permission denied').and.include('[edit system login]');
    const running = (await t.emulator.inject('r1', ['<get-configuration database="committed" format="text"/>'])).replies[0];
    expect(running).to.not.include('planted');
  });

  it('hides encrypted-password values from a class without secret, as Junos does', async () => {
    const done = await t.emulator.inject('r1', [set(`set system login user shown class operator\nset system login user shown authentication encrypted-password "${HASH}"`), '<commit-configuration/>']);
    expect(done.replies[0]).to.include('<ok/>');
    expect(done.replies[1]).to.include('<commit-success/>');
    const r = await t.emulator.inject('r1', [
      '<get-configuration database="committed" format="text"/>',
      '<get-config><source><running/></source></get-config>',
    ], { user: 'cfg' });
    // As a vQFX prints it for a class without `secret`: the placeholder unquoted, then Junos's comment.
    expect(r.replies[0]).to.include('encrypted-password /* SECRET-DATA */; ## SECRET-DATA').and.not.include(HASH);
    expect(r.replies[1]).to.include('<encrypted-password>/* SECRET-DATA */</encrypted-password>').and.not.include(HASH);
    const admin = await t.emulator.inject('r1', ['<get-config><source><running/></source></get-config>']);
    expect(admin.replies[0]).to.include(HASH);
  });
});
