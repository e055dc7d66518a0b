/**
 * Lists with several keys (src/junos-config/schema/list-keys.ts,
 * docs/config-text-forms.md): policy route-filters and their kin, keyed
 * `address choice-ident choice-value` in the YANG and written
 * `route-filter 10.0.0.0/8 orlonger` / `<route-filter><address>...</address><orlonger/>`;
 * SRX security policies, keyed `from-zone-name to-zone-name` and written
 * `from-zone trust to-zone untrust`. Entries are told apart by all their keys.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { editTree } from '../../src/junos-config/edit.js';
import { loadSchema } from '../../src/junos-config/schema/catalog.js';
import { multiKeyTable } from '../../src/junos-config/schema/list-keys.js';
import { parseSetLines } from '../../src/junos-config/set-format.js';
import { pathFilter } from '../../src/junos-config/path-filter.js';
import { parseText } from '../../src/junos-config/text-format.js';
import { renderSet, renderText } from '../../src/junos-config/text-render.js';
import { emptyConfiguration, type ConfigNode } from '../../src/junos-config/tree.js';
import { startProfiles, type TestEmulator } from '../support/emulator.js';

const P = 'set policy-options policy-statement P term T from';
const FILTERS = ['route-filter 10.0.0.0/8 orlonger', 'route-filter 10.0.0.0/8 exact', 'route-filter 172.16.0.0/12 upto /24', 'route-filter 192.168.0.0/16 longer', 'route-filter 10.0.0.0/8 through 10.0.0.0/16', 'route-filter 10.0.0.0/8 prefix-length-range /16-/24', 'prefix-list-filter PL orlonger'];
const SET = `${FILTERS.map((f) => `${P} ${f}`).join('\n')}\nset policy-options policy-statement P term T then accept\n`;
const TEXT = [
  'policy-options {',
  '    policy-statement P {',
  '        term T {',
  '            from {',
  ...FILTERS.map((f) => `                ${f};`),
  '            }',
  '            then accept;',
  '        }',
  '    }',
  '}',
  '',
].join('\n');

describe('multi-key lists: the table and the forms', () => {
  const schema = loadSchema('junos-18.4R1');
  const load = (...loads: string[]): ConfigNode => loads.reduce((t, l) => editTree(t, parseSetLines(l, schema), [], schema.root), emptyConfiguration());

  it('a path through multi-key entries reads as a filter on all their keys, one level per entry', () => {
    const flat = (e: { name: string; text: string; children: readonly unknown[] }): string =>
      `<${e.name}>${e.text}${(e.children as (typeof e)[]).map(flat).join('')}</${e.name}>`;
    const es = loadSchema('junos-es-17.4R1');
    const srx = pathFilter(['security', 'policies', 'from-zone', 'trust', 'to-zone', 'untrust', 'policy', 'p1'], es);
    expect(srx.filter.map(flat)).to.deep.equal(['<security><policies><policy><from-zone-name>trust</from-zone-name><to-zone-name>untrust</to-zone-name><policy><name>p1</name></policy></policy></policies></security>']);
    expect(srx.depth).to.equal(4);
    const ospf = pathFilter(['protocols', 'ospf', 'area', '0.0.0.0', 'virtual-link', 'neighbor-id', '192.0.2.1', 'transit-area', '0.0.0.1'], schema);
    expect(ospf.filter.map(flat)).to.deep.equal(['<protocols><ospf><area><name>0.0.0.0</name><virtual-link><neighbor-id>192.0.2.1</neighbor-id><transit-area>0.0.0.1</transit-area></virtual-link></area></ospf></protocols>']);
    expect(ospf.depth).to.equal(4);
    expect(pathFilter(['system', 'services'], schema).depth).to.equal(2);
  });

  it('the table names every list with several keys in the generated schemas, with their keys', () => {
    type Raw = readonly unknown[];
    const found = new Map<string, string>();
    for (const file of readdirSync('schemas/config')) {
      const s = JSON.parse(gunzipSync(readFileSync(`schemas/config/${file}`)).toString()) as { groupings: Raw[][]; root: Raw };
      const seen = new Set<number>();
      const walk = (nodes: readonly Raw[]): void => {
        for (const n of nodes) {
          if (n[0] === 4) {
            if (!seen.has(n[1] as number)) {
              seen.add(n[1] as number);
              walk(s.groupings[n[1] as number]!);
            }
          } else if (n[0] === 5) for (const c of n[1] as Raw[][]) walk(c);
          else if (n[0] === 0) walk(n[2] as Raw[]);
          else if (n[0] === 1) {
            if ((n[2] as string).includes(' ')) found.set(n[1] as string, n[2] as string);
            walk(n[3] as Raw[]);
          }
        }
      };
      walk(s.root[2] as Raw[]);
    }
    expect(new Map([...multiKeyTable()].map(([k, v]) => [k, v.join(' ')]))).to.deep.equal(found);
  });

  it('set lines load, show as Junos text (one line each) and as the same set lines, and load back', () => {
    const tree = load(SET);
    expect(renderSet(tree)).to.equal(SET);
    expect(renderText(tree)).to.equal(TEXT);
    const again = editTree(emptyConfiguration(), parseText(TEXT, schema), [], schema.root);
    expect(renderText(again)).to.equal(TEXT);
  });

  it('entries that differ in one key only are two entries; a delete names one of them', () => {
    const tree = load(SET, `delete policy-options policy-statement P term T from route-filter 10.0.0.0/8 orlonger`);
    expect(renderSet(tree)).to.equal(SET.replace(`${P} route-filter 10.0.0.0/8 orlonger\n`, ''));
    // A merge of the same entry changes nothing; an action goes on its line.
    const acted = load(SET, `${P} route-filter 10.0.0.0/8 exact accept`);
    expect(renderText(acted)).to.include('                route-filter 10.0.0.0/8 exact accept;\n');
    expect(renderSet(acted).split('\n').filter((l) => l.includes('10.0.0.0/8 exact'))).to.deep.equal([`${P} route-filter 10.0.0.0/8 exact accept`]);
  });

  it('a word that is not a match type, or a missing value, is refused', () => {
    expect(() => parseSetLines(`${P} route-filter 10.0.0.0/8 accept`, schema)).to.throw('syntax error');
    expect(() => parseSetLines(`${P} route-filter 10.0.0.0/8 upto`, schema)).to.throw('missing argument');
  });

  it('a policy community and a route-filter-list take their keys the same way', () => {
    const lines = 'set policy-options route-filter-list RFL 15.0.0.0/8 orlonger\nset policy-options policy-statement P term T then community add CM-1\nset policy-options policy-statement P term T then accept\n';
    const tree = load(lines);
    expect(renderSet(tree)).to.equal(lines);
    expect(renderText(tree)).to.include('    route-filter-list RFL {\n        15.0.0.0/8 orlonger;\n    }\n').and.include('            then {\n                community add CM-1;\n                accept;\n            }\n');
  });

  it('SRX policies: from-zone X to-zone Y, one entry per zone pair (junos-es 17.4)', () => {
    const es = loadSchema('junos-es-17.4R1');
    const lines = 'set security policies from-zone trust to-zone untrust policy p1 then permit\nset security policies from-zone trust to-zone dmz policy p1 then deny\n';
    const tree = editTree(emptyConfiguration(), parseSetLines(lines, es), [], es.root);
    expect(renderSet(tree)).to.equal(lines);
    const text = renderText(tree);
    expect(text).to.include('    policies {\n        from-zone trust to-zone untrust {\n            policy p1 {\n                then {\n                    permit;\n');
    expect(renderText(editTree(emptyConfiguration(), parseText(text, es), [], es.root))).to.equal(text);
  });
});

describe('multi-key lists over NETCONF (mx960, srx300)', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startProfiles({ r1: 'mx960', fw: 'srx300' });
  });
  after(async () => t?.stop());
  afterEach(async () => {
    await t.emulator.inject('r1', ['<discard-changes/>']);
    await t.emulator.inject('fw', ['<discard-changes/>']);
  });

  const setLoad = (lines: string): string => `<load-configuration action="set" format="text"><configuration-set>${lines}</configuration-set></load-configuration>`;
  const textLoad = (text: string): string => `<load-configuration format="text"><configuration-text>${text}</configuration-text></load-configuration>`;
  const body = (reply: string, tag: string): string => new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(reply)?.[1] ?? '';
  const flat = (xml: string): string => xml.replace(/>\s+</g, '><');
  const XML_FILTERS =
    '<route-filter><address>10.0.0.0/8</address><orlonger/></route-filter><route-filter><address>10.0.0.0/8</address><exact/></route-filter>' +
    '<route-filter><address>172.16.0.0/12</address><upto>/24</upto></route-filter><route-filter><address>192.168.0.0/16</address><longer/></route-filter>' +
    '<route-filter><address>10.0.0.0/8</address><through>10.0.0.0/16</through></route-filter><route-filter><address>10.0.0.0/8</address><prefix-length-range>/16-/24</prefix-length-range></route-filter>' +
    '<prefix-list-filter><list_name>PL</list_name><orlonger/></prefix-list-filter>';
  const XML = `<policy-options><policy-statement><name>P</name><term><name>T</name><from>${XML_FILTERS}</from><then><accept/></then></term></policy-statement></policy-options>`;
  const JSON_DOC = {
    configuration: {
      'policy-options': {
        'policy-statement': [
          {
            name: 'P',
            term: [
              {
                name: 'T',
                from: {
                  'route-filter': [
                    { address: '10.0.0.0/8', orlonger: [null] },
                    { address: '10.0.0.0/8', exact: [null] },
                    { address: '172.16.0.0/12', upto: '/24' },
                    { address: '192.168.0.0/16', longer: [null] },
                    { address: '10.0.0.0/8', through: '10.0.0.0/16' },
                    { address: '10.0.0.0/8', 'prefix-length-range': '/16-/24' },
                  ],
                  'prefix-list-filter': [{ list_name: 'PL', orlonger: [null] }],
                },
                then: { accept: [null] },
              },
            ],
          },
        ],
      },
    },
  };

  it('set, text, XML and JSON loads give the same configuration, shown in text, set, XML and JSON as Junos does', async () => {
    const loads = [
      setLoad(SET),
      textLoad(TEXT),
      `<load-configuration><configuration>${XML}</configuration></load-configuration>`,
      `<load-configuration format="json"><configuration-json>${JSON.stringify(JSON_DOC)}</configuration-json></load-configuration>`,
    ];
    for (const l of loads) {
      const r = await t.emulator.inject('r1', [l, '<get-configuration database="candidate" format="set"/>', '<get-configuration database="candidate" format="text"/>', '<get-configuration database="candidate"/>', '<get-configuration database="candidate" format="json"/>', '<discard-changes/>']);
      expect(r.replies[0], l).to.include('<ok/>').and.not.include('rpc-error');
      expect(body(r.replies[1]!, 'configuration-set'), l).to.include(SET);
      expect(body(r.replies[2]!, 'configuration-text'), l).to.include(TEXT);
      expect(flat(r.replies[3]!), l).to.include(XML);
      const raw = r.replies[4]!;
      const json = JSON.parse(raw.slice(raw.indexOf('{'), raw.lastIndexOf('}') + 1)) as { configuration: Record<string, unknown> };
      expect(json.configuration['policy-options'], l).to.deep.equal(JSON_DOC.configuration['policy-options']);
    }
  });

  it('a delete names one entry by all its keys, and compare shows the entries changed one line each', async () => {
    const r = await t.emulator.inject('r1', [
      setLoad(SET),
      '<commit-configuration/>',
      setLoad(`${P} route-filter 192.0.2.0/24 exact\ndelete policy-options policy-statement P term T from route-filter 10.0.0.0/8 orlonger`),
      '<get-configuration compare="rollback" rollback="0" format="text"/>',
      '<load-configuration><configuration><policy-options><policy-statement><name>P</name><term><name>T</name><from><route-filter delete="delete"><address>10.0.0.0/8</address><upto>/24</upto></route-filter></from></term></policy-statement></policy-options></configuration></load-configuration>',
    ]);
    expect(r.replies[1]).to.include('<commit-success/>');
    expect(r.replies[2]).to.include('<ok/>').and.not.include('rpc-error');
    expect(body(r.replies[3]!, 'configuration-output')).to.equal('\n[edit policy-options policy-statement P term T from]\n-      route-filter 10.0.0.0/8 orlonger;\n+      route-filter 192.0.2.0/24 exact;\n');
    // An entry no one configured (same address, another match type): `statement not found`.
    expect(r.replies[4]).to.include('statement not found');
  });

  it('SRX policies load in set, text and XML; shown `from-zone trust to-zone untrust {`, XML by from-zone-name and to-zone-name', async () => {
    const lines = 'set security policies from-zone trust to-zone untrust policy p1 then permit\nset security policies from-zone trust to-zone dmz policy p1 then deny\n';
    const text = 'security {\n    policies {\n        from-zone trust to-zone untrust {\n            policy p1 {\n                then {\n                    permit;\n                }\n            }\n        }\n        from-zone trust to-zone dmz {\n            policy p1 {\n                then {\n                    deny;\n                }\n            }\n        }\n    }\n}\n';
    const xml =
      '<security><policies><policy><from-zone-name>trust</from-zone-name><to-zone-name>untrust</to-zone-name><policy><name>p1</name><then><permit/></then></policy></policy>' +
      '<policy><from-zone-name>trust</from-zone-name><to-zone-name>dmz</to-zone-name><policy><name>p1</name><then><deny/></then></policy></policy></policies></security>';
    for (const l of [setLoad(lines), textLoad(text), `<load-configuration><configuration>${xml}</configuration></load-configuration>`]) {
      const r = await t.emulator.inject('fw', [l, '<get-configuration database="candidate" format="set"/>', '<get-configuration database="candidate" format="text"/>', '<get-configuration database="candidate"><configuration><security><policies/></security></configuration></get-configuration>', '<discard-changes/>']);
      expect(r.replies[0], l).to.include('<ok/>').and.not.include('rpc-error');
      expect(body(r.replies[1]!, 'configuration-set'), l).to.include(lines);
      expect(body(r.replies[2]!, 'configuration-text'), l).to.include(text);
      expect(flat(r.replies[3]!), l).to.include(xml);
    }
    // (No commit: the zones are not defined, and the key's junos:must refuses that.)
    const d = await t.emulator.inject('fw', [setLoad(lines), setLoad('delete security policies from-zone trust to-zone dmz'), '<get-configuration database="candidate" format="set"/>']);
    expect(d.replies[1]).to.include('<ok/>');
    expect(body(d.replies[2]!, 'configuration-set')).to.include(lines.split('\n')[0]!).and.not.include('to-zone dmz');
  });

  it('show configuration takes a multi-key path: one zone pair of SRX policies, a policy within it', async () => {
    const zones = ['trust', 'untrust', 'dmz'].map((z) => `set security zones security-zone ${z}`).join('\n');
    const policies = 'set security policies from-zone trust to-zone untrust policy p1 then permit\nset security policies from-zone trust to-zone dmz policy p2 then deny';
    const show = (path: string): string => `<command format="text">show configuration ${path}</command>`;
    const r = await t.emulator.inject('fw', [
      setLoad(`${zones}\n${policies}`),
      '<commit-configuration/>',
      show('security policies from-zone trust to-zone untrust'),
      show('security policies from-zone trust to-zone dmz policy p2'),
    ]);
    expect(r.replies[1]).to.include('<commit-success/>');
    // The entry's contents, without the blocks around it, as for any path (docs/cli.md).
    expect(body(r.replies[2]!, 'configuration-output')).to.equal('\npolicy p1 {\n    then {\n        permit;\n    }\n}\n');
    expect(body(r.replies[3]!, 'configuration-output')).to.equal('\nthen {\n    deny;\n}\n');
  });
});
