/**
 * `get-configuration compare="rollback" rollback="N"` (PyEZ's Config.diff,
 * `show | compare rollback N`): the candidate against the configuration of N
 * commits ago. Issue 10 bug 2: every N compared against rollback 0.
 */
import { expect } from 'chai';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

const compare = (n: string): string => `<get-configuration compare="rollback" rollback="${n}" format="text"/>`;
const output = (reply: string): string | undefined => /<configuration-output>([\s\S]*)<\/configuration-output>/.exec(reply)?.[1];
const setLines = (lines: string): string => `<load-configuration action="set" format="text"><configuration-set>${lines}</configuration-set></load-configuration>`;

describe('configuration: compare against rollback N', function () {
  let t: TestEmulator;
  let c: NetconfClient;
  before(async () => {
    t = await startTestEmulator();
    c = await t.client();
    // rollback 2: the initial configuration; 1: host-name first; 0: host-name second.
    for (const name of ['first', 'second']) {
      await c.rpc(setLines(`set system host-name ${name}`));
      expect(await c.rpc('<commit-configuration/>')).to.include('<commit-success/>');
    }
    await c.rpc(setLines('set system domain-name lab.example'));
  });
  after(async () => t?.stop());

  it('rollback 0 is the committed configuration', async () => {
    expect(output(await c.rpc(compare('0')))).to.equal('\n[edit system]\n+  domain-name lab.example;\n');
  });

  it('rollback 1 and 2 are the configurations of one and two commits ago', async () => {
    expect(output(await c.rpc(compare('1')))).to.equal('\n[edit system]\n-  host-name first;\n+  host-name second;\n+  domain-name lab.example;\n');
    expect(output(await c.rpc(compare('2')))).to.equal('\n[edit system]\n-  host-name junos1;\n+  host-name second;\n+  domain-name lab.example;\n');
  });

  it('database="committed" compares the running configuration (show configuration | compare rollback N)', async () => {
    const r = await c.rpc('<get-configuration database="committed" compare="rollback" rollback="1" format="text"/>');
    expect(output(r)).to.equal('\n[edit system]\n-  host-name first;\n+  host-name second;\n');
  });

  it('a rollback that does not exist, or out of range, is an error', async () => {
    const missing = await c.rpc(compare('3'));
    expect(missing).to.include('<error-message>rollback 3 does not exist</error-message>').and.include('<bad-element>3</bad-element>');
    expect(missing).to.not.include('<configuration-output>');
    for (const bad of ['50', '-1', 'x']) expect(await c.rpc(compare(bad))).to.include('<error-message>invalid rollback number</error-message>');
  });

  it('no changes: an empty compare', async () => {
    await c.rpc('<discard-changes/>');
    expect(output(await c.rpc(compare('0')))).to.equal('\n');
  });
});
