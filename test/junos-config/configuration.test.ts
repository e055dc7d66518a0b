/**
 * The configuration datastores over NETCONF: loads in three formats, commit
 * and its effects on the device, confirmed commits on the virtual clock,
 * locks, private candidates, Junos-shaped load errors, persistence.
 */
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSetLines } from '../../src/junos-config/set-format.js';
import { editTree } from '../../src/junos-config/edit.js';
import { parseText } from '../../src/junos-config/text-format.js';
import { renderSet, renderText } from '../../src/junos-config/text-render.js';
import { emptyConfiguration } from '../../src/junos-config/tree.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const errorOf = (r: string): { message?: string; bad?: string; path?: string } => ({
  message: /<error-message>([\s\S]*?)<\/error-message>/.exec(r)?.[1],
  bad: /<bad-element>(.*?)<\/bad-element>/.exec(r)?.[1],
  path: /<error-path>(.*?)<\/error-path>/.exec(r)?.[1],
});

describe('configuration: formats', () => {
  it('set lines, text and rendering agree', () => {
    let tree = editTree(
      emptyConfiguration(),
      parseSetLines('set system host-name r9\nset system mirror-flash-on-disk\nset system login user ops class operator\nset interfaces ge-0/0/0 unit 0 family inet address 10.1.1.1/24'),
    );
    const text = renderText(tree);
    expect(text).to.equal(
      'system {\n    host-name r9;\n    mirror-flash-on-disk;\n    login {\n        user ops {\n            class operator;\n        }\n    }\n}\n' +
        'interfaces {\n    ge-0/0/0 {\n        unit 0 {\n            family inet {\n                address 10.1.1.1/24;\n            }\n        }\n    }\n}\n',
    );
    const again = editTree(emptyConfiguration(), parseText(text));
    expect(again).to.deep.equal(tree);
    expect(renderSet(tree)).to.include('set interfaces ge-0/0/0 unit 0 family inet address 10.1.1.1/24\n');
    tree = editTree(tree, parseSetLines('delete system mirror-flash-on-disk\ndelete interfaces ge-0/0/0'));
    expect(renderSet(tree)).to.equal('set system host-name r9\nset system login user ops class operator\n');
  });
});

