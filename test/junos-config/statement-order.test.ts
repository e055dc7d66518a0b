/**
 * Statements in Junos's order, whatever order a client loads them in: each
 * level in its fixed order (the schema's, with the captured corrections of
 * src/junos-config/schema/display-moves.ts), the entries of one list
 * together and in the order they were added, a list entry's key first. The
 * text, set and XML forms and compare all show it (docs/statement-order.md).
 */
import { expect } from 'chai';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const loadSet = (lines: readonly string[]): string => `<load-configuration action="set"><configuration-set>${lines.join('\n')}</configuration-set></load-configuration>`;
const loadText = (text: string, action = 'merge'): string => `<load-configuration action="${action}" format="text"><configuration-text>${text}</configuration-text></load-configuration>`;
const inner = (reply: string, tag: string): string => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(reply)?.[1] ?? '';

describe('configuration: statements in Junos order', function () {
  let t: TestEmulator;
  let c: NetconfClient;
  const candidate = async (format: 'text' | 'set'): Promise<string> =>
    inner(await c.rpc(`<get-configuration database="candidate" format="${format}"/>`), `configuration-${format}`).replace(/^## Last changed: .*\n/m, '');
  const setLines = async (prefix: string): Promise<string[]> => (await candidate('set')).split('\n').filter((l) => l.startsWith(prefix));

  before(async () => {
    t = await startTestEmulator({ yaml: { speed: 'instant', devices: [{ name: 'r1', port: 0 }] } });
    c = await t.client();
  });
  afterEach(async () => {
    await c.rpc('<discard-changes/>');
  });
  after(async () => t?.stop());

  it('a description set after the units is shown before them, as every device shows it', async () => {
    expect(await c.rpc(loadSet(['set interfaces ge-0/0/3 unit 0 family inet address 192.0.2.1/24', 'set interfaces ge-0/0/3 description uplink']))).to.include('<ok/>');
    expect(await setLines('set interfaces ge-0/0/3')).to.deep.equal(['set interfaces ge-0/0/3 description uplink', 'set interfaces ge-0/0/3 unit 0 family inet address 192.0.2.1/24']);
    // A second load in another request: the order does not depend on the requests either.
    await c.rpc(loadSet(['set interfaces ge-0/0/3 unit 0 description "first unit"']));
    expect(await candidate('text')).to.include(
      ['    ge-0/0/3 {', '        description uplink;', '        unit 0 {', '            description "first unit";', '            family inet {', '                address 192.0.2.1/24;'].join('\n'),
    );
    const xml = await c.rpc('<get-configuration database="candidate"><configuration><interfaces/></configuration></get-configuration>');
    expect(xml).to.match(/<name>ge-0\/0\/3<\/name>\s*<description>uplink<\/description>\s*<unit>\s*<name>0<\/name>\s*<description>first unit<\/description>\s*<family>/);
  });

  it('entries of one list stay together, in the order they were added, after statements loaded in between', async () => {
    await c.rpc(loadSet(['set policy-options prefix-list zeta 192.0.2.0/24', 'set policy-options policy-statement p1 term b then accept']));
    await c.rpc(loadSet(['set policy-options prefix-list alpha 198.51.100.0/24', 'set policy-options policy-statement p1 term a then reject']));
    const lines = await setLines('set policy-options');
    expect(lines).to.deep.equal([
      'set policy-options prefix-list zeta 192.0.2.0/24',
      'set policy-options prefix-list alpha 198.51.100.0/24',
      // Terms are ordered by the user: b was added first and stays first.
      'set policy-options policy-statement p1 term b then accept',
      'set policy-options policy-statement p1 term a then reject',
    ]);
  });

  it('a whole statement loaded in one piece and an override are ordered inside too; keys stay first', async () => {
    const text = [
      'interfaces {',
      '    ge-0/0/4 {',
      '        unit 0 {',
      '            family inet {',
      '                address 203.0.113.1/24;',
      '            }',
      '            description inside;',
      '        }',
      '        description outside;',
      '    }',
      '}',
      'policy-options {',
      '    policy-statement rf {',
      '        term t {',
      '            then accept;',
      '            from {',
      '                route-filter 10.0.0.0/8 orlonger;',
      '            }',
      '        }',
      '    }',
      '}',
    ].join('\n');
    const current = inner(await c.rpc('<get-configuration database="committed" format="text"/>'), 'configuration-text').replace(/^## Last commit: .*\n/m, '');
    expect(await c.rpc(loadText(`${current}\n${text}`, 'override'))).to.include('<ok/>');
    expect(await setLines('set interfaces ge-0/0/4')).to.deep.equal([
      'set interfaces ge-0/0/4 description outside',
      'set interfaces ge-0/0/4 unit 0 description inside',
      'set interfaces ge-0/0/4 unit 0 family inet address 203.0.113.1/24',
    ]);
    expect(await setLines('set policy-options')).to.deep.equal([
      'set policy-options policy-statement rf term t from route-filter 10.0.0.0/8 orlonger',
      'set policy-options policy-statement rf term t then accept',
    ]);
    const xml = await c.rpc('<get-configuration database="candidate"><configuration><policy-options/></configuration></get-configuration>');
    expect(xml).to.match(/<term>\s*<name>t<\/name>\s*<from>\s*<route-filter>\s*<address>10\.0\.0\.0\/8<\/address>\s*<orlonger\/>\s*<\/route-filter>\s*<\/from>\s*<then>/);
  });

  it('insert moves an entry of an ordered list before or after a sibling: set lines, Junos XML, and a missing referent', async () => {
    const terms = async (): Promise<string[]> => (await setLines('set firewall filter f term')).map((l) => l.split(' ')[5]!);
    await c.rpc(loadSet(['set firewall filter f term a then accept', 'set firewall filter f term c then reject', 'set firewall filter f term b then discard']));
    expect(await terms()).to.deep.equal(['a', 'c', 'b']);
    expect(await c.rpc(loadSet(['insert firewall filter f term b before term c']))).to.include('<ok/>');
    expect(await terms()).to.deep.equal(['a', 'b', 'c']);
    // Junos XML: insert="after" with the referent's key (name="...").
    const xml = '<load-configuration><configuration><firewall><filter><name>f</name><term insert="after" name="c"><name>a</name></term></filter></firewall></configuration></load-configuration>';
    expect(await c.rpc(xml)).to.include('<ok/>');
    expect(await terms()).to.deep.equal(['b', 'c', 'a']);
    // A new entry can be placed as it is made.
    await c.rpc(loadSet(['set firewall filter f term z then accept', 'insert firewall filter f term z before term b']));
    expect(await terms()).to.deep.equal(['z', 'b', 'c', 'a']);
    // A referent that is not there: refused, nothing moves.
    const bad = await c.rpc(loadSet(['insert firewall filter f term a before term nope']));
    expect(bad).to.include('<error-message>statement not found</error-message>').and.include('<bad-element>term nope</bad-element>');
    expect(await terms()).to.deep.equal(['z', 'b', 'c', 'a']);
    expect(await c.rpc(loadSet(['insert firewall filter f term a sideways term b']))).to.include('syntax error');
  });

  it('compare marks the entries an insert moved with !, after the entry kept before them (a Cloudflare capture)', async () => {
    await c.rpc(loadSet(['set policy-options policy-statement P term d then accept', 'set policy-options policy-statement P term s then accept', 'set policy-options policy-statement P term t then accept', 'set policy-options policy-statement P term r then reject']));
    expect(await c.rpc('<commit-configuration/>')).to.include('<commit-success/>');
    // s moves to the end: t and r move up one, s down; d keeps its place.
    await c.rpc(loadSet(['insert policy-options policy-statement P term s after term r', 'set policy-options policy-statement P term s from protocol static']));
    const d = inner(await c.rpc('<get-configuration compare="rollback" rollback="0" format="text"/>'), 'configuration-output');
    // The moves under the list's level, then what changed inside a moved entry under its own (as in the capture).
    expect(d.startsWith(['', '[edit policy-options policy-statement P]', '     term d { ... }', '!    term t { ... }', '!    term r { ... }', '!    term s { ... }', '[edit policy-options policy-statement P term s]', ''].join('\n')), d).to.equal(true);
    expect(d).to.include('protocol static;');
    // A move to the front: the entries after it move too; no entry before it to show as context.
    await c.rpc('<discard-changes/>');
    await c.rpc(loadSet(['insert policy-options policy-statement P term r before term d']));
    expect(inner(await c.rpc('<get-configuration compare="rollback" rollback="0" format="text"/>'), 'configuration-output')).to.include('!    term r { ... }');
    await c.rpc(loadSet(['delete policy-options']));
    await c.rpc('<commit-configuration/>');
  });

  it('compare lists the changes in Junos order', async () => {
    await c.rpc(loadSet(['set interfaces ge-0/0/5 unit 0 family inet address 192.0.2.9/24', 'set interfaces ge-0/0/5 description later']));
    const d = inner(await c.rpc('<get-configuration compare="rollback" rollback="0" format="text"/>'), 'configuration-output');
    expect(d).to.equal(
      ['', '[edit]', '+  interfaces {', '+      ge-0/0/5 {', '+          description later;', '+          unit 0 {', '+              family inet {', '+                  address 192.0.2.9/24;', '+              }', '+          }', '+      }', '+  }', ''].join('\n'),
    );
  });
});

describe('configuration: the order of the release the device runs', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        speed: 'instant',
        devices: [
          { name: 'r18', profile: 'mx960-18.4', port: 0 },
          { name: 'r20', profile: 'mx960-21.4', 'software-version': '20.4R3.8', port: 0 },
        ],
      },
    });
  });
  after(async () => t?.stop());

  /** The statements under `system` in the order the device shows them, after a load that adds one. */
  const systemOrder = async (device: string): Promise<string[]> => {
    const c = await t.client({ port: t.emulator.device(device)!.ports()[0]!.port });
    await c.rpc(loadSet(['set system domain-name lab.example']));
    const text = inner(await c.rpc('<get-configuration database="candidate" format="text"><configuration><system/></configuration></get-configuration>'), 'configuration-text');
    await c.close();
    return [...text.matchAll(/^ {4}([a-z-]+)/gm)].map((m) => m[1]!);
  };

  it('18.4 shows login before host-name (vMX 18.2, vSRX 18.4 captures); 20.4 host-name and root-authentication first (vQFX 20.3)', async () => {
    const old = await systemOrder('r18');
    expect(old.indexOf('login')).to.be.lessThan(old.indexOf('host-name'));
    expect(old.indexOf('services')).to.be.lessThan(old.indexOf('host-name'));
    const now = await systemOrder('r20');
    expect(now.slice(0, 2)).to.deep.equal(['host-name', 'root-authentication']);
    expect(now.indexOf('login')).to.be.lessThan(now.indexOf('services'));
  });
});
