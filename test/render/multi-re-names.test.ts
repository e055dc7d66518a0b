/**
 * Each item of a multi-routing-engine reply names its own target: a renderer
 * that repeated the first name would still "include" it, so compare lists.
 */
import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const names = (xml: string): string[] => [...xml.matchAll(/<re-name>([^<]+)<\/re-name>/g)].map((m) => m[1]!);

describe('multi-RE replies name every target', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        speed: 'instant',
        devices: [{ name: 'tx', profile: 'txmatrix', port: 0 }, { name: 'mx', profile: 'mx960', port: 0 }],
      },
    });
  });
  after(async () => t.stop());

  it('request-snapshot, get-snapshot-information and get-system-storage over all-lcc: one distinct name per item, the same list', async () => {
    const r = await t.emulator.inject('tx', ['<request-snapshot><all-lcc/></request-snapshot>', '<get-snapshot-information><all-lcc/></get-snapshot-information>', '<get-system-storage><all-lcc/></get-system-storage>']);
    const lists = r.replies.map(names);
    expect(lists[0]!.length).to.be.greaterThan(1);
    expect(new Set(lists[0]).size).to.equal(lists[0]!.length);
    expect(lists[0]!.every((n) => /^lcc\d-re0$/.test(n))).to.equal(true);
    expect(lists[1]).to.deep.equal(lists[0]);
    expect(lists[2]).to.deep.equal(lists[0]);
  });

  it('show version invoke-on all-routing-engines on a dual-RE MX: re0 then re1', async () => {
    const r = await t.emulator.inject('mx', ['<command>show version invoke-on all-routing-engines</command>']);
    expect(names(r.replies[0]!)).to.deep.equal(['re0', 're1']);
  });
});
