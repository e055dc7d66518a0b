/**
 * The constraints the schema keeps from Junos's YANG extensions
 * (docs/config-schema.md): a statement set in one case of a choice removes
 * the other cases; `junos:posix-pattern` refuses a value at load with its
 * `junos:pattern-message`; the certain `junos:must` forms refuse a commit
 * check with the must-message under the statement's hierarchy.
 */
import { expect } from 'chai';
import { editTree } from '../../src/junos-config/edit.js';
import { loadSchema } from '../../src/junos-config/schema/catalog.js';
import { parseSetLines } from '../../src/junos-config/set-format.js';
import { renderSet } from '../../src/junos-config/text-render.js';
import { emptyConfiguration } from '../../src/junos-config/tree.js';
import { startProfiles, type TestEmulator } from '../support/emulator.js';

const set = (lines: string): string => `<load-configuration action="set" format="text"><configuration-set>${lines}</configuration-set></load-configuration>`;
const CHECK = '<commit-configuration><check/></commit-configuration>';
const candidateSet = '<get-configuration database="candidate" format="set"/>';
/** An SRX policy in XML (the set reader does not know the CLI words of this list's two keys, `from-zone X to-zone Y`). */
const policy = (then: string, from = 'corp'): string =>
  `<load-configuration><configuration><security><policies><policy><from-zone-name>${from}</from-zone-name><to-zone-name>trust</to-zone-name><policy><name>p1</name>` +
  `<match><source-address>any</source-address><destination-address>any</destination-address><application>any</application></match><then><${then}/></then></policy></policy></policies></security></configuration></load-configuration>`;

describe('schema constraints: choice/case in the merge', () => {
  const root = loadSchema('junos-18.4R1').root;
  const apply = (...loads: string[]): string => renderSet(loads.reduce((t, l) => editTree(t, parseSetLines(l, loadSchema('junos-18.4R1')), [], root), emptyConfiguration()));

  it('a syslog level replaces the other level of the same facility (a choice of keyword-less leaves)', () => {
    expect(apply('set system syslog file messages any notice', 'set system syslog file messages any info')).to.equal('set system syslog file messages any info\n');
    // Other facilities and files are other entries: untouched.
    expect(apply('set system syslog file messages any notice\nset system syslog file messages authorization info', 'set system syslog file messages any error')).to.equal(
      'set system syslog file messages any error\nset system syslog file messages authorization info\n',
    );
  });

  it('statements outside the choice stay; without a schema the merge is as before', () => {
    expect(apply('set system syslog file messages any notice\nset system syslog file messages archive size 1m', 'set system syslog file messages any info')).to.equal(
      'set system syslog file messages any info\nset system syslog file messages archive size 1m\n',
    );
    const noSchema = editTree(editTree(emptyConfiguration(), parseSetLines('set system syslog file messages any notice')), parseSetLines('set system syslog file messages any info'));
    expect(renderSet(noSchema)).to.include('any notice').and.include('any info');
  });
});

