/**
 * Configuration read against the schema of the device's release (generated
 * from Juniper's YANG, docs/config-schema.md): statements the release does
 * not have and values its types refuse are refused with Junos's shapes;
 * text and set input read by the schema (no statement lost); JSON loads;
 * every form shown back as text, set and XML from one tree.
 */
import { expect } from 'chai';
import { editTree } from '../../src/junos-config/edit.js';
import { schemaIdFor, loadSchema } from '../../src/junos-config/schema/catalog.js';
import { parseSetLines } from '../../src/junos-config/set-format.js';
import { parseText } from '../../src/junos-config/text-format.js';
import { renderSet, renderText } from '../../src/junos-config/text-render.js';
import { emptyConfiguration } from '../../src/junos-config/tree.js';
import { RpcError } from '../../src/errors/rpc-error.js';
import { startTestEmulator, TEST_USER, type TestEmulator, startProfiles } from '../support/emulator.js';

type Refusal = { message: string; bad: string | undefined; path: string | undefined };
function refusals(f: () => unknown): Refusal[] {
  try {
    f();
  } catch (e) {
    if (!(e instanceof RpcError)) throw e;
    return e.errors.map((x) => ({ message: x.message, bad: x.info?.find(([k]) => k === 'bad-element')?.[1], path: x.path }));
  }
  throw new Error('expected a refusal');
}
const setOf = (text: string): string => renderSet(editTree(emptyConfiguration(), parseText(text)));

