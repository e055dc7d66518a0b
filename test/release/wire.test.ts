/**
 * Wire details that follow the release or the family, over NETCONF: the
 * hello, the `xmlns:junos` release string, bare data elements, errors placed
 * where Junos places them, the route-engine fields, hosts.junos as PyEZ reads
 * it, file-content, reboot and rollback replies.
 */
import { expect } from 'chai';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import { dataNamespaceRelease, rootNamespaceRelease } from '../../src/engine/releases/index.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { HELLO_18_3_RFC, HELLO_18_4, HELLO_COMMENTS_18_4, NAMESPACE_RELEASES, ROOT_18_3_RFC, ROOT_18_4, RE_BACKUP_ELEMENTS, RE_MASTER_ELEMENTS } from './captures.js';
import { childNames } from './support.js';

const PROFILES = ['mx960', 'mx960-18.4', 'mx960-21.4', 'mx960-23.4', 'mx80', 'ex4300-vc', 'srx300', 'srx300-cluster', 'j2350', 'txmatrix-plus'] as const;

/** The body of a reply (what follows the root line). */
const body = (reply: string): string => reply.replace(/^<rpc-reply[^>]*>\n/, '').replace(/<\/rpc-reply>$/, '');

/** PyEZ's current_re: the IRI names hosts.junos gives each inet address of the private routing instance (facts/current_re.py, normalized). */
function currentRe(hosts: string, interfaces: string): string[] {
  const names = new Map<string, string[]>();
  for (const line of hosts.split('\n')) {
    const [ip, ...hs] = line.split('#')[0]!.trim().split(/\s+/);
    if (ip && hs.length > 0) names.set(ip, [...(names.get(ip) ?? []), ...hs]);
  }
  const out: string[] = [];
  for (const m of interfaces.matchAll(/<ifa-local[^>]*>([^<]+)<\/ifa-local>/g)) {
    for (const h of names.get(m[1]!.trim().split('/')[0]!) ?? []) if (!out.includes(h)) out.push(h);
  }
  return out;
}

describe('release: the xmlns:junos release string', () => {
  for (const [version, root, data] of NAMESPACE_RELEASES) {
    it(`${version}: ${root} at the reply root, ${data} on data elements`, () => {
      expect(rootNamespaceRelease(version)).to.equal(root);
      expect(dataNamespaceRelease(version)).to.equal(data);
    });
  }
});

