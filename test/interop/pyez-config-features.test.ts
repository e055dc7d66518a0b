/**
 * PyEZ's Config against issue 12's configuration features, on Debian's
 * PyEZ 2.1.7 and the current 2.8.0: Config.diff() and diff(rb_id=N) equal to
 * the text Junos prints (fixtures of test/junos-config/diff.test.ts),
 * Config.rescue('save'|'get'|'reload'|'delete'), and how each PyEZ treats
 * the `statement not found` warning of a delete, and an XML load with an
 * unknown element (refused, the rest loaded).
 */
import { expect } from 'chai';
import { ROOT_PASSWORD_HASH } from '../../src/junos-config/initial.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython, runPython } from '../support/python.js';

type Result = Record<string, unknown> & { error?: { class: string; message: string } };

for (const stack of CLIENT_STACKS) {
  describe(`interop: PyEZ Config diff, rescue and warnings (${stack.label})`, function () {
    let t: TestEmulator;
    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      t = await startTestEmulator({ yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960', port: 0, hostname: 'BOOTSTRAPPED' }] } });
    });
    after(async () => t?.stop());

    const run = async (steps: Array<Record<string, unknown>>): Promise<Result[]> =>
      (await runPython<{ results: Result[] }>('pyez_config.py', { host: '127.0.0.1', port: t.port, user: TEST_USER.name, password: TEST_USER.password, steps }, 90_000, stack)).results;

    it('Config.diff() and diff(rb_id=N) give Junos\'s text; no change gives None', async () => {
      const r = await run([
        { diff: 0 },
        { load: 'set system host-name TESTSRX-0319' },
        { diff: 0 },
        { commit: true },
        // The capture's statements; Junos shows them in its schema's order whatever order they are loaded in.
        { load: 'delete system services\nset system services ftp\nset system services ssh\nset system services telnet\nset system services netconf ssh' },
        { commit: true },
        { load: 'delete system services ftp\ndelete system services telnet\nset system services ssh root-login allow\nset system services ssh protocol-version v2\nset system services netconf ssh port 22' },
        { diff: 0 },
        { diff: 2 },
        { rollback: 0 },
      ]);
      for (const x of r) expect(x.error, JSON.stringify(x.error)).to.equal(undefined);
      expect(r[0]!['diff']).to.equal(null);
      // SRX320, Juniper/ruby-junos-ez-stdlib#65.
      expect(r[2]!['diff']).to.equal('\n[edit system]\n-  host-name BOOTSTRAPPED;\n+  host-name TESTSRX-0319;\n');
      // vMX, code index 36154451028 (docs/configuration-diff.md).
      expect(r[7]!['diff']).to.equal(
        '\n[edit system services]\n-    ftp;\n[edit system services ssh]\n+    root-login allow;\n+    protocol-version v2;\n[edit system services]\n-    telnet;\n[edit system services netconf ssh]\n+     port 22;\n',
      );
      // Against rollback 2 the host-name change shows too: rb_id really picks the revision.
      expect(r[8]!['diff']).to.match(/^\n\[edit system\]\n-  host-name BOOTSTRAPPED;\n\+  host-name TESTSRX-0319;\n\[edit system services ssh\]\n/);
    });

    it("Config.rescue('save'|'get'|'reload'|'delete')", async () => {
      const r = await run([
        { rescue: 'delete' },
        { rescue: 'get' },
        { rescue: 'reload' },
        { rescue: 'save' },
        { rescue: 'get' },
        { rescue: 'get', format: 'xml' },
        { load: 'set system host-name elsewhere' },
        { commit: true },
        { rescue: 'reload' },
        { diff: 0 },
        { rollback: 0 },
        { rescue: 'delete' },
        { rescue: 'get' },
      ]);
      for (const x of r) expect(x.error, JSON.stringify(x.error)).to.equal(undefined);
      expect(r[0]!['rescue']).to.equal(true);
      expect(r[1]!['rescue']).to.equal(null);
      expect(r[2]!['rescue']).to.equal(false);
      expect(r[3]!['rescue']).to.equal(true);
      expect(r[4]!['rescue']).to.be.a('string').and.include('host-name TESTSRX-0319;');
      expect(r[5]!['rescue']).to.be.a('string').and.include('<rescue-information').and.include('<host-name>TESTSRX-0319</host-name>');
      expect(r[8]!['rescue']).to.be.a('string').and.include('load-configuration-results');
      expect(r[9]!['diff']).to.equal('\n[edit system]\n-  host-name elsewhere;\n+  host-name TESTSRX-0319;\n');
      expect(r[12]!['rescue']).to.equal(null);
    });

    it('a delete of an absent statement: the warning raises ConfigLoadError unless ignore_warning names it, as on Junos; an XML load with an unknown element raises and loads the rest', async () => {
      const r = await run([
        { load: 'delete system ntp' },
        { load: 'delete system ntp', ignore_warning: 'statement not found' },
        { load: 'delete system ntp', ignore_warning: true },
        { load: 'system { delete: ntp; }', format: 'text', ignore_warning: 'statement not found' },
        // An XML load with one unknown element: refused by name, the rest is in the candidate (as a text load).
        { load: '<configuration><system><location><building>b7</building></location><sytem-foo>1</sytem-foo></system></configuration>', format: 'xml' },
        { diff: 0 },
        { rollback: 0 },
        { diff: 0 },
      ]);
      // ncclient raises every rpc-error, warnings too (RaiseMode.ALL), and PyEZ turns it into ConfigLoadError.
      expect(r[0]!.error?.class).to.equal('ConfigLoadError');
      expect(r[0]!.error?.message).to.include('statement not found');
      expect(r.slice(1, 4).map((x) => x['loaded'])).to.deep.equal([true, true, true]);
      expect(r[4]!.error?.class).to.equal('ConfigLoadError');
      expect(r[4]!.error?.message).to.include('sytem-foo').and.include('syntax error');
      expect(r[5]!['diff']).to.equal('\n[edit system]\n+   location {\n+       building b7;\n+   }\n');
      expect(r[7]!['diff']).to.equal(null);
    });

    it('commit_check() raises CommitError naming a missing mandatory statement, from inside <commit-results>', async () => {
      const r = await run([{ load: 'set system login user bob uid 2001' }, { commit_check: true }, { rollback: 0 }, { commit_check: true }]);
      expect(r[1]!.error?.class, JSON.stringify(r[1])).to.equal('CommitError');
      expect(JSON.stringify(r[1])).to.include("Missing mandatory statement: 'class'");
      expect(r[3]).to.deep.equal({ checked: true });
    });

    it("Config(mode='private') commits through a private candidate, and is refused while the shared one holds changes", async () => {
      const r = await run([
        { private_commit: 'set system location building private-1' },
        { load: 'set system location floor 3' },
        { private_commit: 'set system location building private-2' },
        { rollback: 0 },
        { private_commit: 'set system location building private-3' },
        { diff: 1 },
      ]);
      // Junos answers <open-configuration><private/> with the warning PyEZ expects and skips.
      expect(r[0], JSON.stringify(r[0])).to.deep.equal({ private_committed: true });
      expect(r[2]!.error?.message, JSON.stringify(r[2])).to.include('shared configuration database modified');
      expect(r[4], JSON.stringify(r[4])).to.deep.equal({ private_committed: true });
      expect(r[5]!['diff']).to.match(/^\n\[edit system location\]\n- +building private-1;\n\+ +building private-3;\n$/);
    });

    it("Config.diff() writes one-line statements, ordered-list context and SECRET-DATA as Junos does", async () => {
      const r = await run([
        { load: 'routing-options { static { route 192.168.77.0/24 { next-hop 10.0.0.1; no-readvertise; } } } policy-options { policy-statement p { term a { from protocol direct; then accept; } } }', format: 'text' },
        { commit: true },
        { load: 'routing-options { static { route 100.0.0.0/16 next-hop 1.1.1.2; } } policy-options { policy-statement p { term b { then reject; } } } system { root-authentication { encrypted-password "$6$abc$def"; } }', format: 'text' },
        { diff: 0 },
        { rollback: 0 },
      ]);
      for (const x of r) expect(x.error, JSON.stringify(x.error)).to.equal(undefined);
      // The route and its context as in the Jaide capture, the term as in code index 71312089865 (docs/configuration-diff.md).
      expect(r[3]!['diff']).to.equal(
        `\n[edit system root-authentication]\n-   encrypted-password "${ROOT_PASSWORD_HASH}"; ## SECRET-DATA\n+   encrypted-password "$6$abc$def"; ## SECRET-DATA\n` +
          '[edit routing-options static]\n     route 192.168.77.0/24 { ... }\n+    route 100.0.0.0/16 next-hop 1.1.1.2;\n' +
          '[edit policy-options policy-statement p]\n     term a { ... }\n+    term b {\n+        then reject;\n+    }\n',
      );
    });

    it('Config.load(format="set") of route-filters (a three-key list) and Config.diff() with one line per entry', async () => {
      const r = await run([
        { load: 'set policy-options policy-statement P term T from route-filter 10.0.0.0/8 orlonger\nset policy-options policy-statement P term T from route-filter 10.0.0.0/8 upto /24\nset policy-options policy-statement P term T then accept' },
        { commit: true },
        { load: 'set policy-options policy-statement P term T from route-filter 192.0.2.0/24 exact\ndelete policy-options policy-statement P term T from route-filter 10.0.0.0/8 orlonger' },
        { diff: 0 },
        { rollback: 0 },
      ]);
      for (const x of r) expect(x.error, JSON.stringify(x.error)).to.equal(undefined);
      // Entries that differ only in the match type are two entries: the delete takes one, the other stays.
      expect(r[3]!['diff']).to.equal('\n[edit policy-options policy-statement P term T from]\n-      route-filter 10.0.0.0/8 orlonger;\n+      route-filter 192.0.2.0/24 exact;\n');
    });

    it('Config.load(format="set") of insert moves a term; Config.diff() marks the moved terms with ! as Junos does', async () => {
      const terms = ['d', 's', 't', 'r'].map((x) => `set policy-options policy-statement AGG term ${x} then accept`).join('\n');
      const r = await run([{ load: terms }, { commit: true }, { load: 'insert policy-options policy-statement AGG term s after term r' }, { diff: 0 }, { commit: true }, { diff: 0 }]);
      for (const x of r) expect(x.error, JSON.stringify(x.error)).to.equal(undefined);
      expect(r[3]!['diff']).to.equal('\n[edit policy-options policy-statement AGG]\n     term d { ... }\n!    term t { ... }\n!    term r { ... }\n!    term s { ... }\n');
      // Committed: the candidate is the running configuration again, so no difference.
      expect(r[4]!['committed']).to.equal(true);
      expect(r[5]!['diff']).to.equal(null);
    });
  });
}
