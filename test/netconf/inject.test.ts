import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';

describe('inject(): a session without SSH', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [
          { name: TEST_USER.name, password: TEST_USER.password },
          { name: 'ro', password: 'ro123', class: 'read-only' },
        ],
        speed: 'instant',
        devices: [{ name: 'r1', port: 0 }, { name: 'r11', port: 0, 'rfc-compliant': true, 'version-1.1': true }],
      },
    });
  });
  after(async () => t.stop());

  it('answers bare operations and whole <rpc>s in order, with the Junos envelope', async () => {
    const r = await t.emulator.inject('r1', [
      '<get-software-information/>',
      `<rpc xmlns="${NS}" message-id="custom-7" foo='bar'><get-test/></rpc>`,
      '<request-snapshot format="text"/>',
    ]);
    expect(r.hello).to.include('<!-- user lab, class j-super-user -->');
    expect(r.replies).to.have.length(3);
    expect(r.replies[0]).to.match(new RegExp(`^<rpc-reply xmlns:junos="http://xml.juniper.net/junos/[^"]+/junos" xmlns="${NS}" message-id="1">\n`));
    expect(r.replies[0]).to.include('software-information');
    expect(r.replies[1]).to.include(`message-id="custom-7" foo='bar'>`).and.include('<error-message>syntax error</error-message>').and.include('<bad-element>get-test</bad-element>');
    expect(r.replies[2]).to.include('The following filesystems were archived: / /config');
    expect(r.closed).to.equal(false);
  });

  it('checks the login class of the user it runs as', async () => {
    const r = await t.emulator.inject('r1', '<request-snapshot/>', { user: 'ro' });
    expect(r.replies[0]).to.include('<error-message>permission denied</error-message>').and.include('<bad-element>request-snapshot</bad-element>');
  });

  it('speaks base:1.1 with an rfc-compliant device when asked', async () => {
    const r = await t.emulator.inject('r11', '<get-software-information/>', { base11: true });
    expect(r.hello).to.include('urn:ietf:params:netconf:base:1.1');
    expect(r.replies[0]).to.match(/^<nc:rpc-reply xmlns:nc=/);
  });

  it('reports a session that the client closed', async () => {
    const r = await t.emulator.inject('r1', ['<close-session/>']);
    expect(r.replies[0]).to.include('<ok/>');
    expect(r.closed).to.equal(true);
  });

  it('answers a format no handler knows, such as an Object.prototype name, with an rpc-error', async () => {
    const r = await t.emulator.inject('r1', ['<get-software-information format="toString"/>', '<get-software-information format="__proto__"/>', '<get-system-storage><format>constructor</format></get-system-storage>']);
    for (const [i, word] of ['toString', '__proto__', 'constructor'].entries()) {
      expect(r.replies[i]).to.include('<error-message>invalid value for format</error-message>').and.include(`<bad-element>${word}</bad-element>`);
    }
  });
});
