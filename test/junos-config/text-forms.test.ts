/**
 * Junos's one-line text forms: leaf-lists `name [ a b ];` and `family inet {`,
 * byte-exact against public captures, and the text loads back to the same tree.
 */
import { expect } from 'chai';
import { editTree } from '../../src/junos-config/edit.js';
import { diffText } from '../../src/junos-config/render.js';
import { renderText } from '../../src/junos-config/text-render.js';
import { parseText } from '../../src/junos-config/text-format.js';
import { emptyConfiguration, type ConfigNode } from '../../src/junos-config/tree.js';

function load(text: string, base: ConfigNode = emptyConfiguration()): ConfigNode {
  return editTree(base, parseText(text));
}

/** Loads `text`, shows it, and loads the shown text again: both show the same. */
function roundTrip(text: string): string {
  const tree = load(text);
  const shown = renderText(tree);
  expect(renderText(load(shown)), 'shown text loads back to the same tree').to.equal(shown);
  return shown;
}

describe('junos-config: one-line text forms', () => {
  // Juniper vSRX configurations in brunorijsman/firefly-configurations
  // (features/rip/rip-1.conf: "from protocol [ direct rip ];" / "then accept;",
  // a `from` and a `then` of one statement each on their own line) and the PyEZ/Ansible
  // `show configuration` captures with `family inet {` under `unit 0`.
  const policy = [
    'policy-options {',
    '    policy-statement rip-export-policy {',
    '        term term-1 {',
    '            from protocol [ direct rip ];',
    '            then accept;',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');

  it('shows a leaf-list with several values on one line, as loaded', () => {
    expect(roundTrip(policy)).to.equal(policy);
  });

  it('reads one value per statement and shows them as one leaf-list', () => {
    const t = load('policy-options { policy-statement p { term t { from { protocol direct; protocol rip; } } } }');
    expect(renderText(t)).to.contain('            from protocol [ direct rip ];\n');
  });

  it('shows a leaf-list of one value without brackets', () => {
    const t = load('policy-options { policy-statement p { term t { from { protocol [ static ]; } } } }');
    expect(renderText(t)).to.contain('            from protocol static;\n');
  });

  const iface = [
    'interfaces {',
    '    ge-0/0/0 {',
    '        unit 0 {',
    '            family inet {',
    '                address 192.168.1.1/24;',
    '            }',
    '            family inet6;',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');

  it('shows each child of family on the family line', () => {
    expect(roundTrip(iface)).to.equal(iface);
  });

  it('shows family inet-vpn under a BGP group as Junos does', () => {
    // `show | compare` capture from the search tool's code corpus ("+           family inet-vpn {").
    const bgp = 'protocols {\n    bgp {\n        group pe {\n            type internal;\n            local-address 3.3.3.3;\n            family inet-vpn {\n                any;\n            }\n            neighbor 4.4.4.4;\n        }\n    }\n}\n';
    expect(roundTrip(bgp)).to.equal(bgp);
  });

  it('compares a changed leaf-list as its old and new line', () => {
    // Capture (search tool's code corpus, atos_poc README):
    // [edit interfaces ae1 unit 0 family ethernet-switching vlan]
    // -       members [ 103 200-201 v100 v101 ];
    // +       members [ 103 110-111 200-201 v100 v101 ];
    const a = load('vlans { v1 { vlan-id 1; } } policy-options { community c { members [ 65000:1 65000:2 ]; } }');
    const b = load('policy-options { community c { members 65000:3; } }', a);
    const d = diffText(a, b);
    expect(d).to.contain('-   members [ 65000:1 65000:2 ];\n');
    expect(d).to.contain('+   members [ 65000:1 65000:2 65000:3 ];\n');
    expect(d).not.to.contain('+   members 65000:3;');
  });
});

describe('junos-config: compare with family on its line', () => {
  const base = 'interfaces { ge-0/0/1 { unit 0 { family inet { address 10.0.0.1/24; } } } }';

  it('names `family inet` in the banner of a change inside it', () => {
    // `show | compare rollback 1` capture (search tool's code corpus): `[edit interfaces ge-0/0/1 unit 0 family inet]`.
    const a = load(base);
    const d = diffText(a, load('interfaces { ge-0/0/1 { unit 0 { family inet { address 10.0.0.2/24; } } } }', a));
    expect(d).to.match(/^\n\[edit interfaces ge-0\/0\/1 unit 0 family inet\]\n\+ +address 10\.0\.0\.2\/24;\n$/);
  });

  it('shows an added family under the unit, on the family line', () => {
    const a = load(base);
    const d = diffText(a, load('interfaces { ge-0/0/1 { unit 0 { family inet6 { address 2001:db8::1/64; } } } }', a));
    expect(d).to.equal('\n[edit interfaces ge-0/0/1 unit 0]\n+     family inet6 {\n+         address 2001:db8::1/64;\n+     }\n');
  });
});

describe('junos-config: keyword-less leaves', () => {
  // `show configuration` captures (search tool's code corpus: a vMX lab's juniper.device diff,
  // code index 15639100395: `autonomous-system 65412;`, `route-distinguisher 1.1.1.1:1;`,
  // `vrf-target target:65412:1;`).
  const text = [
    'interfaces {',
    '    lo0 {',
    '        unit 0 {',
    '            family inet {',
    '                filter {',
    '                    input protect-re;',
    '                }',
    '            }',
    '        }',
    '    }',
    '}',
    'routing-options {',
    '    autonomous-system 65412;',
    '}',
    'routing-instances {',
    '    l2vpn1 {',
    '        instance-type l2vpn;',
    '        route-distinguisher 1.1.1.1:1;',
    '        vrf-target target:65412:1;',
    '    }',
    '}',
    '',
  ].join('\n');

  it('shows them without their keyword, and the text loads back', () => {
    expect(roundTrip(text)).to.equal(text);
  });

  it('keeps the keyword of a first leaf Junos writes with it', () => {
    const t = load('chassis { aggregated-devices { ethernet { device-count 4; } } }');
    expect(renderText(t)).to.contain('        ethernet {\n            device-count 4;\n        }\n');
  });

  it('compares a changed keyword-less leaf as its old and new line', () => {
    // `[edit routing-options]` / `+   autonomous-system 65000;` (show | compare capture, search tool's code corpus).
    const a = load('routing-options { autonomous-system 65000; }');
    expect(diffText(a, load('routing-options { autonomous-system 65001; }', a))).to.equal(
      '\n[edit routing-options]\n-  autonomous-system 65000;\n+  autonomous-system 65001;\n',
    );
    expect(diffText(emptyConfiguration(), a)).to.equal('\n[edit]\n+  routing-options {\n+      autonomous-system 65000;\n+  }\n');
  });
});

describe('junos-config: groups and logical-systems blocks', () => {
  // Junos writes group entries inside one `groups {` block (the `groups { re0 {` form of
  // `show configuration` on dual-RE routers; Juniper's configuration-groups documentation).
  const text = [
    'groups {',
    '    re0 {',
    '        system {',
    '            host-name r0;',
    '        }',
    '    }',
    '    re1 {',
    '        system {',
    '            host-name r1;',
    '        }',
    '    }',
    '}',
    'apply-groups [ re0 re1 ];',
    'logical-systems {',
    '    R2 {',
    '        interfaces {',
    '            lt-0/0/10 {',
    '                unit 0 {',
    '                    family inet {',
    '                        address 172.22.131.5/30;',
    '                    }',
    '                }',
    '            }',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');

  it('shows the entries inside one block, by name, and the text loads back', () => {
    expect(roundTrip(text)).to.equal(text);
  });

  it('compares an added group under [edit groups] and a change inside one under its own banner', () => {
    const a = load(text);
    const b = load('groups { re0 { system { host-name r0a; } } re2 { system { host-name r2; } } }', a);
    expect(diffText(a, b)).to.equal(
      // Indented as `[edit logical-systems ...]` compares are (docs/configuration-diff.md): the entry
      // and its list count as one level, and an added entry is written as at the top.
      '\n[edit groups re0 system]\n-   host-name r0;\n+   host-name r0a;\n[edit groups]\n+  re2 {\n+      system {\n+          host-name r2;\n+      }\n+  }\n',
    );
  });
});
