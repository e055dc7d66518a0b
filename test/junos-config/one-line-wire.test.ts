/**
 * Junos's one-line statements and `## SECRET-DATA` as a NETCONF client and
 * the CLI see them: `<get-configuration format="text">`, `show configuration`
 * (`<command>`), `compare="rollback"`, rollback and rescue text
 * (docs/config-text-forms.md).
 */
import { expect } from 'chai';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const HASH = '$6$CR8rOdvC$fZiYRGtALKZNGU1hWCyoNg5fqxqyJlANacEwEfRPHLawUWzzpMLdMw1NpR5Z3';
const loadText = (text: string): string => `<load-configuration format="text"><configuration-text>${text}</configuration-text></load-configuration>`;
const textOf = (reply: string): string | undefined => /<configuration-(?:text|output|set)>([\s\S]*?)<\/configuration-(?:text|output|set)>/.exec(reply)?.[1];

/** The text a reply carries, with the XML entities read back (`&lt;` in `/* SECRET-DATA *\/` stays as it is sent). */
const unescape = (s: string | undefined): string | undefined => s?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const ROUTES = ['routing-options {', '    static {', '        route 0.0.0.0/0 next-hop 192.0.2.1;', '        route 10.0.0.0/8 next-hop [ 192.0.2.1 192.0.2.2 ];', '    }', '}', ''].join('\n');
const FILTER = ['firewall {', '    filter f {', '        term t1 {', '            from protocol tcp;', '            then accept;', '        }', '    }', '}', ''].join('\n');