describe('schema constraints: over NETCONF (mx960 on the 17.4 schema, srx300 on junos-es 17.4)', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startProfiles({ r1: 'mx960', fw: 'srx300' });
  });
  after(async () => t?.stop());
  afterEach(async () => {
    await t.emulator.inject('r1', ['<discard-changes/>']);
    await t.emulator.inject('fw', ['<discard-changes/>']);
  });

  const levelsAfter = async (second: string): Promise<string> => {
    const r = await t.emulator.inject('r1', [set('set system syslog file messages any notice'), second, candidateSet]);
    expect(r.replies[1]).to.not.include('rpc-error');
    return r.replies[2]!;
  };

  it('every load path drops the other case: set, text, XML, JSON merge, replace, update, edit-config', async () => {
    const xml = '<load-configuration><configuration><system><syslog><file><name>messages</name><contents><name>any</name><info/></contents></file></syslog></system></configuration></load-configuration>';
    const text = '<load-configuration format="text"><configuration-text>system { syslog { file messages { any info; } } }</configuration-text></load-configuration>';
    const json = (action: string): string =>
      `<load-configuration format="json" action="${action}"><configuration-json>{"configuration": {"system": {"syslog": {"file": [{"name": "messages", "contents": [{"name": "any", "info": [null]}]}]}}}}</configuration-json></load-configuration>`;
    const editConfig = '<edit-config><target><candidate/></target><config><configuration><system><syslog><file><name>messages</name><contents><name>any</name><info/></contents></file></syslog></system></configuration></config></edit-config>';
    for (const second of [set('set system syslog file messages any info'), text, xml, json('merge'), json('update'), editConfig]) {
      const shown = await levelsAfter(second);
      expect(shown, second).to.include('set system syslog file messages any info').and.not.include('any notice');
      await t.emulator.inject('r1', ['<discard-changes/>']);
    }
  });

  it('a policy action: then deny replaces then permit (srx300)', async () => {
    const r = await t.emulator.inject('fw', [policy('permit'), policy('deny'), candidateSet]);
    expect(r.replies[2]).to.include('policy p1 then deny').and.not.include('then permit');
  });

  it('junos:posix-pattern refuses a value at load, with its pattern-message, inside load-configuration-results', async () => {
    const r = await t.emulator.inject('r1', [set('set system host-name "bad name"')]);
    expect(r.replies[0]).to.include('<load-configuration-results>\n<rpc-error>');
    expect(r.replies[0]).to.include('<error-path>[edit system]</error-path>');
    expect(r.replies[0]).to.include('<error-message>Must be a string of alphanumericals, dashes or underscores</error-message>');
    expect(r.replies[0]).to.include('<bad-element>host-name</bad-element>');
    // A negated pattern (must not match), and a list key, in XML.
    const file = await t.emulator.inject('r1', ['<load-configuration><configuration><system><syslog><file><name>a/b</name><any/></file></syslog></system></configuration></load-configuration>']);
    expect(file.replies[0]).to.include("<error-message>Must not contain '/', % or a space</error-message>");
    const ok = await t.emulator.inject('r1', [set('set system host-name good-name\nset system syslog file ok-file any any\nset system login user u1 full-name "Ansible User"')]);
    expect(ok.replies[0]).to.include('<ok/>');
    // A group's wildcard name is Junos's to match, not a value for the pattern (user names refuse `<` and `*`).
    const wildcard = await t.emulator.inject('r1', [set('set groups g1 system login user &lt;*&gt; class super-user')]);
    expect(wildcard.replies[0]).to.include('<ok/>');
  });

  it('junos:must at commit check: the must-message under the statement, then configuration check-out failed (srx300)', async () => {
    const r = await t.emulator.inject('fw', [set('set security address-book book1 attach zone corp'), CHECK]);
    expect(r.replies[0]).to.include('<ok/>');
    const check = r.replies[1]!;
    // A public capture (Ansible junos_install_config on an SRX) of this message: bad_element the zone, "Security zone must be defined".
    // On the key leaf of the entry: the entry's path, the key as bad-element (the capture: `[edit security policies from-zone corp to-zone]`, `corp`).
    expect(check).to.include('<error-path>[edit security address-book book1 attach zone corp]</error-path>');
    expect(check).to.include('<error-message>Security zone must be defined</error-message>').and.include('<bad-element>corp</bad-element>');
    expect(check).to.include('<error-message>configuration check-out failed</error-message>');
    const fixed = await t.emulator.inject('fw', [set('set security zones security-zone corp'), CHECK]);
    expect(fixed.replies[1]).to.not.include('rpc-error');
  });

  it('junos:must whose meaning is not certain is not enforced: a `..` above the root (policy zones and applications)', async () => {
    // `(".. .. .. .. security zones security-zone $$" || ".. .. .. .. .. security zones ...")`: the second goes above the root.
    const r = await t.emulator.inject('fw', [policy('permit'), CHECK]);
    expect(r.replies[1]).to.not.include('rpc-error');
  });

  it('junos:must relative to the statement (`..`): required sibling, and negation', async () => {
    const r = await t.emulator.inject('r1', [set('set chassis lcd-menu fpc'), CHECK]);
    expect(r.replies[0], r.replies[0]).to.include('<ok/>');
    expect(r.replies[1]).to.not.include('rpc-error');
    const both = await t.emulator.inject('r1', [set('set chassis lcd maintenance-menu'), CHECK]);
    expect(both.replies[0], both.replies[0]).to.include('<ok/>');
    expect(both.replies[1]).to.include('<error-path>[edit chassis]</error-path>').and.include('<bad-element>lcd-menu</bad-element>');
    expect(both.replies[1]).to.include("<error-message>Cannot mix 'lcd-menu' and 'lcd maintenance-menu' configurations</error-message>");
  });

  it('a commit is refused as the check is; the factory configurations of the profiles pass', async () => {
    const r = await t.emulator.inject('fw', [set('set security address-book book1 attach zone corp'), '<commit-configuration/>']);
    expect(r.replies[1]).to.include('Security zone must be defined');
    await t.emulator.inject('fw', ['<discard-changes/>']);
    for (const d of ['r1', 'fw']) expect((await t.emulator.inject(d, [CHECK])).replies[0]).to.not.include('rpc-error');
  });
});