describe('configuration schema: text and set read by the schema', () => {
  it('keeps `inet` of `family inet { address ...; }` (the data loss of issue 12)', () => {
    expect(setOf('interfaces { ge-0/0/0 { unit 0 { family inet { address 192.0.2.1/24; } } } }')).to.equal(
      'set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24\n',
    );
    expect(setOf('interfaces { ge-0/0/0 { unit 0 { family inet6 { address 2001:db8::1/64; } family inet { address 192.0.2.1/24; } } } }')).to.equal(
      'set interfaces ge-0/0/0 unit 0 family inet6 address 2001:db8::1/64\nset interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24\n',
    );
  });

  it('reads several statements on one set line, and list entries with their leaves on one text line', () => {
    const tree = editTree(emptyConfiguration(), parseSetLines('set system login user x class super-user authentication encrypted-password "$6$salt$hash"'));
    expect(renderSet(tree)).to.equal('set system login user x class super-user\nset system login user x authentication encrypted-password "$6$salt$hash"\n');
    expect(setOf('routing-options { static { route 0.0.0.0/0 next-hop 192.0.2.254; } }')).to.equal('set routing-options static route 0.0.0.0/0 next-hop 192.0.2.254\n');
  });

  it('knows lists from the schema, not from a hand table (snmp community, prefix-list, syslog contents)', () => {
    const lines =
      'set snmp community public authorization read-only\n' +
      'set policy-options prefix-list mgmt 10.0.0.0/8\n' +
      'set system syslog file messages any notice\n' +
      'set protocols lldp interface all\n';
    const tree = editTree(emptyConfiguration(), parseSetLines(lines));
    expect(renderSet(tree)).to.equal(lines);
    // A facility with its level is one line in Junos's text (`any notice;`, IBM Cloud vSRX capture).
    expect(renderText(tree)).to.include('        file messages {\n            any notice;\n        }\n');
    expect(editTree(emptyConfiguration(), parseText(renderText(tree)))).to.deep.equal(tree);
  });

  it('maps the CLI word 802.3ad to the XML element ieee-802.3ad, and its bundle written without keyword', () => {
    const tree = editTree(emptyConfiguration(), parseSetLines('set interfaces ge-0/0/1 gigether-options 802.3ad ae0'));
    const gig = tree.children[0]!.children[0]!.children[1]!;
    expect(gig).to.deep.equal({ name: 'gigether-options', children: [{ name: 'ieee-802.3ad', children: [{ name: 'bundle', value: 'ae0', children: [] }] }] });
    expect(renderSet(tree)).to.equal('set interfaces ge-0/0/1 gigether-options 802.3ad bundle ae0\n');
    expect(editTree(emptyConfiguration(), parseSetLines(renderSet(tree)))).to.deep.equal(tree);
  });

  it('reads keyword-less leaves: autonomous-system, route-distinguisher, vrf-target, filter input, as-path', () => {
    const tree = editTree(
      emptyConfiguration(),
      parseSetLines(
        'set routing-options autonomous-system 65000\n' +
          'set routing-instances v1 route-distinguisher 65000:1\n' +
          'set routing-instances v1 vrf-target target:65000:1\n' +
          'set interfaces lo0 unit 0 family inet filter input protect-re\n' +
          'set policy-options as-path ap1 "65001 .*"',
      ),
    );
    expect(renderSet(tree)).to.equal(
      'set routing-options autonomous-system as-number 65000\n' +
        'set routing-instances v1 route-distinguisher rd-type 65000:1\n' +
        'set routing-instances v1 vrf-target community target:65000:1\n' +
        'set interfaces lo0 unit 0 family inet filter input filter-name protect-re\n' +
        'set policy-options as-path ap1 path "65001 .*"\n',
    );
    // A typo right after a container is still refused when the first leaf's type does not take it.
    expect(refusals(() => parseSetLines('set system login retry-options tris 5'))[0]).to.deep.include({ message: 'syntax error', bad: 'tris' });
  });

  it('refuses unknown statements with syntax error and the bad element, at the level they were met', () => {
    // A set line's unknown statement has no error-path (a 15.1X49 vSRX reply to Ansible's set lines: bad-element only).
    expect(refusals(() => parseSetLines('set sytem host-name x'))).to.deep.equal([{ message: 'syntax error', bad: 'sytem', path: undefined }]);
    expect(refusals(() => parseSetLines('set system foo'))).to.deep.equal([{ message: 'syntax error', bad: 'foo', path: undefined }]);
    expect(refusals(() => parseSetLines('set system host-name r1\nset system foo\nset snmp bar 1'))).to.have.length(2);
    // A refused block: Junos skips it and says where it resumed.
    expect(refusals(() => parseText('system1 { host-name x; }\nsystem { host-name r1; }'))).to.deep.equal([
      { message: 'syntax error', bad: 'system1', path: '[edit]' },
      { message: 'error recovery ignores input until this point', bad: '}', path: '[edit]' },
    ]);
    expect(refusals(() => parseText('protocols { ospf { area 0.0.0.0 { interface ge-0/0/0.0; } topologie default { metric 65450; } } }'))).to.deep.equal([
      { message: 'syntax error', bad: 'topologie', path: '[edit protocols ospf]' },
      { message: 'error recovery ignores input until this point', bad: '}', path: '[edit protocols ospf]' },
    ]);
    // A refused statement ended by `;` needs no recovery.
    expect(refusals(() => parseText('system { host-name r1; hostname r2; }'))).to.deep.equal([{ message: 'syntax error', bad: 'hostname', path: '[edit system]' }]);
  });

  it('refuses values the leaf type does not allow: ranges, enumerations, lengths', () => {
    expect(refusals(() => parseSetLines('set system login retry-options tries-before-disconnect 99'))).to.deep.equal([
      { message: 'Value 99 is not within range (2..10)', bad: 'tries-before-disconnect', path: '[edit system login retry-options]' },
    ]);
    expect(refusals(() => parseSetLines('set system syslog file messages any bogus'))).to.deep.equal([{ message: 'syntax error', bad: 'bogus', path: undefined }]); // set lines: no error-path with syntax error
    expect(refusals(() => parseSetLines(`set system host-name ${'a'.repeat(300)}`))[0]!.message).to.equal('Must be a string of 255 characters or less');
    expect(refusals(() => parseSetLines('set interfaces ge-0/0/0 mtu lots'))[0]).to.deep.include({ message: "invalid numeric value: 'lots'", bad: 'mtu' });
  });

  it('picks the schema of the release family: nearest published release not newer, the oldest for older releases', () => {
    expect(schemaIdFor('mx', '9.3R4.4')).to.equal('junos-17.4R1');
    expect(schemaIdFor('mx-ppc', '15.1R7.9')).to.equal('junos-17.4R1');
    expect(schemaIdFor('mx', '18.4R3-S5.4')).to.equal('junos-18.4R1');
    expect(schemaIdFor('mx', '21.4R3.15')).to.equal('junos-21.4R1');
    expect(schemaIdFor('mx', '18.2R1.9')).to.equal('junos-18.2R1');
    expect(schemaIdFor('mx', '18.1R3.3')).to.equal('junos-17.4R1');
    expect(schemaIdFor('mx', '19.3R2.9')).to.equal('junos-19.2R1');
    expect(schemaIdFor('mx', '19.4R3-S1.3')).to.equal('junos-19.4R1');
    expect(schemaIdFor('mx', '20.4R3.8')).to.equal('junos-20.4R1');
    expect(schemaIdFor('mx', '23.4R2.13')).to.equal('junos-23.4R1');
    expect(schemaIdFor('srx-branch', '15.1X49-D70.3')).to.equal('junos-es-17.4R1');
    expect(schemaIdFor('j-series', '12.3R12.4')).to.equal('junos-es-17.4R1');
    expect(schemaIdFor('ex', '15.1R6.7')).to.equal('junos-ex-17.4R1');
    expect(schemaIdFor('txmatrix-plus', '9.3R4.4')).to.equal('junos-17.4R1');
    // One object per schema, whoever asks.
    expect(loadSchema('junos-17.4R1')).to.equal(loadSchema(schemaIdFor('mx', '9.3R4.4')));
  });
});

