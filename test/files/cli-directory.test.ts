/**
 * The session's CLI working directory: `<set-cli-working-directory>` and
 * `show cli directory` (as PyEZ's FS.cwd / FS.pwd send them), relative file
 * RPC paths resolved against it, refusals that leave it unchanged, and a new
 * session starting at home again.
 */
import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const CWD = (dir: string): string => `<cli>\n<working-directory>${dir}</working-directory>\n</cli>`;

describe('CLI working directory (set cli directory, show cli directory)', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [
          { name: TEST_USER.name, password: TEST_USER.password },
          { name: 'ro', password: 'ro123', class: 'read-only' },
          { name: 'nobody', password: 'nobody123', class: 'unauthorized' },
        ],
        speed: 'instant',
        devices: [{ name: 'r1', port: 0 }],
      },
    });
  });
  after(async () => t.stop());

  it('starts at the home directory; the RPC and <command> set it; relative file RPCs resolve there', async () => {
    const home = `/var/home/${TEST_USER.name}`;
    const r = await t.emulator.inject('r1', [
      '<command>show cli directory</command>',
      '<get-current-working-directory/>',
      '<set-cli-working-directory><directory>/var/tmp</directory></set-cli-working-directory>',
      '<command>show cli directory</command>',
      '<file-list><path>install</path></file-list>',
      '<file-list/>',
      '<command>set cli directory ../log</command>',
      '<command format="text">show cli directory</command>',
      '<file-show><filename>messages</filename></file-show>',
    ]);
    expect(r.replies[0]).to.include(CWD(home));
    expect(r.replies[1]).to.include(CWD(home));
    expect(r.replies[2]).to.include(CWD('/var/tmp'));
    expect(r.replies[3]).to.include(CWD('/var/tmp'));
    expect(r.replies[4]).to.include('<directory name="/var/tmp/install/">');
    expect(r.replies[5]).to.include('<directory name="/var/tmp/">').and.include('<file-name>gres-tp</file-name>');
    expect(r.replies[6]).to.include(CWD('/var/log'));
    expect(r.replies[7]).to.include('<output>Current directory: /var/log\n</output>');
    expect(r.replies[8]).to.not.include('<rpc-error>');
    const again = await t.emulator.inject('r1', ['<command>show cli directory</command>']);
    expect(again.replies[0], 'a new session starts at home').to.include(CWD(home));
  });

  it('refuses a missing directory and a file, and keeps the one it had; follows a link', async () => {
    const r = await t.emulator.inject('r1', [
      '<set-cli-working-directory><directory>/var/tmp</directory></set-cli-working-directory>',
      '<set-cli-working-directory><directory>/var/nope</directory></set-cli-working-directory>',
      '<command>set cli directory /var/log/messages</command>',
      '<set-cli-working-directory/>',
      '<get-current-working-directory/>',
    ]);
    t.emulator.device('r1')!.files.symlink('re0', '../log', '/var/tmp/to-log', 'lab');
    const link = await t.emulator.inject('r1', ['<command>set cli directory /var/tmp/to-log</command>']);
    expect(link.replies[0], 'a link leads to its directory').to.include(CWD('/var/log'));
    expect(r.replies[1]).to.include('<rpc-error>').and.include('<error-message>Invalid directory: No such file or directory</error-message>');
    expect(r.replies[2]).to.include('<error-message>Invalid directory: Not a directory</error-message>');
    expect(r.replies[3]).to.include('<rpc-error>');
    expect(r.replies[4]).to.include(CWD('/var/tmp'));
  });

  it('takes view: a read-only user may, an unauthorized one may not', async () => {
    const ro = await t.emulator.inject('r1', ['<set-cli-working-directory><directory>/var/tmp</directory></set-cli-working-directory>'], { user: 'ro' });
    expect(ro.replies[0]).to.include(CWD('/var/tmp'));
    const nobody = await t.emulator.inject('r1', ['<set-cli-working-directory><directory>/var/tmp</directory></set-cli-working-directory>', '<command>show cli directory</command>'], { user: 'nobody' });
    expect(nobody.replies[0]).to.include('<error-message>permission denied</error-message>');
    expect(nobody.replies[1]).to.include('permission denied');
  });
});
