/**
 * The warnings Junos gives beside a load that otherwise succeeds (issue 12):
 * `<edit-config>` deleting an absent statement (a warning before 23.1R1, the
 * RFC 6241 data-missing error from it on; `operation="remove"` silent), and
 * `mgd: statement has no contents; ignored` for a text load's empty
 * container, in the shape of a 19.4 vQFX reply.
 */
import { expect } from 'chai';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import { startProfiles, type TestEmulator } from '../support/emulator.js';
import { noContentsWarning, statementNotFoundWarning } from '../../src/errors/catalogue.js';
import { errorText } from '../../src/terminal/cli-errors.js';

const editConfig = (inner: string): string => `<edit-config><target><candidate/></target><config><configuration>${inner}</configuration></config></edit-config>`;
const editText = (text: string): string => `<edit-config><target><candidate/></target><config-text><configuration-text>${text}</configuration-text></config-text></edit-config>`;
const textLoad = (text: string): string => `<load-configuration format="text"><configuration-text>${text}</configuration-text></load-configuration>`;
const xmlLoad = (inner: string): string => `<load-configuration><configuration>${inner}</configuration></load-configuration>`;
/** The reply with the line breaks between elements taken out (those inside a message stay). */
const flat = (r: string): string => r.replace(/>\n</g, '><');
/** What the reply holds, flattened. */
const inReply = (r: string): string => flat(r).replace(/^<rpc-reply[^>]*>/, '').replace(/<\/rpc-reply>$/, '');
const compare = '<get-configuration compare="rollback" rollback="0" format="text"/>';
const STATEMENT_NOT_FOUND = '<rpc-error><error-severity>warning</error-severity><error-message>\nstatement not found\n</error-message></rpc-error>';
const noContents = (path: string, element: string): string =>
  `<rpc-error><error-severity>warning</error-severity><error-path>${path}</error-path><error-message>mgd: statement has no contents; ignored</error-message><error-info><bad-element>${element}</bad-element></error-info></rpc-error>`;

