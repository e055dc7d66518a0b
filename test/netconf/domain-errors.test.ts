/** Domain refusals reach the client as Junos/RFC errors, mapped once in the dispatcher. */
import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

describe('dispatcher: domain errors', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({ yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', port: 0 }] } });
  });
  after(async () => t.stop());

  it('edit-config operation="create" on an existing statement is RFC 6241 data-exists, not internal error', async () => {
    const edit = (op: string): string =>
      `<edit-config><target><candidate/></target><config><configuration><system><host-name operation="${op}">made-here</host-name></system></configuration></config></edit-config>`;
    const r = await t.emulator.inject('r1', [edit('merge'), edit('create')]);
    expect(r.replies[0]).to.include('<ok/>');
    expect(r.replies[1]).to.include('<error-type>application</error-type>').and.include('<error-tag>data-exists</error-tag>');
    expect(r.replies[1]).to.not.include('internal error');
  });
});
