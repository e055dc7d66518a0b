import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { SAMPLE_1, SAMPLE_4 } from '../support/spec-samples.js';
import { waitFor } from '../support/wait.js';

function outputOf(reply: string): string {
  const m = /<output>([\s\S]*)<\/output>/.exec(reply);
  expect(m, reply).to.not.equal(null);
  return m![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function creationDates(reply: string): string[] {
  return [...reply.matchAll(/<creation-date[^>]*>([^<]+)</g)].map((m) => m[1]!);
}

describe('request-snapshot over NETCONF', function () {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator();
  });
  afterEach(async () => t.stop());

  it('says in the hello what a Junos device says (no emulator capability) and still serves its YANG module with get-schema', async () => {
    const c = await t.client();
    const caps = [...c.serverHello.matchAll(/<capability>([^<]+)<\/capability>/g)].map((m) => m[1]!);
    // The 18.4R3 session replay: 13 capabilities, the first url one with ?scheme=, the second with ?protocol=.
    expect(caps).to.have.length(13);
    expect(caps[4]).to.equal('urn:ietf:params:netconf:capability:url:1.0?scheme=http,ftp,file');
    expect(caps[9]).to.equal('urn:ietf:params:xml:ns:netconf:capability:url:1.0?protocol=http,ftp,file');
    expect(c.serverHello).to.not.include('junos-emulator');
    const reply = await c.rpc(
      '<get-schema xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring"><identifier>junos-emulator-snapshot</identifier><format>yang</format></get-schema>',
    );
    expect(reply).to.include('<data xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring">');
    expect(reply).to.include('module junos-emulator-snapshot');
  });

  it('format="text" returns the spec sample 1, byte for byte, in one <output>', async () => {
    const c = await t.client();
    const reply = await c.rpc('<request-snapshot format="text"/>');
    expect(outputOf(reply)).to.equal(SAMPLE_1);
  });

  it('takes format as a child element too, and json-minified as JSON on one line', async () => {
    const c = await t.client();
    expect(outputOf(await c.rpc('<request-snapshot><format>text</format></request-snapshot>'))).to.equal(SAMPLE_1);
    const json = await c.rpc('<get-snapshot-information format="json-minified"/>');
    const body = /^<rpc-reply[^>]*>\n([\s\S]*)\n<\/rpc-reply>$/.exec(json)![1]!;
    expect(body.includes('\n')).to.equal(false);
    expect(Object.keys(JSON.parse(body) as object)).to.deep.equal(['snapshot-information']);
    expect(await c.rpc('<get-snapshot-information format="yaml"/>')).to.include('<error-message>invalid value for format</error-message>');
  });

  it('an empty leaf with a value is a syntax error naming the value', async () => {
    const c = await t.client();
    const reply = await c.rpc('<request-snapshot><partition>1</partition></request-snapshot>');
    expect(reply).to.include('<error-message>syntax error</error-message>');
    expect(reply).to.include('<bad-element>1</bad-element>');
  });

  it('replies in order: an RPC behind a running snapshot waits, other sessions do not', async () => {
    t.emulator.clock.setSpeed(1);
    t.emulator.clock.pause();
    const a = await t.client();
    const b = await t.client();
    a.send('<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="s1"><request-snapshot/></rpc>');
    a.send('<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="s2"><get-snapshot-information/></rpc>');
    // The two connections race: b's requests must not reach the device before a's snapshot started.
    await waitFor(() => t.emulator.clock.pending() > 0, "a's snapshot waiting on the clock");
    const fromB = await b.rpc('<get/>');
    expect(fromB).to.include('<data>');
    const busy = await b.rpc('<request-snapshot/>');
    expect(busy).to.include('<error-severity>error</error-severity>');
    expect(busy).to.match(/in progress/i);
    expect(a.messages).to.have.length(0);
    t.emulator.clock.advance(60 * 60 * 1000);
    const first = await a.next();
    const second = await a.next();
    expect(first).to.include('message-id="s1"');
    expect(first).to.include('<snapshot-information');
    expect(second).to.include('message-id="s2"');
  });

  it('a snapshot goes on when its client disconnects, and leaves consistent state', async () => {
    t.emulator.clock.setSpeed(1);
    t.emulator.clock.pause();
    const a = await t.client();
    const before = await a.rpc('<get-snapshot-information/>');
    a.send('<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="x"><request-snapshot/></rpc>');
    // Conditions, not sleeps: the snapshot has started (it waits on the paused clock) before the client goes,
    // the device has seen the client go before the clock moves, and the snapshot has finished before b reads.
    const clock = t.emulator.clock;
    const device = t.emulator.devices[0]!;
    await waitFor(() => clock.pending() > 0, 'the snapshot waiting on the clock');
    a.close();
    await waitFor(() => device.sessions.size === 0, 'the session gone from the device');
    clock.advance(60 * 60 * 1000);
    await waitFor(() => !device.model.isBusy('re0'), 'the snapshot finished');
    const b = await t.client();
    const after = await b.rpc('<get-snapshot-information/>');
    expect(creationDates(after)[1]).to.not.equal(creationDates(before)[1]);
    t.emulator.clock.setSpeed('instant');
    t.emulator.clock.resume();
    expect(await b.rpc('<request-snapshot/>'), 'the RE is no longer busy').to.include('<snapshot-information');
  });

  it('needs the maintenance permission: an operator gets permission denied', async () => {
    await t.stop();
    t = await startTestEmulator({ cli: { users: ['op:op123:operator'] } });
    const c = await t.client({ username: 'op', password: 'op123' });
    expect(c.serverHello).to.include('<!-- user op, class j-operator -->');
    const reply = await c.rpc('<request-snapshot/>');
    expect(reply).to.include('<error-message>permission denied</error-message>');
    expect(reply).to.include('<bad-element>request-snapshot</bad-element>');
    expect(await c.rpc('<get-snapshot-information/>')).to.include('<snapshot-information');
  });
});

