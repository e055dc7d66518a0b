/**
 * DISPLAY_MOVES (src/junos-config/schema/display-moves.ts): every row names
 * statements a schema has under a statement of that name, and the moves
 * give the order short excerpts of real captures show (only the order of
 * statements is kept from them: bodies are cut to a line, values replaced).
 * Each excerpt also shows the schema order alone contradicts it, so the
 * checks can fail.
 */
import { expect } from 'chai';
import { loadSchema } from '../../src/junos-config/schema/catalog.js';
import { DISPLAY_MOVES, type DisplayMove } from '../../src/junos-config/schema/display-moves.js';
import type { SchemaNode } from '../../src/junos-config/schema/model.js';
import { readCapture } from '../../scripts/display-order/captured-tree.js';
import { checkCapture, displayOrder, emptyFindings } from '../../scripts/display-order/order-check.js';

const SCHEMAS = ['junos-17.4R1', 'junos-es-17.4R1', 'junos-ex-17.4R1', 'junos-18.2R1', 'junos-18.4R1', 'junos-19.2R1', 'junos-19.4R1', 'junos-20.4R1', 'junos-21.4R1', 'junos-23.4R1'];

/** Statements named `name` in a schema, breadth first, down to `depth` levels (each node visited once). */
function statementsNamed(root: SchemaNode, name: string, depth = 3): SchemaNode[] {
  const found: SchemaNode[] = [];
  const seen = new Set<SchemaNode>();
  let level = [root];
  for (let d = 0; d <= depth && level.length > 0; d++) {
    const next: SchemaNode[] = [];
    for (const n of level) {
      if (seen.has(n)) continue;
      seen.add(n);
      if (n.name === name) found.push(n);
      if (n.kind === 'container' || n.kind === 'list') next.push(...n.children().values());
    }
    if (found.length > 0) break;
    level = next;
  }
  return found;
}

/** The contradictions a capture shows against the schema `id` with `moves`: `parent: first before second`. */
function contradictions(id: string, text: string, moves: readonly DisplayMove[]): string[] {
  const capture = readCapture('excerpt', text, loadSchema(id))!;
  expect(capture.skipped, 'every statement of the excerpt is in the schema').to.deep.equal([]);
  const found = emptyFindings();
  checkCapture(capture, moves, found);
  return [...found.contradictions.values()].map(({ pair }) => `${pair.parent}: ${pair.first} before ${pair.second}`);
}

