/**
 * The configuration's root and first statement as Junos writes them, per
 * device and release: the candidate's `junos:changed-*` stamps, the xnm
 * namespace, the `version` statement that follows the running release.
 */
import { expect } from 'chai';
import { schemaFor } from '../../src/junos-config/schema/catalog.js';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import { displayXml } from '../../src/terminal/reply-text.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CANDIDATE_ROOT_20_4, CANDIDATE_TEXT_HEAD, EMPTY_FILTERED_18_2, RUNNING_ROOT_18_2, SHOW_CONFIGURATION_HEAD, VERSION_TEXT_12_1X47 } from './captures.js';

const PROFILES = ['mx960', 'mx960-18.4', 'mx960-21.4', 'mx80', 'ex4300-vc', 'srx300', 'j2350', 'txmatrix-plus'] as const;

/** The body of a reply (what follows the root line). */
const body = (reply: string): string => reply.replace(/^<rpc-reply[^>]*>\n/, '').replace(/\n?<\/rpc-reply>$/, '');
const junosTime = (seconds: string): string => new Date(Number(seconds) * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('release: configuration roots and the version statement', function () {
  let t: TestEmulator;
  const clients = new Map<string, NetconfClient>();
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        speed: 'instant',
        devices: PROFILES.map((p) => ({ name: p, profile: p, port: 0 })),
      },
    });
  });
  after(async () => t?.stop());
  const client = async (profile: string): Promise<NetconfClient> => {
    let c = clients.get(profile);
    if (!c) {
      c = await t.client({ port: t.emulator.device(profile)!.ports()[0]!.port });
      clients.set(profile, c);
    }
    return c;
  };
  const version = (p: string): string => t.emulator.device(p)!.model.settings.softwareVersion;

  it('a candidate carries the xnm namespace and junos:changed-seconds/-localtime, as the 20.4R0 trace', async () => {
    const r = body(await (await client('mx960-21.4')).rpc('<get-configuration/>'));
    const root = r.slice(0, r.indexOf('\n'));
    const seconds = /junos:changed-seconds="(\d+)"/.exec(root)?.[1];
    expect(seconds, root).to.not.equal(undefined);
    expect(root).to.equal(CANDIDATE_ROOT_20_4.replace('1626806672', seconds!).replace('2021-07-20 18:44:32 UTC', junosTime(seconds!)));
    const viaGetConfig = body(await (await client('mx960-21.4')).rpc('<get-config><source><candidate/></source></get-config>'));
    expect(viaGetConfig.split('\n')[1]).to.match(/^<configuration xmlns="http:\/\/xml\.juniper\.net\/xnm\/1\.1\/xnm" junos:changed-seconds="\d+" junos:changed-localtime="[^"]+">$/);
  });

  it('a committed configuration carries the xnm namespace before junos:commit-*, as the 18.2R1 capture', async () => {
    const c = await client('mx960-18.4');
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system domain-name example.net</configuration-set></load-configuration>');
    await c.rpc('<commit-configuration/>');
    const r = body(await c.rpc('<get-config><source><running/></source></get-config>'));
    const root = r.split('\n')[1]!;
    const seconds = /junos:commit-seconds="(\d+)"/.exec(root)![1]!;
    expect(root).to.equal(
      RUNNING_ROOT_18_2.replace('1574828031', seconds).replace('2019-11-27 04:13:51 UTC', junosTime(seconds)).replace('jcluser', TEST_USER.name),
    );
    const viaJunos = body(await c.rpc('<get-configuration database="committed"/>'));
    expect(viaJunos.slice(0, viaJunos.indexOf('\n'))).to.equal(root);
  });

  it('a filter that matches nothing: a bare open and close tag, no stamps (18.2R1 capture)', async () => {
    const r = await (await client('mx960-18.4')).rpc('<get-config><source><running/></source><filter type="subtree"><configuration><policy-options/></configuration></filter></get-config>');
    expect(body(r)).to.equal(EMPTY_FILTERED_18_2);
  });

  it('a candidate in text starts with ## Last changed (go-junos GetConfig)', async () => {
    const text = unescape(body(await (await client('srx300')).rpc('<get-configuration format="text"/>')));
    const head = text.split('\n')[1]!;
    expect(head).to.match(/^## Last changed: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(head.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/, 'T')).to.equal(CANDIDATE_TEXT_HEAD.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d EDT/, 'T'));
  });

  it('every device starts its configuration with `version` and its running release, in text, set, XML and JSON', async () => {
    for (const p of PROFILES) {
      const c = await client(p);
      const v = version(p);
      const text = unescape(body(await c.rpc('<get-configuration database="committed" format="text"/>'))).split('\n');
      // As the 12.1X47 capture: the header line, then version, then the first statement.
      expect(text[1], p).to.match(/^## Last commit: /);
      expect(text[2], p).to.equal(VERSION_TEXT_12_1X47[1]!.replace('12.1X47-D15.4', v));
      expect(text[3], p).to.equal(VERSION_TEXT_12_1X47[2]);
      expect(body(await c.rpc('<get-configuration format="set"/>')).split('\n')[1], p).to.equal(`set version ${v}`);
      expect(body(await c.rpc('<get-configuration/>')).split('\n')[1], p).to.equal(`    <version>${v}</version>`);
      expect(body(await c.rpc('<get-configuration format="json"/>')).split('\n').slice(1, 3), p).to.deep.equal(['    "configuration": {', `        "version": "${v}",`]);
    }
  });

  it('show configuration in text begins as the PyEZ fixture of a branch SRX: wrapper, last commit, version, system', async () => {
    const c = await client('srx300');
    await c.rpc('<load-configuration action="set" format="text"><configuration-set>set system host-name firefly</configuration-set></load-configuration>');
    await c.rpc('<commit-configuration/>');
    const lines = body(await c.rpc('<command format="text">show configuration</command>')).split('\n').slice(0, 6);
    const at = /^## Last commit: (.+) by lab$/.exec(lines[2]!)?.[1];
    expect(at, lines[2]).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    const want = SHOW_CONFIGURATION_HEAD.join('\n').replace('2014-03-24 16:34:32 UTC by rick', `${at!} by lab`).replace('12.1X46-D15.3', version('srx300'));
    expect(lines.join('\n')).to.equal(want);
  });

  it('the CLI\'s show configuration | display xml has no xnm namespace on the configuration (8.3R4 to 25.4R1 CLI captures)', async () => {
    const reply = body(await (await client('mx960-18.4')).rpc('<get-configuration database="committed"/>'));
    const cli = displayXml(reply, [], '18.4R3', '');
    expect(cli.split('\n')[1]).to.match(/^ {4}<configuration junos:commit-seconds="\d+" junos:commit-localtime="[^"]+" junos:commit-user="[^"]+">$/);
  });

  it("the CLI's | display xml puts a configuration's statements at 12 spaces, 4 more per level (16.1I0, 21.4R0, 25.4R1 captures)", async () => {
    const reply = body(await (await client('mx960-18.4')).rpc('<get-configuration database="committed"><configuration><system><login/></system></configuration></get-configuration>'));
    const lines = displayXml(reply, [], '18.4R3', '').split('\n');
    expect(lines.slice(2, 6)).to.deep.equal(['            <system>', '                <login>', '                    <user>', '                        <name>lab</name>']);
    expect(lines.slice(-7)).to.deep.equal(['            </system>', '    </configuration>', '    <cli>', '        <banner></banner>', '    </cli>', '</rpc-reply>', '']);
    // With the schema an empty container opens and closes on two lines, an empty leaf stays <x/> (21.4R0 and 16.1I0 captures).
    const conf = '<configuration>\n<interfaces>\n<interface>\n<name>ge-0/0/18</name>\n<unit>\n<name>0</name>\n<family>\n<inet/>\n</family>\n</unit>\n</interface>\n</interfaces>\n<system>\n<syslog>\n<file>\n<name>messages</name>\n<contents>\n<name>any</name>\n<error/>\n</contents>\n</file>\n</syslog>\n</system>\n</configuration>\n';
    const shown = displayXml(conf, [], '21.4R0', '', schemaFor('mx', '21.4R1'));
    expect(shown).to.include('                        <family>\n                            <inet>\n                            </inet>\n                        </family>\n');
    expect(shown).to.include('                            <name>any</name>\n                            <error/>\n');
  });

  it('a subtree filter leaves version out unless it asks for it', async () => {
    const c = await client('mx80');
    const sys = body(await c.rpc('<get-configuration database="committed"><configuration><system><host-name/></system></configuration></get-configuration>'));
    expect(sys).to.not.include('<version>');
    const ver = body(await c.rpc('<get-configuration database="committed"><configuration><version/></configuration></get-configuration>'));
    expect(ver.split('\n').slice(1, 3)).to.deep.equal([`    <version>${version('mx80')}</version>`, '</configuration>']);
  });

  it('a loaded version is taken (set, text, XML) and kept in the candidate; the commit stamps the running release', async () => {
    const c = await client('j2350');
    const v = version('j2350');
    const set = await c.rpc('<load-configuration action="set" format="text"><configuration-set>set version 12.1R1.9</configuration-set></load-configuration>');
    expect(body(set)).to.equal('<load-configuration-results>\n<ok/>\n</load-configuration-results>');
    expect(body(await c.rpc('<get-configuration format="set"/>')).split('\n')[1]).to.equal('set version 12.1R1.9');
    const versionDiff = unescape(body(await c.rpc('<get-configuration compare="rollback" rollback="0"/>')));
    // A top-level leaf is indented by one (a public show | compare: `[edit]` / `- version 20190829...;`).
    expect(versionDiff).to.include(`[edit]\n- version ${v};\n+ version 12.1R1.9;`);
    await c.rpc('<commit-configuration/>');
    expect(body(await c.rpc('<get-configuration format="set"/>')).split('\n')[1]).to.equal(`set version ${v}`);
    expect(body(await c.rpc('<get-configuration database="committed" format="set"/>')).split('\n')[1]).to.equal(`set version ${v}`);
    // A saved `show configuration` loads back whole, its header comment and version included.
    const saved = `## Last commit: 2019-01-01 00:00:00 UTC by lab\nversion 11.4R7.5;\nsystem {\n    host-name restored;\n}\n`;
    expect(body(await c.rpc(`<load-configuration action="merge" format="text"><configuration-text>${saved}</configuration-text></load-configuration>`))).to.include('<ok/>');
    expect(body(await c.rpc('<get-configuration><configuration><version/></configuration></get-configuration>'))).to.include('<version>11.4R7.5</version>');
    const xml = await c.rpc('<load-configuration><configuration><version>10.4R1.9</version></configuration></load-configuration>');
    expect(body(xml)).to.include('<ok/>');
    expect(body(await c.rpc('<get-configuration format="set"/>')).split('\n')[1]).to.equal('set version 10.4R1.9');
    await c.rpc('<discard-changes/>');
  });

  it('the version statement follows the running release: an upgrade changes it without a commit', async () => {
    const d = t.emulator.device('mx960')!;
    const c = await client('mx960');
    expect(body(await c.rpc('<get-configuration format="set"/>')).split('\n')[1]).to.equal(`set version ${version('mx960')}`);
    d.model.updateSettings({ softwareVersion: '18.4R3.3' });
    expect(body(await c.rpc('<get-configuration database="committed" format="set"/>')).split('\n')[1]).to.equal('set version 18.4R3.3');
  });
});