describe('routing matrix over NETCONF, master and backup RE', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        speed: 'instant',
        devices: [{ name: 'matrix', port: 0, 'backup-re-port': 0, profile: 'txmatrix' }],
      },
    });
  });
  after(async () => t.stop());

  it('all-lcc in text on the master RE is the spec sample 4', async () => {
    const c = await t.client();
    expect(outputOf(await c.rpc('<request-snapshot format="text"><all-lcc/></request-snapshot>'))).to.equal(SAMPLE_4);
  });

  it('all-lcc in XML: one multi-routing-engine-item per connected LCC', async () => {
    const c = await t.client();
    const reply = await c.rpc('<request-snapshot><all-lcc/></request-snapshot>');
    expect([...reply.matchAll(/<re-name>([^<]+)<\/re-name>/g)].map((m) => m[1])).to.deep.equal(['lcc0-re0', 'lcc2-re0']);
  });

  it('on the backup RE, the backup REs are backed up', async () => {
    const c = await t.client({ port: t.backupPort! });
    const reply = await c.rpc('<request-snapshot><all-lcc/></request-snapshot>');
    expect([...reply.matchAll(/<re-name>([^<]+)<\/re-name>/g)].map((m) => m[1])).to.deep.equal(['lcc0-re1', 'lcc2-re1']);
  });

  it('lcc 1 (not connected) gets a per-target error; scc is accepted; sfc is refused here', async () => {
    const c = await t.client();
    const lcc1 = await c.rpc('<request-snapshot><lcc>1</lcc></request-snapshot>');
    expect(lcc1).to.include('xnm:error');
    expect(await c.rpc('<request-snapshot><scc/></request-snapshot>')).to.include('<snapshot-information');
    const sfc = await c.rpc('<request-snapshot><sfc>0</sfc></request-snapshot>');
    expect(sfc).to.include('<bad-element>sfc</bad-element>');
  });
});

describe('an unreachable RE (device setting unreachable-re)', function () {
  it('gets a per-target error in all-lcc and in show system snapshot, the other LCCs answer', async () => {
    const t = await startTestEmulator({
      yaml: {
        users: [{ name: TEST_USER.name, password: TEST_USER.password }],
        devices: [{ name: 'matrix', port: 0, profile: 'txmatrix', 'unreachable-re': ['lcc2-re0'] }],
      },
    });
    try {
      const c = await t.client();
      const text = outputOf(await c.rpc('<request-snapshot format="text"><all-lcc/></request-snapshot>'));
      expect(text).to.include('lcc2-re0:\n' + '-'.repeat(74) + '\nerror: Could not connect to lcc2-re0 : No route to host');
      expect(text).to.include("lcc0-re0:\n" + '-'.repeat(74) + "\nCopying '/' to '/altroot' ..");
      const xml = await c.rpc('<request-snapshot><all-lcc/></request-snapshot>');
      expect(xml).to.match(/<re-name>lcc2-re0<\/re-name>\s*<xnm:error[^>]*>\s*<message>Could not connect to lcc2-re0 : No route to host<\/message>/);
    } finally {
      await t.stop();
    }
  });
});

describe('--state-dir keeps device state across restarts', function () {
  it('a snapshot taken before a restart is still there after it, and no temp file is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-state-'));
    let t = await startTestEmulator({ cli: { stateDir: dir } });
    let c = await t.client();
    await c.rpc('<request-snapshot/>');
    const before = await c.rpc('<get-snapshot-information/>');
    await t.stop();
    expect(existsSync(join(dir, 'junos1.json')) || readdirSync(dir).length > 0).to.equal(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).to.deep.equal([]);
    t = await startTestEmulator({ cli: { stateDir: dir } });
    c = await t.client();
    const after = await c.rpc('<get-snapshot-information/>');
    expect(creationDates(after)).to.deep.equal(creationDates(before));
    await t.stop();
  });
});

describe('RFC 6022 schema discovery', function () {
  it('<get> with a netconf-state filter lists the module that <get-schema> serves', async () => {
    const t = await startTestEmulator();
    try {
      const c = await t.client();
      const reply = await c.rpc(
        '<get><filter type="subtree"><netconf-state xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring"><schemas/></netconf-state></filter></get>',
      );
      expect(reply).to.include('<netconf-state xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring">');
      const id = /<identifier>([^<]+)<\/identifier><version>([^<]+)<\/version>/.exec(reply)!;
      expect(id[1]).to.equal('junos-emulator-snapshot');
      const schema = await c.rpc(
        `<get-schema xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring"><identifier>${id[1]}</identifier><version>${id[2]}</version><format>yang</format></get-schema>`,
      );
      expect(schema).to.include(`revision ${id[2]}`);
      expect(reply).not.to.include('<configuration');
    } finally {
      await t.stop();
    }
  });
});
