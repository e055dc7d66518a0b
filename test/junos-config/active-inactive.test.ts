/**
 * `inactive` statements (issue 12): loaded as XML attributes, the text
 * `inactive:` tag and `deactivate`/`activate` set lines; shown in every
 * format; kept and committed but without effect; and `statement not found`
 * for deleting or (de)activating what is not there.
 */
import { expect } from 'chai';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

const setLoad = (lines: string): string => `<load-configuration action="set" format="text"><configuration-set>${lines}</configuration-set></load-configuration>`;
const textLoad = (text: string): string => `<load-configuration format="text"><configuration-text>${text}</configuration-text></load-configuration>`;
const xmlLoad = (inner: string): string => `<load-configuration><configuration>${inner}</configuration></load-configuration>`;
const body = (r: string, el: string): string | undefined => new RegExp(`<${el}>([\\s\\S]*?)</${el}>`).exec(r)?.[1];
/** The reply with the line breaks between elements taken out (those inside a message stay). */
const flat = (r: string): string => r.replace(/>\n</g, '><');
const STATEMENT_NOT_FOUND = '<rpc-error><error-severity>warning</error-severity><error-message>\nstatement not found\n</error-message></rpc-error>';

describe('configuration: active and inactive statements', function () {
  let t: TestEmulator;
  let c: NetconfClient;
  before(async () => {
    t = await startTestEmulator();
    c = await t.client();
  });
  after(async () => t?.stop());
  afterEach(async () => {
    await c.rpc('<discard-changes/>');
  });

  it('XML inactive="inactive" is kept and shown as Junos shows it in XML, text, set and JSON', async () => {
    expect(await c.rpc(xmlLoad('<system><domain-name inactive="inactive">lab.example</domain-name><ntp inactive="inactive"><server><name>192.0.2.1</name></server></ntp></system>'))).to.include('<ok/>');
    const xml = await c.rpc('<get-configuration><configuration><system/></configuration></get-configuration>');
    expect(xml).to.include('<domain-name inactive="inactive">lab.example</domain-name>').and.include('<ntp inactive="inactive">');
    const text = body(await c.rpc('<get-configuration format="text"><configuration><system/></configuration></get-configuration>'), 'configuration-text');
    expect(text).to.include('    inactive: domain-name lab.example;\n').and.include('    inactive: ntp {\n        server 192.0.2.1;\n    }\n');
    const set = body(await c.rpc('<get-configuration format="set"/>'), 'configuration-set');
    expect(set).to.include('set system domain-name lab.example\ndeactivate system domain-name\n');
    expect(set).to.include('set system ntp server 192.0.2.1\ndeactivate system ntp\n');
    const json = await c.rpc('<get-configuration format="json"><configuration><system/></configuration></get-configuration>');
    expect(json).to.include('"@domain-name": {\n').and.include('"inactive": true');
  });

  it('active="active" without a value activates the statement (Ansible junos_system); absent, it warns and changes nothing', async () => {
    await c.rpc(xmlLoad('<system><domain-name inactive="inactive">lab.example</domain-name></system>'));
    expect(await c.rpc(xmlLoad('<system><domain-name active="active"/></system>'))).to.include('<ok/>').and.not.include('missing argument');
    expect(await c.rpc('<get-configuration/>')).to.include('<domain-name>lab.example</domain-name>');
    const absent = await c.rpc(xmlLoad('<system><domain-search active="active"/></system>'));
    expect(flat(absent)).to.include(`<load-configuration-results>${STATEMENT_NOT_FOUND}<ok/></load-configuration-results>`);
    expect(await c.rpc('<get-configuration/>')).to.not.include('domain-search');
  });

  it('edit-config takes the same attributes (NETCONF)', async () => {
    const r = await c.rpc('<edit-config><target><candidate/></target><config><configuration><system><location inactive="inactive"><building>b1</building></location></system></configuration></config></edit-config>');
    expect(r).to.include('<ok/>');
    expect(await c.rpc('<get-config><source><candidate/></source></get-config>')).to.include('<location inactive="inactive">');
  });

  it('text inactive: and set deactivate/activate lines load; rendered text loads back the same', async () => {
    await c.rpc(textLoad('system { inactive: host-name other; inactive: login { message hello; } }'));
    let set = body(await c.rpc('<get-configuration format="set"/>'), 'configuration-set');
    expect(set).to.include('set system host-name other\ndeactivate system host-name\n').and.include('deactivate system login\n');
    await c.rpc(setLoad('activate system host-name\nactivate system login'));
    set = body(await c.rpc('<get-configuration format="set"/>'), 'configuration-set');
    expect(set).to.not.include('deactivate');
    await c.rpc(setLoad('deactivate system login user lab'));
    const text = body(await c.rpc('<get-configuration format="text"/>'), 'configuration-text')!;
    expect(text).to.include('inactive: user lab {');
    // The text Junos prints loads back as the same configuration (its `## Last changed` line is the moment of
    // each read, so a read in the next second differs there: compared without it).
    await c.rpc(`<load-configuration action="override" format="text"><configuration-text>${text.replace(/</g, '&lt;')}</configuration-text></load-configuration>`);
    const withoutStamp = (t: string | undefined): string | undefined => t?.replace(/^## Last changed: .*\n/m, '');
    expect(withoutStamp(body(await c.rpc('<get-configuration format="text"/>'), 'configuration-text'))).to.equal(withoutStamp(text));
  });

  it('an inactive statement is committed but has no effect', async () => {
    await c.rpc(textLoad('system { inactive: host-name ghost; }'));
    expect(await c.rpc('<commit-configuration/>')).to.include('<commit-success/>');
    expect(await c.rpc('<get-configuration database="committed" format="set"/>')).to.include('deactivate system host-name');
    // The device keeps its default name while the statement is inactive, and takes it once active.
    expect(await c.rpc('<get-software-information/>')).to.not.include('<host-name>ghost</host-name>');
    await c.rpc(setLoad('activate system host-name'));
    await c.rpc('<commit-configuration/>');
    expect(await c.rpc('<get-software-information/>')).to.include('<host-name>ghost</host-name>');
    await c.rpc(setLoad('delete system host-name'));
    await c.rpc('<commit-configuration/>');
  });

  it('an inactive user without a class passes the commit check (Junos checks only active statements)', async () => {
    await c.rpc(setLoad('set system login user temp full-name x\ndeactivate system login user temp'));
    expect(await c.rpc('<commit-configuration><check/></commit-configuration>')).to.include('<commit-check-success/>');
  });

  it('deleting or deactivating an absent statement warns inside load-configuration-results, in text, set and XML', async () => {
    expect(flat(await c.rpc(textLoad('system { delete: ntp; }')))).to.include(`<load-configuration-results>${STATEMENT_NOT_FOUND}<ok/></load-configuration-results>`);
    expect(flat(await c.rpc(setLoad('delete system ntp')))).to.include(`<load-configuration-results>${STATEMENT_NOT_FOUND}<ok/></load-configuration-results>`);
    expect(flat(await c.rpc(xmlLoad('<system><ntp operation="delete"/></system>')))).to.include(`<load-configuration-results>${STATEMENT_NOT_FOUND}<ok/></load-configuration-results>`);
    const three = await c.rpc(setLoad('delete interfaces ge-0/0/0\ndelete protocols ospf\ndeactivate snmp'));
    expect(flat(three)).to.include(`<load-configuration-results>${STATEMENT_NOT_FOUND.repeat(3)}<ok/></load-configuration-results>`);
    // A present statement is deleted without a warning.
    await c.rpc(setLoad('set snmp location here'));
    expect(flat(await c.rpc(setLoad('delete snmp location')))).to.include('<load-configuration-results><ok/></load-configuration-results>');
  });
});
