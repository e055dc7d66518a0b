/**
 * Configuration groups applied (src/junos-config/groups.ts), on the examples
 * of Juniper's pages on configuration groups: priority, nesting, except,
 * wildcards, re0/re1, leaf-lists and lists.
 */
import { expect } from 'chai';
import { inheritGroupsWork, type InheritanceContext } from '../../src/junos-config/groups.js';
import { editTree } from '../../src/junos-config/edit.js';
import { parseText } from '../../src/junos-config/text-format.js';
import { renderConfiguration } from '../../src/junos-config/render.js';
import { runNow } from '../../src/junos-config/slices.js';
import { emptyConfiguration, keyOf } from '../../src/junos-config/tree.js';
import { loadSchema } from '../../src/junos-config/schema/catalog.js';

const schema = loadSchema('junos-18.4R1');
const RE0: InheritanceContext = { routingEngine: 're0' };

function applied(text: string, context = RE0): { set: string; marked: string[] } {
  const tree = editTree(emptyConfiguration(), parseText(text, schema), [], schema.root);
  const { tree: out, groupOf } = runNow(inheritGroupsWork(tree, context, schema.root));
  const set = renderConfiguration(out, 'set', undefined, schema);
  const marked: string[] = [];
  const walk = (n: typeof out, path: string): void => {
    for (const c of n.children) {
      if (c.name === 'name') continue;
      const key = keyOf(c);
      const here = `${path} ${c.name}${key !== undefined ? ` ${key}` : c.value !== undefined ? ` ${c.value}` : ''}`.trim();
      const g = groupOf.get(c);
      if (g) marked.push(`${here} <- ${g}`);
      walk(c, here);
    }
  };
  walk(out, '');
  return { set, marked };
}

const lines = (s: string): string[] => s.split('\n').filter((l) => l.startsWith('set '));

describe('configuration groups: inheritance', function () {
  it('a top-level apply-groups inherits the group; the configuration wins over it; groups and apply-groups are gone', () => {
    const { set, marked } = applied('groups { global { system { host-name from-group; domain-name example.net; } } } apply-groups global; system { host-name local; }');
    expect(lines(set)).to.deep.equal(['set system host-name local', 'set system domain-name example.net']);
    expect(marked).to.deep.equal(['system domain-name example.net <- global']);
  });

  it('the first group named wins over later ones; re0 applies on re0 only', () => {
    const text = 'groups { re0 { system { host-name r1-re0; } } re1 { system { host-name r1-re1; } } a { system { time-zone UTC; } } b { system { time-zone Europe/Paris; } } } apply-groups [ re0 re1 a b ];';
    expect(lines(applied(text).set)).to.deep.equal(['set system host-name r1-re0', 'set system time-zone UTC']);
    expect(lines(applied(text, { routingEngine: 're1' }).set)).to.deep.equal(['set system host-name r1-re1', 'set system time-zone UTC']);
  });

  it('wildcard entries add to matching entries and create none (the some-isp example)', () => {
    const text = [
      'groups { some-isp { interfaces { <xe-*> { gigether-options { flow-control; } } } protocols { pim { interface <*> { version 1; } } } } }',
      'interfaces { xe-0/0/0 { apply-groups some-isp; unit 0 { family inet { address 10.0.0.1/24; } } } ge-0/0/1 { apply-groups some-isp; description other; } }',
      'protocols { pim { interface xe-0/0/0.0 { apply-groups some-isp; } } }',
    ].join('\n');
    const { set, marked } = applied(text);
    expect(lines(set)).to.deep.equal([
      'set interfaces xe-0/0/0 gigether-options flow-control',
      'set interfaces xe-0/0/0 unit 0 family inet address 10.0.0.1/24',
      'set interfaces ge-0/0/1 description other',
      'set protocols pim interface xe-0/0/0.0 version 1',
    ]);
    expect(marked).to.deep.equal([
      'interfaces interface xe-0/0/0 gigether-options <- some-isp',
      'interfaces interface xe-0/0/0 gigether-options flow-control <- some-isp',
      'protocols pim interface xe-0/0/0.0 version 1 <- some-isp',
    ]);
  });

  it('leaf-list values add to the local ones; list entries of the group come first (the basic and worldwide examples)', () => {
    const text = 'groups { basic { snmp { interface so-1/1/1.0; } } worldwide { system { name-server { 10.0.0.100; 10.0.0.200; } } } } apply-groups [ basic worldwide ]; snmp { interface so-0/0/0.0; } system { name-server { 10.0.0.1; 10.0.0.2; } }';
    expect(lines(applied(text).set)).to.deep.equal([
      'set system name-server 10.0.0.100',
      'set system name-server 10.0.0.200',
      'set system name-server 10.0.0.1',
      'set system name-server 10.0.0.2',
      'set snmp interface so-0/0/0.0',
      'set snmp interface so-1/1/1.0',
    ]);
  });

  it('a deeper apply-groups wins over one above; apply-groups-except stops a group below its level', () => {
    const text = [
      'groups { outer { interfaces { <*> { mtu 1500; description outer; } } } inner { interfaces { <*> { mtu 9000; } } } }',
      'apply-groups outer;',
      'interfaces { ge-0/0/0 { apply-groups inner; } ge-0/0/1 { apply-groups-except outer; unit 0; } ge-0/0/2 { unit 0; } }',
    ].join('\n');
    expect(lines(applied(text).set)).to.deep.equal([
      'set interfaces ge-0/0/0 description outer',
      'set interfaces ge-0/0/0 mtu 9000',
      'set interfaces ge-0/0/1 unit 0',
      'set interfaces ge-0/0/2 description outer',
      'set interfaces ge-0/0/2 mtu 1500',
      'set interfaces ge-0/0/2 unit 0',
    ]);
  });

  it('a statement only groups have, from several groups, merges them; without groups the tree is returned as it is', () => {
    const text = 'groups { a { system { services { ssh; } } } b { system { services { netconf { ssh; } } } } } apply-groups [ a b ]; system { host-name h; }';
    // 18.4's order puts services before host-name (a vSRX 18.4 capture, docs/statement-order.md).
    expect(lines(applied(text).set)).to.deep.equal(['set system services ssh', 'set system services netconf ssh', 'set system host-name h']);
    const plain = editTree(emptyConfiguration(), parseText('system { host-name h; }', schema), [], schema.root);
    expect(runNow(inheritGroupsWork(plain, RE0, schema.root)).tree.children[0]).to.equal(plain.children[0]);
  });

  it('a wildcard JavaScript cannot read matches nothing and breaks nothing', () => {
    const { set } = applied('groups { g { interfaces { "<ge-[z-a]>" { mtu 1500; } "<ge-0/0/[0-1]>" { mtu 9000; } } } } apply-groups g; interfaces { ge-0/0/1 { description x; } ge-0/0/5 { description y; } }');
    expect(lines(set)).to.deep.equal(['set interfaces ge-0/0/1 description x', 'set interfaces ge-0/0/1 mtu 9000', 'set interfaces ge-0/0/5 description y']);
  });
});