describe('configuration warnings: absent deletes in edit-config, empty containers in text loads', function () {
  let t: TestEmulator;
  let old: NetconfClient;
  let now: NetconfClient;
  before(async () => {
    t = await startProfiles({ old: 'mx960', new: 'mx960-23.4' });
    const portOf = (name: string): number => t.emulator.device(name)!.ports()[0]!.port;
    old = await t.client({ port: portOf('old') });
    now = await t.client({ port: portOf('new') });
  });
  after(async () => t?.stop());
  afterEach(async () => {
    await old.rpc('<discard-changes/>');
    await now.rpc('<discard-changes/>');
  });

  it('before 23.1, edit-config deleting an absent statement warns beside <ok/> and applies the rest', async () => {
    const r = flat(await old.rpc(editConfig('<system><location><building>b1</building></location><ntp operation="delete"/></system>')));
    expect(inReply(r)).to.equal(`${STATEMENT_NOT_FOUND}<ok/>`);
    expect(await old.rpc(compare)).to.include('+   location {\n+       building b1;\n+   }');
    // A list entry under a container that is not there: one warning, nothing created.
    expect(flat(await old.rpc(editConfig('<snmp><community operation="delete"><name>public</name></community></snmp>')))).to.include(`${STATEMENT_NOT_FOUND}<ok/>`);
    expect(await old.rpc('<get-configuration><configuration><snmp/></configuration></get-configuration>')).to.not.include('<snmp>');
  });

  it('from 23.1, edit-config deleting an absent statement is data-missing and changes nothing', async () => {
    const r = flat(await now.rpc(editConfig('<system><location><building>b1</building></location><ntp operation="delete"/></system>')));
    expect(r).to.include(
      '<rpc-error><error-type>application</error-type><error-tag>data-missing</error-tag><error-severity>error</error-severity><error-message>statement not found</error-message></rpc-error>',
    );
    expect(r).to.not.include('<ok/>');
    expect(await now.rpc(compare)).to.not.include('location');
    // Deleting what is there still works, and (de)activating an absent statement stays a warning.
    await now.rpc(editConfig('<system><location><building>b1</building></location></system>'));
    expect(flat(await now.rpc(editConfig('<system><location operation="delete"/></system>')))).to.match(/^<rpc-reply[^>]*><ok\/><\/rpc-reply>$/);
    expect(flat(await now.rpc(editConfig('<system><domain-name active="active"/></system>')))).to.include(`${STATEMENT_NOT_FOUND}<ok/>`);
  });

  it('operation="remove" of an absent statement is silent on every release (RFC 6241)', async () => {
    for (const c of [old, now]) {
      const r = flat(await c.rpc(editConfig('<system><location><building>b2</building></location><ntp operation="remove"/></system><snmp><community operation="remove"><name>x</name></community></snmp>')));
      expect(r).to.match(/^<rpc-reply[^>]*><ok\/><\/rpc-reply>$/);
      expect(await c.rpc(compare)).to.include('building b2;');
    }
    // load-configuration keeps warning for delete="delete" (the 16.1R4 reply) and not for remove.
    expect(flat(await old.rpc(xmlLoad('<system><ntp delete="delete"/></system>')))).to.include(`<load-configuration-results>${STATEMENT_NOT_FOUND}<ok/>`);
    expect(flat(await old.rpc(xmlLoad('<system><ntp operation="remove"/></system>')))).to.include('<load-configuration-results><ok/></load-configuration-results>');
    const json = (doc: unknown): string => `<load-configuration format="json"><configuration-json>${JSON.stringify(doc)}</configuration-json></load-configuration>`;
    expect(flat(await old.rpc(json({ configuration: { system: { ntp: { '@': { operation: 'remove' } } } } })))).to.include('<load-configuration-results><ok/></load-configuration-results>');
    expect(flat(await old.rpc(json({ configuration: { system: { ntp: { '@': { operation: 'delete' } } } } })))).to.include(`<load-configuration-results>${STATEMENT_NOT_FOUND}<ok/>`);
  });

  it('a text load whose container lost its only statement warns as the 19.4 reply does and loads the rest without it', async () => {
    const r = flat(await old.rpc(textLoad('system { login { user admin { class super-user; authentication { SSH-rsa "ssh-rsa AAAAB3Nza x"; } } } }')));
    expect(r).to.include('<bad-element>SSH-rsa</bad-element>');
    expect(r).to.include(`</rpc-error>${noContents('[edit system login user admin]', 'authentication')}<load-error-count>1</load-error-count></load-configuration-results>`);
    const diff = await old.rpc(compare);
    expect(diff).to.include('+    user admin {\n+        class super-user;\n+    }');
    expect(diff).to.not.include('authentication');
  });

  it('an empty container in text is ignored with the warning; presence containers, XML and set loads are not warned about', async () => {
    const r = flat(await old.rpc(textLoad('interfaces { }\nsystem { location { } services { } }')));
    expect(r).to.include(`<load-configuration-results>${noContents('[edit]', 'interfaces')}${noContents('[edit system]', 'location')}<ok/></load-configuration-results>`);
    const xml = await old.rpc('<get-configuration database="candidate"><configuration><system/></configuration></get-configuration>');
    expect(xml).to.not.include('<location');
    // A container emptied that way empties its parent: both are named, innermost first.
    expect(flat(await old.rpc(textLoad('snmp { engine-id { } }')))).to.include(`${noContents('[edit snmp]', 'engine-id')}${noContents('[edit]', 'snmp')}<ok/>`);
    // No capture shows the warning for XML (Ansible's junos_user sends <login/> when it purges nothing).
    expect(flat(await old.rpc(xmlLoad('<system><login/></system>')))).to.include('<load-configuration-results><ok/></load-configuration-results>');
    // edit-config's config-text answers it at the top, beside <ok/>.
    expect(inReply(await old.rpc(editText('system { location { } services { } }')))).to.equal(`${noContents('[edit system]', 'location')}<ok/>`);
  });

  it('the CLI prints the warning under its level and statement, without mgd: (a CLI load of interfaces { })', () => {
    expect(errorText([noContentsWarning('[edit]', 'interfaces'), statementNotFoundWarning()])).to.equal(
      "[edit]\n  'interfaces'\n    warning: statement has no contents; ignored\nwarning: statement not found\n",
    );
  });

  it('an XML or JSON load with unknown elements loads the rest and counts the refusals, as the 15.1X49 reply to Ansible XML shows', async () => {
    const r = flat(await old.rpc(xmlLoad('<system><location><building>b3</building></location><foo/></system><protocols><lldpx><interface><name>ge-0/0/5</name></interface></lldpx></protocols>')));
    const syntax = (bad: string): string =>
      `<rpc-error><error-type>protocol</error-type><error-tag>operation-failed</error-tag><error-severity>error</error-severity><error-message>syntax error</error-message><error-info><bad-element>${bad}</bad-element></error-info></rpc-error>`;
    // No error-path; an element with statements inside is named twice (the reply's two errors for one <lldp>).
    expect(r).to.include(`<load-configuration-results>${syntax('foo')}${syntax('lldpx')}${syntax('lldpx')}<load-error-count>3</load-error-count></load-configuration-results>`);
    expect(r).to.not.include('<ok/>');
    const candidate = await old.rpc('<get-configuration database="candidate" format="set"/>');
    expect(candidate).to.include('set system location building b3');
    // The container the refusal emptied is not created.
    expect(candidate).to.not.include('protocols');
    await old.rpc('<discard-changes/>');
    const json = JSON.stringify({ configuration: { system: { location: { building: 'b4' }, 'no-such': [null] } } });
    const j = flat(await old.rpc(`<load-configuration format="json"><configuration-json>${json}</configuration-json></load-configuration>`));
    expect(j).to.include(`${syntax('no-such')}<load-error-count>1</load-error-count>`);
    expect(await old.rpc(compare)).to.include('building b4;');
    // A value the schema refuses still refuses the whole load, and edit-config stays all or nothing.
    await old.rpc('<discard-changes/>');
    expect(await old.rpc(xmlLoad('<system><location><building>b5</building></location><host-name/></system>'))).to.include('missing argument');
    expect(await old.rpc(editConfig('<system><location><building>b6</building></location><foo/></system>'))).to.include('<bad-element>foo</bad-element>');
    expect(await old.rpc(compare)).to.not.include('location');
  });
});
