import { expect } from 'chai';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { newEd25519KeyPair } from '../../src/transport/device-keys.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

// `openssh passwd -6 -salt saltsalt lab123`
const HASH = '$6$saltsalt$zkp70g3yJbFNLS1mvr6qzPqnY1uIvG3HQKmmCae5.fqzlEtUFKG37VXJJ1peew3cuiYOzvBluric6Lq2y1ENc0';

describe('configuration: system login user', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator();
  });
  after(async () => t.stop());

  const login = (username: string, auth: { password?: string; privateKey?: string }): Promise<NetconfClient> =>
    NetconfClient.connect({ host: '127.0.0.1', port: t.port, username, ...auth });

  const refused = async (username: string, auth: { password?: string; privateKey?: string }): Promise<boolean> => {
    try {
      (await login(username, auth)).close();
      return false;
    } catch {
      return true;
    }
  };

  it('a committed user logs in with its encrypted-password or its ssh key, with its class', async () => {
    const pair = newEd25519KeyPair('bob@lab');
    const admin = await t.client();
    const load = await admin.rpc(
      '<load-configuration><configuration><system><login><user><name>bob</name><class>operator</class><authentication>' +
        `<encrypted-password>${HASH}</encrypted-password><ssh-ed25519><name>${pair.public.trim()}</name></ssh-ed25519>` +
        '</authentication></user></login></system></configuration></load-configuration>',
    );
    expect(load).to.not.include('<rpc-error>');
    expect(await refused('bob', { password: 'lab123' }), 'not before the commit').to.equal(true);
    expect(await admin.rpc('<commit-configuration/>')).to.include('<commit-success/>');

    const byPassword = await login('bob', { password: 'lab123' });
    expect(byPassword.serverHello).to.include('<!-- user bob, class j-operator -->');
    expect(await byPassword.rpc('<request-snapshot/>')).to.include('<error-message>permission denied</error-message>');
    byPassword.close();
    expect(await refused('bob', { password: 'lab1234' })).to.equal(true);
    (await login('bob', { privateKey: pair.private })).close();

    const text = await admin.rpc('<get-configuration database="committed" format="set"/>');
    expect(text).to.include(`set system login user bob authentication encrypted-password "${HASH}"`);

    await admin.rpc('<load-configuration action="set" format="text"><configuration-set>delete system login user bob</configuration-set></load-configuration>');
    expect(await admin.rpc('<commit-configuration/>')).to.include('<commit-success/>');
    expect(await refused('bob', { password: 'lab123' }), 'deleted users cannot log in').to.equal(true);
    expect(await refused(TEST_USER.name, { password: TEST_USER.password }), 'the harness login keeps working').to.equal(false);
  });

  it('takes the same user in set format, the hash quoted as Junos shows it', async () => {
    const admin = await t.client();
    await admin.rpc(
      '<load-configuration action="set" format="text"><configuration-set>' +
        `set system login user carol class read-only\nset system login user carol authentication encrypted-password "${HASH}"` +
        '</configuration-set></load-configuration>',
    );
    expect(await admin.rpc('<commit-configuration/>')).to.include('<commit-success/>');
    const carol = await login('carol', { password: 'lab123' });
    expect(carol.serverHello).to.include('class j-read-only');
    carol.close();
  });
});