describe('release: wire details per device', function () {
  let t: TestEmulator;
  const clients = new Map<string, NetconfClient>();
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        speed: 'instant',
        devices: [
          ...PROFILES.map((p) => ({ name: p, profile: p, port: 0 })),
          // rfc-compliant without version-1.1, as on the 18.3R3 box of the capture.
          { name: 'rfc', profile: 'mx960-18.4', port: 0, 'rfc-compliant': true, 'version-1.1': false },
        ],
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

  it('every device says the 18.4R3 capture\'s 13 capabilities, in its order, and nothing else', async () => {
    for (const p of PROFILES) {
      const hello = (await client(p)).serverHello;
      expect([...hello.matchAll(/<capability>([^<]+)<\/capability>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')), p).to.deep.equal(HELLO_18_4);
    }
  });

  it('the hello comment names a predefined class as Junos does (j-super-user), as the 18.4R3 replay', async () => {
    const hello = (await client('mx960-18.4')).serverHello;
    expect(hello.split('\n').slice(0, 2)).to.deep.equal(HELLO_COMMENTS_18_4.map((l) => l.replace('gescheit', TEST_USER.name)));
  });

  it('an rfc-compliant device says ?protocol= in both url capabilities (18.3R3 capture)', async () => {
    const hello = (await client('rfc')).serverHello;
    expect([...hello.matchAll(/<nc:capability>([^<]+)<\/nc:capability>/g)].map((m) => m[1]!)).to.deep.equal(HELLO_18_3_RFC);
  });

  it('the reply root: xmlns:junos, then the client\'s attributes in its order, byte for byte as the captures', async () => {
    // The client of both captures wrote <rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="1">.
    const first = (r: string): string => r.slice(0, r.indexOf('\n'));
    const fresh = await t.client({ port: t.emulator.device('mx960-18.4')!.ports()[0]!.port });
    expect(first(await fresh.rpc('<get-route-engine-information/>'))).to.equal(ROOT_18_4);
    const rfc = await t.client({ port: t.emulator.device('rfc')!.ports()[0]!.port });
    expect(first(await rfc.rpc('<get-route-engine-information/>')).replace('18.4R3', '18.3R3')).to.equal(ROOT_18_3_RFC);
  });

  it('the reply root and data elements carry the running release in Junos\'s form', async () => {
    const want: Record<string, [string, string]> = {
      mx960: ['9.3R4', '9.3R4'],
      'mx960-18.4': ['18.4R3', '18.4R3'],
      'mx960-21.4': ['21.4R0', '21.4R0'],
      'mx960-23.4': ['23.4R2.13', '23.4R0'],
      'ex4300-vc': ['15.1R6', '15.1R6'],
      srx300: ['15.1X49', '15.1X49'],
    };
    for (const [p, [root, data]] of Object.entries(want)) {
      const r = await (await client(p)).rpc('<get-route-engine-information/>');
      expect(r, p).to.include(`xmlns:junos="http://xml.juniper.net/junos/${root}/junos"`);
      expect(r, p).to.include(`<route-engine-information xmlns="http://xml.juniper.net/junos/${data}/junos-chassis">`);
    }
  });

  it('software-information, system-storage-information and snapshot-information carry no namespace', async () => {
    for (const p of ['mx960', 'srx300', 'j2350']) {
      const c = await client(p);
      expect(body(await c.rpc('<get-software-information/>')), p).to.match(/^<software-information>\n/);
      expect(body(await c.rpc('<get-system-storage/>')), p).to.match(/^<system-storage-information junos:style="brief">\n/);
      expect(body(await c.rpc('<get-snapshot-information/>')), p).to.match(/^<snapshot-information>\n/);
    }
  });

  it('route-engine: the fixture\'s fields in its order, master with 1/5/15-minute CPU, digits for RE serials', async () => {
    const r = await (await client('mx960-18.4')).rpc('<get-route-engine-information/>');
    const [master, backup] = r.split('</route-engine>');
    expect(childNames(`${master}</route-engine>`, 'route-engine')).to.deep.equal(RE_MASTER_ELEMENTS);
    expect(childNames(`${backup}</route-engine>`, 'route-engine')).to.deep.equal(RE_BACKUP_ELEMENTS);
    expect(r).to.match(/<temperature junos:celsius="32">32 degrees C \/ 89 degrees F<\/temperature>/);
    expect(r).to.include('<memory-installed-size>(16384 MB installed)</memory-installed-size>');
    expect(r).to.match(/<serial-number>\d{10}<\/serial-number>/);
  });

  it('an unknown interface: the error inside interface-information (no NETCONF rpc-error), text with no rpc-error', async () => {
    const c = await client('mx960-18.4');
    const r = await c.rpc('<get-interface-information><interface-name>ge-0/0/15</interface-name></get-interface-information>');
    expect(body(r)).to.match(
      /^<interface-information xmlns="http:\/\/xml\.juniper\.net\/junos\/18\.4R3\/junos-interface" junos:style="normal">\n<rpc-error>\n<error-type>protocol<\/error-type>\n<error-tag>operation-failed<\/error-tag>\n<error-severity>error<\/error-severity>\n<source-daemon>ifinfo<\/source-daemon>\n<error-message>device ge-0\/0\/15 not found<\/error-message>\n<\/rpc-error>\n<\/interface-information>\n$/,
    );
    expect(body(await c.rpc('<command format="text">show interfaces terse asdf</command>'))).to.equal('protocol: operation-failed\nerror: device asdf not found\n');
  });

  it('get-chassis-cluster-status exists in the junos-es family only: an MX, T or EX answers syntax error', async () => {
    for (const p of ['mx960', 'mx960-18.4', 'txmatrix-plus', 'ex4300-vc']) {
      const r = await (await client(p)).rpc('<get-chassis-cluster-status/>');
      expect(r, p).to.include('<error-message>syntax error</error-message>').and.include('<bad-element>get-chassis-cluster-status</bad-element>');
    }
    expect(await (await client('srx300')).rpc('<get-chassis-cluster-status/>')).to.include('Chassis cluster is not enabled').and.not.include('<rpc-error>');
    expect(await (await client('srx300-cluster')).rpc('<get-chassis-cluster-status/>')).to.include('<chassis-cluster-status>');
  });

  it('hosts.junos and the private interfaces give current_re as on real hardware', async () => {
    const want: Record<string, string[]> = {
      // PyEZ's test_current_re_fact (a real MX's hosts.junos and em0).
      'mx960-18.4': ['re0', 'master', 'node', 'fwdd', 'member', 'pfem'],
      mx80: ['re0', 'master', 'node', 'fwdd', 'member', 'pfem'],
      'ex4300-vc': ['master', 'node', 'fwdd', 'member', 'pfem', 'fpc0'],
      'txmatrix-plus': ['sfc0-master', 'sfc0-re0'],
    };
    for (const [p, names] of Object.entries(want)) {
      const c = await client(p);
      const hosts = (await c.rpc('<file-show><filename>/etc/hosts.junos</filename></file-show>')).replace(/&lt;/g, '<');
      const ifs = await c.rpc('<get-interface-information><routing-instance>__juniper_private1__</routing-instance><terse/></get-interface-information>');
      // Junos pads interface values with newlines; PyEZ's normalize strips them.
      expect(ifs, p).to.match(/<logical-interface>\n<name>\n[\w.-]+\n<\/name>\n/);
      expect(currentRe(hosts, ifs), p).to.deep.equal(names);
    }
  });

  it('file-content has junos:seconds between filename and filesize, as the fixtures order them', async () => {
    const r = await (await client('mx960')).rpc('<file-show><filename>/etc/hosts.junos</filename></file-show>');
    expect(r).to.match(/<file-content filename="\/etc\/hosts\.junos" junos:seconds="\d+" filesize="\d+" encoding="text">/);
  });

  it('open-configuration with text and get-config with a bad source answer as Junos does', async () => {
    const c = await client('mx960');
    const open = await c.rpc('<open-configuration>private</open-configuration>');
    expect(open).to.include('<error-message>syntax error, expecting &lt;invoke-on&gt;</error-message>').and.include('<bad-element>private</bad-element>');
    const get = await c.rpc('<get-config><source><non-exist/></source></get-config>');
    expect(get).to.include('<error-message>syntax error, expecting &lt;candidate/&gt; or &lt;running/&gt;</error-message>').and.include('<bad-element>non-exist</bad-element>');
  });

  it('rollback: package-result per answer, per member on a virtual chassis', async () => {
    expect(await (await client('mx960')).rpc('<request-package-rollback/>')).to.include(
      '<output>Cannot rollback, no previous software set is available\n</output>\n<package-result>1</package-result>',
    );
    const vc = await (await client('ex4300-vc')).rpc('<request-package-rollback/>');
    expect([...vc.matchAll(/<re-name>(fpc\d)<\/re-name>\n<output>[^<]*<\/output>\n<package-result>1<\/package-result>/g)].map((m) => m[1])).to.deep.equal(['fpc0', 'fpc1']);
  });
});