describe('display order: DISPLAY_MOVES', () => {
  it('names, in every row, statements that exist under a statement of that parent name in some schema', () => {
    for (const m of DISPLAY_MOVES) {
      const where = SCHEMAS.flatMap((id) => statementsNamed(loadSchema(id).root, m.parent));
      expect(where, `a statement named ${m.parent}`).to.not.be.empty;
      expect(
        where.some((p) => p.child(m.name) !== undefined),
        `${m.parent} has ${m.name}`,
      ).to.equal(true);
      if (m.after !== null)
        expect(
          where.some((p) => p.child(m.after!) !== undefined),
          `${m.parent} has ${m.after}`,
        ).to.equal(true);
    }
  });

  it('moves each statement once per parent (a second row for one statement would undo the first)', () => {
    const keys = DISPLAY_MOVES.map((m) => `${m.parent} ${m.name}`);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('puts the top level in the captured order, the rest after it in schema order', () => {
    const order = displayOrder(loadSchema('junos-18.4R1').root, 'configuration', DISPLAY_MOVES);
    expect(order.slice(0, 19)).to.deep.equal([
      'rcsid',
      'version',
      'groups',
      'apply-groups',
      'system',
      'chassis',
      'services',
      'security',
      'interfaces',
      'snmp',
      'forwarding-options',
      'firewall',
      'routing-options',
      'protocols',
      'policy-options',
      'routing-instances',
      'class-of-service',
      'access',
      'vlans',
    ]);
    // Unmoved statements keep their schema order, after the moved ones.
    expect(order.slice(19, 22)).to.deep.equal(['apply-macro', 'jsrc-partition', 'jsrc']);
  });

  it('keeps list keys first in a group and applies the top-level order inside it', () => {
    const groups = loadSchema('junos-18.4R1').root.child('groups')!;
    const order = displayOrder(groups, 'groups', DISPLAY_MOVES);
    expect(order[0]).to.equal('name');
    expect(order.indexOf('system')).to.be.lessThan(order.indexOf('interfaces'));
    expect(order.indexOf('version')).to.be.lessThan(order.indexOf('system'));
  });

  // vMX 18.2R1.9 `show` (code index 28402055031): the top level, a group's statements, system.
  const vmx18 = `version 18.2R1.9;
groups { re0 { system { host-name re0; } interfaces { fxp0 { unit 0; } } } }
apply-groups re0;
system { login { user u { class super-user; } } root-authentication { encrypted-password "x"; } services { ssh; netconf { ssh; } } syslog { file messages { any notice; } } }
chassis { fpc 0 { pic 0 { number-of-ports 96; } } }
interfaces { ge-0/0/0 { unit 0 { family inet { address 192.0.2.2/24; } } } }
routing-options { static { route 198.51.100.0/24 next-hop 192.0.2.1; } router-id 192.0.2.2; autonomous-system 100; }
protocols { bgp { group g { type internal; neighbor 192.0.2.1; } } ospf { area 0.0.0.0 { interface all; } } }
policy-options { policy-statement p { term 1 { from protocol ospf; } then accept; } }
`;

  it('gives the order of a vMX 18.2 capture against the 18.4 schema', () => {
    expect(contradictions('junos-18.4R1', vmx18, DISPLAY_MOVES)).to.deep.equal([]);
    expect(contradictions('junos-18.4R1', vmx18, [])).to.include.members([
      'configuration: groups before apply-groups',
      'configuration: system before interfaces',
      'configuration: routing-options before protocols',
      'groups: system before interfaces',
    ]);
  });

  // vSRX 18.4R1-S1.3 (ibm-cloud-docs/vsrx vsrx-default-config.md:45-370): system in the 18.4 schema's order
  // (host-name after login, root-authentication and services), security before interfaces. The SRX `security log` body
  // is replaced by a statement the MX schema has.
  const srx18 = `version 18.4R1-S1.3;
system { login { user admin { class super-user; } } root-authentication { encrypted-password "x"; } services { ssh; } host-name gw; name-server { 192.0.2.53; } syslog { file messages { any any; } } ntp { server 192.0.2.123; } }
chassis { aggregated-devices { ethernet { device-count 10; } } }
security { ssh-known-hosts; }
interfaces { ge-0/0/1 { unit 0; } ge-0/0/0 { unit 0; } ae0 { unit 0; } }
firewall { filter f { term t { then accept; } } }
routing-options { static { route 0.0.0.0/0 next-hop 192.0.2.1; } }
`;

  it('gives the order of a vSRX 18.4 capture against the 18.4 schema, whose system order it shares', () => {
    expect(contradictions('junos-18.4R1', srx18, DISPLAY_MOVES)).to.deep.equal([]);
    expect(contradictions('junos-18.4R1', srx18, [])).to.include.members([
      'configuration: system before chassis',
      'configuration: security before interfaces',
      'configuration: interfaces before firewall',
    ]);
    // The 17.4 schema's system order (host-name first) is not 18.4's.
    expect(contradictions('junos-17.4R1', srx18, DISPLAY_MOVES)).to.include('system: login before root-authentication');
  });

  // vSRX 17.3R2.10 get-config reply (scrapli_netconf tests/test_data/expected/juniper_junos_1_0/get_config).
  const srx17 = `<rpc-reply><data><configuration>
<version>17.3R2.10</version>
<system><host-name>vr</host-name><root-authentication><encrypted-password>x</encrypted-password></root-authentication>
<login><user><name>admin</name><class>super-user</class></user></login><services><ssh/><netconf><ssh/></netconf></services></system>
<security><zones><security-zone><name>trust</name><tcp-rst/></security-zone></zones></security>
<interfaces><interface><name>ge-0/0/0</name><unit><name>0</name></unit></interface></interfaces>
</configuration></data></rpc-reply>`;

  it('gives the order of a vSRX 17.3 XML reply against the SRX 17.4 schema', () => {
    expect(contradictions('junos-es-17.4R1', srx17, DISPLAY_MOVES)).to.deep.equal([]);
    expect(contradictions('junos-es-17.4R1', srx17, [])).to.include('configuration: system before security');
  });

  // vJunos-switch 23.2R1.14 (code index 71517883284): system in the 21.4 schema's order.
  const vjs23 = `version 23.2R1.14;
system { host-name spine1; root-authentication { encrypted-password "x"; } commit synchronize; login { user admin { class super-user; } } services { ssh; netconf { ssh; } } management-instance; }
interfaces { fxp0 { unit 0 { family inet { address 192.0.2.15/24; } } } }
protocols { lldp { interface all; } }
`;

  it('gives the system order of a vJunos-switch 23.2 capture against the 21.4 schema', () => {
    expect(contradictions('junos-21.4R1', vjs23, DISPLAY_MOVES)).to.deep.equal([]);
    expect(contradictions('junos-21.4R1', vjs23, [])).to.include('configuration: system before interfaces');
  });
});