describe('configuration: one-line statements and SECRET-DATA on the wire', function () {
  let t: TestEmulator;
  let c: NetconfClient;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [
          { name: TEST_USER.name, password: TEST_USER.password },
          { name: 'cfg', password: 'cfg123', class: 'cfg-only' },
        ],
        classes: { 'cfg-only': ['configure', 'view'] },
        speed: 'instant',
        devices: [{ name: 'r1', port: 0 }],
      },
    });
    c = await t.client();
    const loaded = await c.rpc(loadText(`${ROUTES}${FILTER}system { root-authentication { encrypted-password "${HASH}"; } }`));
    expect(loaded).to.include('<ok/>');
    expect(await c.rpc('<commit-configuration/>')).to.include('<commit-success/>');
  });
  after(async () => t?.stop());

  it('get-configuration format="text" and show configuration write them on one line', async () => {
    const full = unescape(textOf(await c.rpc('<get-configuration database="committed" format="text"/>')))!;
    expect(full).to.contain(ROUTES).and.contain(FILTER);
    expect(full).to.contain(`        encrypted-password "${HASH}"; ## SECRET-DATA\n`);
    expect(unescape(textOf(await c.rpc('<command format="text">show configuration routing-options</command>')))).to.equal(`\n${ROUTES.split('\n').slice(1, -2).map((l) => l.slice(4)).join('\n')}\n`);
    const set = unescape(textOf(await c.rpc('<get-configuration database="committed" format="set"/>')));
    expect(set).to.include('set routing-options static route 10.0.0.0/8 next-hop 192.0.2.2\n');
    expect(set, '| display set has no comment').to.not.include('SECRET-DATA');
  });

  it('the text loads back and shows the same (load text -> show -> same text)', async () => {
    const before = unescape(textOf(await c.rpc('<get-configuration database="committed" format="text"/>')))!;
    const body = before.replace(/^## Last commit.*\n/m, '');
    expect(await c.rpc(`<load-configuration action="override" format="text"><configuration-text>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</configuration-text></load-configuration>`)).to.include('<ok/>');
    expect(textOf(await c.rpc('<get-configuration compare="rollback" rollback="0" format="text"/>'))).to.equal('\n');
    expect(unescape(textOf(await c.rpc('<get-configuration database="candidate" format="text"/>')))!.replace(/^## Last changed.*\n/m, '')).to.equal(body);
  });

  it('compare="rollback" shows an added term with the one before it, and a one-line route', async () => {
    await c.rpc(loadText('firewall { filter f { term t2 { then reject; } } } routing-options { static { route 192.0.2.0/24 discard; } }'));
    const d = unescape(textOf(await c.rpc('<get-configuration compare="rollback" rollback="0" format="text"/>')));
    expect(d).to.equal(
      // firewall before routing-options: Junos's top-level order (docs/statement-order.md).
      '\n[edit firewall filter f]\n     term t1 { ... }\n+    term t2 {\n+        then reject;\n+    }\n[edit routing-options static]\n     route 10.0.0.0/8 next-hop [ 192.0.2.1 192.0.2.2 ];\n+    route 192.0.2.0/24 discard;\n',
    );
    await c.rpc('<discard-changes/>');
  });

  it('rollback and rescue text use the same forms', async () => {
    expect(await c.rpc('<request-save-rescue-configuration/>')).to.include('<ok/>');
    const rescue = unescape(textOf(await c.rpc('<get-rescue-information><format>text</format></get-rescue-information>')));
    expect(rescue).to.contain(ROUTES).and.contain(FILTER).and.contain('; ## SECRET-DATA\n');
    const rollback = unescape(textOf(await c.rpc('<get-rollback-information><rollback>0</rollback><format>text</format></get-rollback-information>')));
    expect(rollback).to.contain(ROUTES).and.contain(FILTER);
  });

  it('a class without secret sees the placeholder unquoted, then the comment (vQFX capture)', async () => {
    const r = await t.emulator.inject('r1', ['<get-configuration database="committed" format="text"/>'], { user: 'cfg' });
    expect(unescape(r.replies[0])).to.include('        encrypted-password /* SECRET-DATA */; ## SECRET-DATA\n').and.not.include(HASH);
  });

  it('NTP keys and servers: one line each, marked SECRET-DATA, loaded back the same; the key value hidden from a class without secret', async () => {
    const NTP = ['    ntp {', '        authentication-key 24 type md5 value "$9$ZfDkPz39pu1zFcyKvLX"; ## SECRET-DATA', '        server 10.1.10.6 key 24; ## SECRET-DATA', '        server 10.1.10.7 key 24 version 2 prefer; ## SECRET-DATA', '    }'].join('\n');
    const set = 'set system ntp authentication-key 24 type md5 value "$9$ZfDkPz39pu1zFcyKvLX"\nset system ntp server 10.1.10.6 key 24\nset system ntp server 10.1.10.7 key 24 version 2 prefer';
    const ntpText = async (): Promise<string> => unescape(textOf(await c.rpc('<get-configuration database="candidate" format="text"><configuration><system><ntp/></system></configuration></get-configuration>')))!;
    expect(await c.rpc(`<load-configuration action="set"><configuration-set>${set}</configuration-set></load-configuration>`)).to.include('<ok/>');
    // As a vSRX's `show system ntp` and a vMX compare print them.
    expect(await ntpText()).to.equal(`\nsystem {\n${NTP}\n}\n`);
    // The text form loads back to the same statements.
    const body = `system {\n${NTP.replace(/ ## SECRET-DATA/g, '')}\n}`.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    await c.rpc('<discard-changes/>');
    expect(await c.rpc(loadText(body))).to.include('<ok/>');
    expect(await ntpText()).to.equal(`\nsystem {\n${NTP}\n}\n`);
    expect(await c.rpc('<commit-configuration/>')).to.include('<commit-success/>');
    const r = await t.emulator.inject('r1', ['<get-configuration database="committed" format="text"><configuration><system><ntp/></system></configuration></get-configuration>'], { user: 'cfg' });
    expect(unescape(r.replies[0])).to.include('authentication-key 24 type md5 value /* SECRET-DATA */; ## SECRET-DATA').and.not.include('$9$ZfDkPz39pu1zFcyKvLX');
  });
});