describe('configuration schema: over NETCONF (mx960, 9.3 on the 17.4 schema)', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({ yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960', port: 0 }] } });
  });
  after(async () => t?.stop());

  const load = (attrs: string, body: string): string => `<load-configuration ${attrs}>${body}</load-configuration>`;

  it('a refused load answers inside load-configuration-results, as Junos; what was read without an error loads, as Junos loads it', async () => {
    const c = await t.client();
    const r = await c.rpc(load('format="text"', '<configuration-text>system1 { host-name x; }</configuration-text>'));
    expect(r).to.match(/<load-configuration-results>\n<rpc-error>\n<error-type>protocol<\/error-type>\n<error-tag>operation-failed<\/error-tag>\n<error-severity>error<\/error-severity>\n<error-path>\[edit\]<\/error-path>\n<error-message>syntax error<\/error-message>\n<error-info>\n<bad-element>system1<\/bad-element>\n<\/error-info>\n<\/rpc-error>\n<rpc-error>\n/);
    expect(r).to.include('<error-message>error recovery ignores input until this point</error-message>\n<error-info>\n<bad-element>}</bad-element>');
    expect(r).to.not.include('<ok/>');
    const x = await c.rpc(load('', '<configuration><system><host-nme>x</host-nme></system></configuration>'));
    // XML: no error-path (a 15.1X49 reply to Ansible's XML), the rest loads as for text.
    expect(x).to.include('<load-configuration-results>\n<rpc-error>').and.include('<bad-element>host-nme</bad-element>');
    expect(x).to.not.include('<error-path>');
    expect(x).to.include('<load-error-count>1</load-error-count>');
    const s = await c.rpc(load('action="set"', '<configuration-set>set system host-name ok\nset system foo\nset sytem bar 1</configuration-set>'));
    // The refusals, then their count, no <ok/> (the 15.1X49 reply); the good line is in the candidate
    // (`load complete (1 errors)` and `show | compare` in a public CLI capture of load merge terminal).
    expect(s).to.include('<bad-element>foo</bad-element>').and.include('<bad-element>sytem</bad-element>');
    expect(s).to.include('</rpc-error>\n<load-error-count>2</load-error-count>\n</load-configuration-results>').and.not.include('<ok/>');
    expect(await c.rpc('<get-configuration database="candidate" format="text"/>')).to.include('host-name ok;');
    await c.rpc('<discard-changes/>');
  });

  it('commit check refuses what the YANG marks mandatory, with error-path and the missing statement', async () => {
    const c = await t.client();
    expect(await c.rpc(load('action="set"', '<configuration-set>set session-limit-group g1</configuration-set>'))).to.include('<ok/>');
    const r = await c.rpc('<commit-configuration><check/></commit-configuration>');
    // Junos's shape (Juniper/go-netconf's 15.1F4 reply): inside commit-results, the statement that lacks it under its parent's path.
    expect(r).to.match(/^<rpc-reply [^>]*>\n<commit-results>\n<rpc-error>\n<error-type>application<\/error-type>\n<error-tag>invalid-value<\/error-tag>\n/);
    expect(r).to.include("<error-path>[edit]</error-path>\n<error-message>Missing mandatory statement: 'maximum-sessions'</error-message>\n<error-info>\n<bad-element>session-limit-group g1</bad-element>\n</error-info>\n</rpc-error>");
    expect(r).to.include('<error-message>\nconfiguration check-out failed: (missing mandatory statements)\n</error-message>\n</rpc-error>\n</commit-results>\n</rpc-reply>');
    await c.rpc(load('action="set"', '<configuration-set>set session-limit-group g1 maximum-sessions 10</configuration-set>'));
    expect(await c.rpc('<commit-configuration><check/></commit-configuration>')).to.not.include('rpc-error');
    await c.rpc('<discard-changes/>');
  });

  it('show configuration PATH reads the path by the schema (a list the old hand table did not know)', async () => {
    const c = await t.client();
    await c.rpc(load('action="set"', '<configuration-set>set policy-options prefix-list mgmt 10.0.0.0/8\nset policy-options prefix-list other 192.0.2.0/24</configuration-set>'));
    await c.rpc('<commit-configuration/>');
    const r = await c.rpc('<command format="text">show configuration policy-options prefix-list mgmt</command>');
    expect(r).to.include('10.0.0.0/8;').and.not.include('192.0.2.0/24');
  });

  it('edit-config refuses a misspelt element with a top-level rpc-error', async () => {
    const c = await t.client();
    const r = await c.rpc('<edit-config><target><candidate/></target><config><configuration><system><host-nme>x</host-nme></system></configuration></config></edit-config>');
    expect(r).to.match(/^<rpc-reply[^>]*>\n<rpc-error>/);
    expect(r).to.include('<bad-element>host-nme</bad-element>');
  });

  it('JSON loads ({"configuration": ...}, as PyEZ sends it): lists, empty leaves, leaf-lists, delete', async () => {
    const c = await t.client();
    const json = JSON.stringify({
      configuration: {
        system: { 'host-name': 'j1', services: { ssh: [null] }, login: { user: [{ name: 'ops', class: 'operator', uid: 2001 }] } },
        interfaces: { interface: [{ name: 'ge-0/0/2', unit: [{ name: 0, family: { inet: { address: [{ name: '198.51.100.1/24' }] } } }] }] },
        'policy-options': { 'policy-statement': [{ name: 'p', term: [{ name: 't', from: { protocol: ['static', 'direct'] }, then: { accept: [null] } }] }] },
      },
    });
    expect(await c.rpc(load('format="json"', `<configuration-json>${json}</configuration-json>`))).to.include('<load-configuration-results>\n<ok/>');
    const set = await c.rpc('<get-configuration database="candidate" format="set"/>');
    for (const line of [
      'set system host-name j1',
      'set system login user ops uid 2001',
      'set system login user ops class operator',
      'set interfaces ge-0/0/2 unit 0 family inet address 198.51.100.1/24',
      'set policy-options policy-statement p term t from protocol static',
      'set policy-options policy-statement p term t from protocol direct',
      'set policy-options policy-statement p term t then accept',
    ])
      expect(set).to.include(`${line}\n`);
    const del = JSON.stringify({ configuration: { system: { login: { user: [{ '@': { operation: 'delete' }, name: 'ops' }] } } } });
    await c.rpc(load('format="json"', `<configuration-json>${del}</configuration-json>`));
    expect(await c.rpc('<get-configuration database="candidate" format="set"/>')).to.not.include('user ops');
    const bad = await c.rpc(load('format="json"', `<configuration-json>{"configuration": {"system": {"host-nmae": "x"}}}</configuration-json>`));
    expect(bad).to.include('<load-configuration-results>').and.include('<bad-element>host-nmae</bad-element>');
    await c.rpc('<discard-changes/>');
  });

  it('every statement form round-trips: loaded as text, set, XML and JSON, shown back identically as text, set and XML', async () => {
    const c = await t.client();
    const setLines =
      'set system domain-name lab.example\n' +
      'set system syslog file messages any notice\n' +
      'set system login user x class super-user\n' +
      'set system login user x authentication encrypted-password "$6$salt$hash"\n' +
      'set interfaces ge-0/0/0 description "uplink one"\n' +
      'set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24\n' +
      'set interfaces ge-0/0/1 gigether-options 802.3ad bundle ae0\n' +
      'set routing-options static route 0.0.0.0/0 next-hop 192.0.2.254\n' +
      'set snmp community public authorization read-only\n';
    const shown = async (): Promise<Record<'text' | 'set' | 'xml', string>> => ({
      // Without its `## Last changed` line: each load changes the candidate, and a load may fall in the next second.
      text: /<configuration-text>([\s\S]*)<\/configuration-text>/.exec(await c.rpc('<get-configuration database="candidate" format="text"/>'))![1]!.replace(/^## Last changed: .*\n/m, ''),
      set: /<configuration-set>([\s\S]*)<\/configuration-set>/.exec(await c.rpc('<get-configuration database="candidate" format="set"/>'))![1]!,
      xml: /<configuration[^>]*>([\s\S]*)<\/configuration>/.exec(await c.rpc('<get-configuration database="candidate"/>'))![1]!,
    });
    await c.rpc(load('action="override" format="text"', '<configuration-text>system { host-name r1; }</configuration-text>'));
    const base = await shown();
    expect(await c.rpc(load('action="set"', `<configuration-set>${setLines}</configuration-set>`))).to.include('<ok/>');
    const viaSet = await shown();
    expect(viaSet.set).to.include(setLines.replace(/"/g, '&quot;').split('\n').filter((l) => !l.includes('"'))[0]!);
    // The same statements again, each form on its own over the base configuration.
    const forms: Array<[string, string]> = [
      ['format="text" action="override"', `<configuration-text>${viaSet.text.replace(/&quot;/g, '"')}</configuration-text>`],
      ['format="text" action="override"', `<configuration-text>${viaSet.text.replace(/&quot;/g, '"')}</configuration-text>`],
      ['action="override"', `<configuration>${viaSet.xml}</configuration>`],
    ];
    for (const [attrs, body] of forms) {
      expect(await c.rpc(load(attrs, body)), attrs).to.include('<ok/>');
      expect(await shown(), attrs).to.deep.equal(viaSet);
    }
    expect(viaSet.set).to.not.equal(base.set);
    await c.rpc('<discard-changes/>');
  });
});

describe('configuration schema: per release', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startProfiles({ old: 'mx960', new: 'mx960-23.4' });
  });
  after(async () => t?.stop());

  it('a statement 21.4 brought (netconf hello-message) loads on a 23.4 device and is refused on a 9.3 one', async () => {
    const set = '<load-configuration action="set"><configuration-set>set system services netconf hello-message yang-module-capabilities advertise-standard-yang-modules</configuration-set></load-configuration>';
    const portOf = (name: string): number => t.emulator.device(name)!.ports()[0]!.port;
    const old = await t.client({ port: portOf('old') });
    const now = await t.client({ port: portOf('new') });
    expect(await old.rpc(set)).to.include('<bad-element>hello-message</bad-element>');
    expect(await now.rpc(set)).to.include('<load-configuration-results>\n<ok/>');
  });

  it('text and compare read the device schema: a keyword-less leaf that 21.4 brought', async () => {
    // `protocols evpn interconnect route-distinguisher` came with 21.4: Junos writes it without its
    // `rd-type` keyword. The 9.3 device (17.4 schema) refuses it; the 23.4 one shows it as Junos does.
    const text = 'protocols { evpn { interconnect { route-distinguisher 10.0.0.1:1; } } }';
    const load = `<load-configuration format="text"><configuration-text>${text}</configuration-text></load-configuration>`;
    const portOf = (name: string): number => t.emulator.device(name)!.ports()[0]!.port;
    const old = await t.client({ port: portOf('old') });
    const now = await t.client({ port: portOf('new') });
    expect(await old.rpc(load)).to.include('<bad-element>interconnect</bad-element>');
    expect(await now.rpc(load)).to.include('<load-configuration-results>\n<ok/>');
    const shown = await now.rpc('<get-configuration format="text"><configuration><protocols/></configuration></get-configuration>');
    expect(shown).to.include('        interconnect {\n            route-distinguisher 10.0.0.1:1;\n        }\n');
    expect(shown).to.not.include('rd-type');
    const diff = await now.rpc('<get-configuration compare="rollback" rollback="0" format="text"/>');
    expect(diff).to.include('+          interconnect {\n+              route-distinguisher 10.0.0.1:1;\n+          }\n');
    expect(diff).to.not.include('rd-type');
    await now.rpc('<discard-changes/>');
    await old.rpc('<discard-changes/>');
  });
});
