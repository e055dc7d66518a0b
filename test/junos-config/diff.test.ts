/**
 * `show | compare` as Junos prints it (issue 12), against texts real devices
 * printed. Each fixture names where it was published; the configurations
 * before and after are rebuilt from what the diff shows (XML edits, so no
 * text-format parsing is involved). docs/configuration-diff.md has the rules.
 */
import { expect } from 'chai';
import { configurationDiff } from '../../src/junos-config/diff.js';
import { editTree } from '../../src/junos-config/edit.js';
import { editFromXml, emptyConfiguration, type ConfigNode } from '../../src/junos-config/tree.js';
import { parseXml } from '../../src/xml/parse.js';

/** A configuration from the children of a `<configuration>` XML document. */
function tree(xml: string, base: ConfigNode = emptyConfiguration()): ConfigNode {
  const root = parseXml(`<configuration>${xml}</configuration>`);
  return editTree(base, root.children.map((c) => editFromXml(c)));
}

describe('configuration: show | compare as Junos prints it', () => {
  it('a changed leaf under [edit system] (SRX320, Juniper/ruby-junos-ez-stdlib#65)', () => {
    const a = tree('<system><host-name>BOOTSTRAPPED</host-name></system>');
    const b = tree('<system><host-name>TESTSRX-0319</host-name></system>');
    expect(configurationDiff(a, b)).to.equal('\n[edit system]\n-  host-name BOOTSTRAPPED;\n+  host-name TESTSRX-0319;\n');
  });

  it('a leaf one level deeper (Juniper/ansible-junos-stdlib#427, [edit system root-authentication])', () => {
    const a = tree('<system><root-authentication><encrypted-password>asdf.</encrypted-password></root-authentication></system>');
    const b = tree('<system><root-authentication><encrypted-password>dddd.</encrypted-password></root-authentication></system>');
    // Each line ends with Junos's `## SECRET-DATA` comment, as in the capture.
    expect(configurationDiff(a, b)).to.equal('\n[edit system root-authentication]\n-   encrypted-password asdf.; ## SECRET-DATA\n+   encrypted-password dddd.; ## SECRET-DATA\n');
  });

  it('banners in document order, named again after a deeper one (vMX, code index 36154451028)', () => {
    const a = tree('<system><services><ftp/><ssh/><telnet/><netconf><ssh/></netconf></services></system>');
    const b = tree('<system><services><ssh><root-login>allow</root-login><protocol-version>v2</protocol-version></ssh><netconf><ssh><port>22</port></ssh></netconf></services></system>');
    expect(configurationDiff(a, b)).to.equal(
      '\n[edit system services]\n-    ftp;\n[edit system services ssh]\n+    root-login allow;\n+    protocol-version v2;\n[edit system services]\n-    telnet;\n[edit system services netconf ssh]\n+     port 22;\n',
    );
  });

  it('a container added under [edit system] (Salt junos returner docs, code index 15728637818)', () => {
    const a = tree('<system><host-name>router1</host-name></system>');
    const b = tree('<system><host-name>router1</host-name><ntp><server><name>10.0.0.1</name></server></ntp></system>');
    expect(configurationDiff(a, b)).to.equal('\n[edit system]\n+   ntp {\n+       server 10.0.0.1;\n+   }\n');
  });

  it('whole blocks under [edit interfaces], [edit routing-instances] and [edit] (vMX lab via juniper.device, code index 15639100395)', () => {
    const a = tree('<system><host-name>pe1</host-name></system><interfaces><interface><name>fxp0</name></interface></interfaces><routing-instances><instance><name>mgmt</name></instance></routing-instances>');
    const b = tree(
      '<interfaces><interface><name>lo0</name><unit><name>0</name><family><inet><address><name>1.1.1.1/32</name></address></inet></family></unit></interface></interfaces>' +
        '<routing-instances><instance><name>l2vpn1</name><instance-type>l2vpn</instance-type><route-distinguisher>1.1.1.1:1</route-distinguisher></instance></routing-instances>' +
        '<routing-options><autonomous-system>65412</autonomous-system></routing-options>' +
        '<protocols><mpls><interface><name>ge-0/0/1.0</name></interface></mpls></protocols>',
      a,
    );
    expect(configurationDiff(a, b)).to.equal(
      '\n[edit interfaces]\n+   lo0 {\n+       unit 0 {\n+           family inet {\n+               address 1.1.1.1/32;\n+           }\n+       }\n+   }\n' +
        '[edit routing-instances]\n+   l2vpn1 {\n+       instance-type l2vpn;\n+       route-distinguisher 1.1.1.1:1;\n+   }\n' +
        '[edit]\n+  routing-options {\n+      autonomous-system 65412;\n+  }\n+  protocols {\n+      mpls {\n+          interface ge-0/0/1.0;\n+      }\n+  }\n',
    );
  });

  it('nothing differs: a lone newline (PyEZ Config.diff() returns None for it)', () => {
    const a = tree('<system><host-name>r1</host-name></system>');
    expect(configurationDiff(a, a)).to.equal('\n');
    expect(configurationDiff(a, tree('<system><host-name>r1</host-name></system>'))).to.equal('\n');
  });

  it('a removed block keeps its closing brace; a deactivated statement is a ! line', () => {
    const a = tree('<system><host-name>r1</host-name><ntp><server><name>192.0.2.1</name></server></ntp></system>');
    expect(configurationDiff(a, tree('<system><host-name>r1</host-name></system>'))).to.equal('\n[edit system]\n-   ntp {\n-       server 192.0.2.1;\n-   }\n');
    const b = tree('<system><ntp inactive="inactive"/></system>', a);
    expect(configurationDiff(a, b)).to.equal('\n[edit system]\n!   inactive: ntp { ... }\n');
  });
});