describe('configuration: over NETCONF', function () {
  let t: TestEmulator;
  const stateDir = mkdtempSync(join(tmpdir(), 'junos-emulator-cfgstate-'));
  const yaml = {
    users: [
      { name: TEST_USER.name, password: TEST_USER.password },
      { name: 'ro', password: 'ro123', class: 'read-only' },
    ],
    speed: 'instant',
    'state-dir': stateDir,
    devices: [{ name: 'r1', profile: 'mx960', port: 0, 'mirror-flash-on-disk': true }],
  };
  before(async () => {
    t = await startTestEmulator({ yaml });
  });
  after(async () => t?.stop());

  it('starts with what the YAML says: host name, users, mirror-flash-on-disk', async () => {
    const c = await t.client();
    const r = await c.rpc('<get-configuration database="committed" format="set"/>');
    expect(r).to.include('set system host-name r1\n').and.include('set system login user lab class super-user\n').and.include('set system mirror-flash-on-disk\n');
  });

  it('mirror-flash-on-disk: committed it refuses snapshots; deleting it lets them run', async () => {
    const c = await t.client();
    expect(errorOf(await c.rpc('<request-snapshot/>')).message).to.equal('Snapshot is not possible since mirror-flash-on-disk is configured.');
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>delete system mirror-flash-on-disk</configuration-set></load-configuration>');
    // Loaded but not committed: still refused.
    expect(errorOf(await c.rpc('<request-snapshot/>')).message).to.equal('Snapshot is not possible since mirror-flash-on-disk is configured.');
    expect(await c.rpc('<commit-configuration><log>drop mirroring</log></commit-configuration>')).to.include('<commit-success/>');
    expect(await c.rpc('<request-snapshot/>')).to.include('<snapshot-information');
    await c.rpc('<load-configuration><configuration><system><mirror-flash-on-disk/></system></configuration></load-configuration>');
    await c.rpc('<commit-configuration/>');
    expect(errorOf(await c.rpc('<request-snapshot/>')).message).to.equal('Snapshot is not possible since mirror-flash-on-disk is configured.');
    await c.rpc('<load-configuration><configuration><system><mirror-flash-on-disk delete="delete"/></system></configuration></load-configuration>');
    await c.rpc('<commit-configuration/>');
  });

  it('host-name and domain-name: committed values reach show version and file-show', async () => {
    const c = await t.client();
    await c.rpc('<load-configuration format="text"><configuration-text>system { host-name edge9; domain-name lab.example; }</configuration-text></load-configuration>');
    expect(await c.rpc('<get-software-information/>')).to.include('<host-name>r1</host-name>');
    await c.rpc('<commit-configuration/>');
    expect(await c.rpc('<get-software-information/>')).to.include('<host-name>edge9</host-name>');
    expect(await c.rpc('<file-show><filename>/etc/resolv.conf</filename></file-show>')).to.include('domain lab.example');
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system host-name r1\ndelete system domain-name</configuration-set></load-configuration>');
    await c.rpc('<commit-configuration/>');
  });

  it('candidate vs committed, discard-changes, override and replace', async () => {
    const c = await t.client();
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set snmp community public</configuration-set></load-configuration>');
    expect(await c.rpc('<get-configuration format="text"/>')).to.include('community public;');
    expect(await c.rpc('<get-configuration database="committed" format="text"/>')).to.not.include('community');
    await c.rpc('<discard-changes/>');
    expect(await c.rpc('<get-configuration format="text"/>')).to.not.include('community');
    await c.rpc('<load-configuration><configuration><system><login replace="replace"><user><name>lab</name><class>super-user</class></user></login></system></configuration></load-configuration>');
    const cand = await c.rpc('<get-configuration><configuration><system><login/></system></configuration></get-configuration>');
    expect(cand).to.include('<name>lab</name>').and.not.include('<name>ro</name>');
    await c.rpc('<load-configuration action="override" format="text"><configuration-text>system { host-name only; login { user lab { class super-user; } } }</configuration-text></load-configuration>');
    expect(await c.rpc('<get-configuration format="set"/>')).to.include('set system host-name only\nset system login user lab class super-user\n</configuration-set>');
    await c.rpc('<discard-changes/>');
  });

  it('load errors are Junos-shaped; a commit check names the statement', async () => {
    const c = await t.client();
    const e1 = errorOf(await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system host-name</configuration-set></load-configuration>'));
    expect(e1).to.deep.equal({ message: 'missing argument', bad: 'host-name', path: '[edit system]' });
    const e2 = errorOf(await c.rpc('<load-configuration format="text"><configuration-text>system { mirror-flash-on-disk yes; }</configuration-text></load-configuration>'));
    // An empty leaf takes no value: the next word is read as a statement of [edit system], which has no `yes`.
    expect(e2).to.deep.equal({ message: 'syntax error', bad: 'yes', path: '[edit system]' });
    const e3 = errorOf(await c.rpc('<load-configuration format="text"><configuration-text>system { host-name x </configuration-text></load-configuration>'));
    expect(e3.message).to.match(/^syntax error/);
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system login user lab class nosuchclass</configuration-set></load-configuration>');
    const e4 = await c.rpc('<commit-configuration><check/></commit-configuration>');
    expect(errorOf(e4)).to.deep.equal({ message: "Referenced class 'nosuchclass' is not defined", bad: 'class', path: '[edit system login user lab]' });
    expect(e4).to.include('configuration check-out failed');
    expect(errorOf(await c.rpc('<commit-configuration/>')).message).to.equal("Referenced class 'nosuchclass' is not defined");
    await c.rpc('<discard-changes/>');
  });

  it('locks: an exclusive lock keeps other sessions out; a modified candidate cannot be locked', async () => {
    const a = await t.client();
    const b = await t.client();
    expect(await a.rpc('<lock-configuration/>')).to.include('<ok/>');
    const denied = await b.rpc('<load-configuration action="set" format="text"><configuration-set>set snmp location x</configuration-set></load-configuration>');
    expect(denied).to.include('<error-tag>lock-denied</error-tag>');
    expect(await b.rpc('<lock>\n<target><candidate/></target>\n</lock>')).to.include('lock-denied');
    await a.rpc('<unlock-configuration/>');
    await b.rpc('<load-configuration action="set" format="text"><configuration-set>set snmp location x</configuration-set></load-configuration>');
    expect(errorOf(await a.rpc('<lock-configuration/>')).message).to.equal('configuration database modified');
    await b.rpc('<discard-changes/>');
  });

  it('root-authentication is mandatory: every device starts with it, and an override without it does not commit', async () => {
    const c = await t.client();
    expect(await c.rpc('<get-configuration format="text"><configuration><system><root-authentication/></system></configuration></get-configuration>')).to.match(/root-authentication \{\n +encrypted-password "\$6\$/);
    await c.rpc('<load-configuration action="override" format="text"><configuration-text>system { host-name bare; login { user lab { class super-user; } } }</configuration-text></load-configuration>');
    const refused = await c.rpc('<commit-configuration/>');
    expect(refused).to.include("<error-path>[edit]</error-path>\n<error-message>Missing mandatory statement: 'root-authentication'</error-message>\n<error-info>\n<bad-element>system</bad-element>");
    expect(refused).to.include('configuration check-out failed: (missing mandatory statements)');
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system root-authentication encrypted-password "$6$abc$def"</configuration-set></load-configuration>');
    expect(await c.rpc('<commit-configuration><check/></commit-configuration>')).to.include('<commit-check-success/>');
    await c.rpc('<discard-changes/>');
  });

  it('open-configuration private: the warning Junos sends instead of <ok/>, and refused while the shared candidate is modified', async () => {
    const a = await t.client();
    const b = await t.client();
    const opened = await a.rpc('<open-configuration><private/></open-configuration>');
    expect(opened).to.include('<error-severity>warning</error-severity>').and.include('<error-message>uncommitted changes will be discarded on exit</error-message>');
    expect(opened).to.not.include('<ok/>');
    await a.rpc('<close-configuration/>');
    await b.rpc('<load-configuration action="set" format="text"><configuration-set>set snmp location shared-change</configuration-set></load-configuration>');
    const refused = errorOf(await a.rpc('<open-configuration><private/></open-configuration>'));
    expect(refused.message).to.equal('shared configuration database modified');
    expect(await a.rpc('<get-configuration format="text"/>')).to.include('shared-change');
    await b.rpc('<discard-changes/>');
    expect(await a.rpc('<open-configuration><private/></open-configuration>')).to.include('uncommitted changes will be discarded on exit');
    await a.rpc('<close-configuration/>');
  });

  it('private candidates are per session and vanish with close-configuration', async () => {
    const a = await t.client();
    const b = await t.client();
    await a.rpc('<open-configuration><private/></open-configuration>');
    await a.rpc('<load-configuration action="set" format="text"><configuration-set>set snmp contact alice</configuration-set></load-configuration>');
    expect(await a.rpc('<get-configuration format="text"/>')).to.include('contact alice;');
    expect(await b.rpc('<get-configuration format="text"/>')).to.not.include('contact alice');
    await a.rpc('<close-configuration/>');
    expect(await a.rpc('<get-configuration format="text"/>')).to.not.include('contact alice');
  });

  it('NETCONF edit-config / commit / get-config on the candidate', async () => {
    const c = await t.client();
    expect(
      await c.rpc('<edit-config><target><candidate/></target><config><configuration><snmp><location>rack 4</location></snmp></configuration></config></edit-config>'),
    ).to.include('<ok/>');
    expect(await c.rpc('<get-config><source><running/></source></get-config>')).to.not.include('rack 4');
    expect(await c.rpc('<get-config><source><candidate/></source></get-config>')).to.include('<location>rack 4</location>');
    expect(await c.rpc('<commit/>')).to.include('<ok/>');
    const filtered = await c.rpc('<get-config><source><running/></source><filter type="subtree"><configuration><snmp/></configuration></filter></get-config>');
    expect(filtered).to.include('<location>rack 4</location>').and.not.include('host-name');
    expect(await c.rpc('<edit-config><target><running/></target><config/></edit-config>')).to.include('operation-not-supported');
    await c.rpc('<edit-config><target><candidate/></target><config><configuration><snmp operation="delete"/></configuration></config></edit-config>');
    await c.rpc('<commit/>');
  });

  it('read-only users cannot load or commit', async () => {
    const ro = await t.client({ username: 'ro', password: 'ro123' });
    expect(errorOf(await ro.rpc('<load-configuration action="set" format="text"><configuration-set>set snmp location x</configuration-set></load-configuration>'))).to.deep.include({ message: 'permission denied', bad: 'load-configuration' });
    expect(await ro.rpc('<get-configuration database="committed"/>')).to.include('<host-name>');
  });

  it('commit confirmed rolls back on the virtual clock unless confirmed', async () => {
    const clock = t.emulator.clock;
    const c = await t.client();
    clock.pause();
    try {
      await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system host-name trial</configuration-set></load-configuration>');
      expect(await c.rpc('<commit-configuration><confirmed/><confirm-timeout>5</confirm-timeout></commit-configuration>')).to.include('rolled back in 5 minutes');
      expect(await c.rpc('<get-software-information/>')).to.include('<host-name>trial</host-name>');
      clock.advance(4 * 60_000);
      await new Promise((r) => setImmediate(r));
      expect(await c.rpc('<get-software-information/>')).to.include('<host-name>trial</host-name>');
      clock.advance(2 * 60_000);
      await new Promise((r) => setImmediate(r));
      expect(await c.rpc('<get-software-information/>')).to.include('<host-name>r1</host-name>');
      expect(await c.rpc('<get-configuration format="set"/>')).to.include('set system host-name r1');
      // Confirmed in time: it stays.
      await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system host-name kept</configuration-set></load-configuration>');
      await c.rpc('<commit-configuration><confirmed/><confirm-timeout>5</confirm-timeout></commit-configuration>');
      await c.rpc('<commit-configuration/>');
      clock.advance(10 * 60_000);
      await new Promise((r) => setImmediate(r));
      expect(await c.rpc('<get-software-information/>')).to.include('<host-name>kept</host-name>');
    } finally {
      clock.resume();
    }
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system host-name r1</configuration-set></load-configuration>');
    await c.rpc('<commit-configuration/>');
  });

  it('rfc-compliant and version-1.1 apply to sessions opened after the commit', async () => {
    const c = await t.client();
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system services netconf rfc-compliant\nset system services netconf version-1.1</configuration-set></load-configuration>');
    await c.rpc('<commit-configuration/>');
    expect((await c.rpc('<get-software-information/>')).startsWith('<rpc-reply ')).to.equal(true);
    const fresh = await t.client();
    expect(fresh.serverHello).to.include('<nc:hello').and.include('urn:ietf:params:netconf:base:1.1');
    await fresh.rpc('<load-configuration action="set" format="text"><configuration-set>delete system services netconf rfc-compliant\ndelete system services netconf version-1.1</configuration-set></load-configuration>');
    await fresh.rpc('<commit-configuration/>');
    expect((await t.client()).serverHello).to.not.include('<nc:hello');
  });

  it('the configuration survives a restart with --state-dir', async () => {
    const c = await t.client();
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set snmp location persisted\nset system mirror-flash-on-disk</configuration-set></load-configuration>');
    await c.rpc('<commit-configuration/>');
    await t.emulator.devices[0]!.persist();
    await t.stop();
    t = await startTestEmulator({ yaml });
    const d = await t.client();
    expect(await d.rpc('<get-configuration database="committed" format="set"/>')).to.include('set snmp location persisted');
    expect(errorOf(await d.rpc('<request-snapshot/>')).message).to.equal('Snapshot is not possible since mirror-flash-on-disk is configured.');
  });
});
