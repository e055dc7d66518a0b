import { expect } from 'chai';
import { frameMessage } from '../../src/framing/encoder.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';

describe('netconf session (own client over ssh2)', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator();
  });
  after(async () => t.stop());

  it('sends the Junos hello first: two comments, capabilities, a PID-like session-id', async () => {
    const c = await t.client();
    const lines = c.serverHello.split('\n');
    expect(lines[0]).to.equal('<!-- No zombies were killed during the creation of this user interface -->');
    expect(lines[1]).to.equal('<!-- user lab, class j-super-user -->');
    expect(lines[2]).to.equal(`<hello xmlns="${NS}">`);
    expect(c.serverHello).to.include('<capability>http://xml.juniper.net/netconf/junos/1.0</capability>');
    expect(c.serverHello).not.to.include('base:1.1');
    expect(c.serverHello).not.to.match(/<\?xml/);
    expect(c.serverHello).to.match(/<session-id>\d{4,5}<\/session-id>/);
  });

  it('base:1.0: each message is followed by exactly LF ]]>]]> LF, and the next starts at once', async () => {
    const c = await t.client();
    await c.rpc('<get/>');
    await c.rpc('<nope/>');
    const parts = Buffer.concat(c.raw).toString('utf8').split(']]>]]>');
    expect(parts).to.have.length(4);
    expect(parts[3]).to.equal('\n');
    for (const p of parts.slice(0, 3)) expect(p).to.match(/^\n?<[^]*>\n$/);
    for (const p of parts.slice(1, 3)) expect(p.startsWith('\n<rpc-reply ')).to.equal(true);
  });

  it('gives each session its own session-id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const c = await t.client();
      ids.add(/<session-id>(\d+)</.exec(c.serverHello)![1]!);
    }
    expect(ids.size).to.equal(5);
  });

  it('echoes every rpc attribute after xmlns:junos, in the client\'s order (18.4R3 replay, 20.4R0 trace)', async () => {
    const c = await t.client();
    c.send(`<rpc xmlns="${NS}" message-id='42' foo="bar"><get-config><source><running/></source></get-config></rpc>`);
    const reply = await c.next();
    expect(reply).to.match(new RegExp(`^<rpc-reply xmlns:junos="http://xml.juniper.net/junos/[^"]+/junos" xmlns="${NS}" message-id='42' foo="bar">\n`));
    c.send(`<rpc message-id="43" xmlns="${NS}"><get-software-information/></rpc>`);
    expect(await c.next()).to.match(new RegExp(`^<rpc-reply xmlns:junos="http://xml.juniper.net/junos/[^"]+/junos" message-id="43" xmlns="${NS}">\n`));
    // Without a default namespace from the client, Junos declares it first (netconf-perl#27, 16.1).
    c.send(`<rpc message-id='44'><get-software-information/></rpc>`);
    expect(await c.next()).to.match(new RegExp(`^<rpc-reply xmlns="${NS}" xmlns:junos="http://xml.juniper.net/junos/[^"]+/junos" message-id='44'>\n`));
    expect(reply).to.include('<data>');
    expect(reply).to.include('<host-name>junos1</host-name>');
    expect(reply.endsWith('</rpc-reply>')).to.equal(true);
  });

  it('answers an nc:-qualified rpc and operation, declaring xmlns:nc', async () => {
    const c = await t.client();
    c.send(`<nc:rpc xmlns:nc="${NS}" message-id="urn:uuid:1"><nc:get/></nc:rpc>`);
    const reply = await c.next();
    expect(reply).to.match(new RegExp(`^<rpc-reply xmlns="${NS}" xmlns:junos="[^"]+" xmlns:nc="${NS}" message-id="urn:uuid:1">`));
    expect(reply).to.include('<data>');
  });

  it('refuses an unknown RPC as Junos does: syntax error with bad-element', async () => {
    const c = await t.client();
    const reply = await c.rpc('<get-test/>');
    expect(reply).to.include('<error-message>syntax error</error-message>');
    expect(reply).to.include('<bad-element>get-test</bad-element>');
    expect(reply).to.include('<error-severity>error</error-severity>');
  });

  it('answers a missing message-id with the RFC 6241 error', async () => {
    const c = await t.client();
    c.send(`<rpc xmlns="${NS}"><get/></rpc>`);
    const reply = await c.next();
    expect(reply).to.include('<error-tag>missing-attribute</error-tag>');
    expect(reply).to.include('<bad-attribute>message-id</bad-attribute>');
    expect(reply).to.include('<bad-element>rpc</bad-element>');
  });

  it('answers malformed XML with an rpc-error and keeps the session', async () => {
    const c = await t.client();
    c.send('<rpc message-id="1"><get></rpc>');
    const bad = await c.next();
    expect(bad).to.include('<error-tag>malformed-message</error-tag>');
    const good = await c.rpc('<get/>');
    expect(good).to.include('<data>');
  });

  it('keeps replies in request order for pipelined RPCs in one packet', async () => {
    const c = await t.client();
    const burst = Buffer.concat(
      Array.from({ length: 20 }, (_, i) => frameMessage(`<rpc xmlns="${NS}" message-id="p${i}">${i % 3 === 0 ? '<bogus/>' : '<get/>'}</rpc>`, 'eom')),
    );
    c.sendRaw(burst);
    for (let i = 0; i < 20; i++) {
      const reply = await c.next();
      expect(reply).to.include(`message-id="p${i}"`);
    }
  });

  it('close-session: <ok/>, then the channel ends', async () => {
    const c = await t.client();
    const reply = await c.rpc('<close-session/>');
    expect(reply).to.match(/<ok\/>\n<\/rpc-reply>$/);
    await c.waitClosed();
  });

  it('request-end-session: <end-session/>, then the channel ends', async () => {
    const c = await t.client();
    const reply = await c.rpc('<request-end-session/>');
    expect(reply).to.include('<end-session/>');
    await c.waitClosed();
  });

  it('kill-session ends the target, releases its locks, and refuses the own id', async () => {
    const a = await t.client();
    const b = await t.client();
    const aid = /<session-id>(\d+)</.exec(a.serverHello)![1]!;
    const bid = /<session-id>(\d+)</.exec(b.serverHello)![1]!;
    expect(await a.rpc('<lock><target><candidate/></target></lock>')).to.include('<ok/>');
    const denied = await b.rpc('<lock><target><candidate/></target></lock>');
    expect(denied).to.include('<error-tag>lock-denied</error-tag>');
    expect(denied).to.include(`<session-id>${aid}</session-id>`);
    const self = await b.rpc(`<kill-session><session-id>${bid}</session-id></kill-session>`);
    expect(self).to.include('<error-tag>invalid-value</error-tag>');
    expect(await b.rpc(`<kill-session><session-id>${aid}</session-id></kill-session>`)).to.include('<ok/>');
    await a.waitClosed();
    expect(await b.rpc('<lock><target><candidate/></target></lock>')).to.include('<ok/>');
    expect(await b.rpc('<unlock><target><candidate/></target></unlock>')).to.include('<ok/>');
  });

  it('speaks NETCONF over the exec command ncclient falls back to', async () => {
    const c = await t.client({ exec: 'xml-mode netconf need-trailer' });
    expect(c.serverHello).to.include('<session-id>');
    expect(await c.rpc('<get/>')).to.include('<data>');
  });

  it('answers bytes that are not XML with an rpc-error and keeps serving others', async () => {
    const bystander = await t.client();
    const c = await t.client();
    c.sendRaw(Buffer.alloc(1024, 0x41)); // no delimiter yet: still a message in progress
    c.sendRaw(`]]>]]>`);
    const reply = await c.next();
    expect(reply).to.include('malformed-message');
    expect(await bystander.rpc('<get/>')).to.include('<data>');
  });
});

describe('netconf session: rfc-compliant with base:1.1', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({ cli: { rfcCompliant: true } });
  });
  after(async () => t.stop());

  it('advertises base:1.1, prefixes NETCONF elements with nc:, and switches to chunked framing', async () => {
    const c = await t.client();
    expect(c.serverHello).to.include(`<nc:hello xmlns:nc="${NS}">`);
    expect(c.serverHello).to.include('<nc:capability>urn:ietf:params:netconf:base:1.1</nc:capability>');
    expect(c.framing).to.equal('chunked');
    const before = c.raw.length;
    const reply = await c.rpc('<get/>');
    // As the 18.3R3 rfc-compliant capture: the client's default namespace echoed after xmlns:junos.
    expect(reply).to.match(new RegExp(`^<nc:rpc-reply xmlns:nc="${NS}" xmlns:junos="[^"]+" xmlns="${NS}" message-id="1">`));
    const bytes = Buffer.concat(c.raw.slice(before)).toString('utf8');
    expect(bytes.startsWith('\n#')).to.equal(true);
    expect(bytes.endsWith('\n##\n')).to.equal(true);
    const err = await c.rpc('<nope/>');
    expect(err).to.include('<nc:rpc-error>');
    expect(err).to.include('<nc:bad-element>nope</nc:bad-element>');
  });

  it('sends nothing between the hello\'s ]]>]]> and the first chunk, nor between chunked messages', async () => {
    const c = await t.client();
    await c.rpc('<get/>');
    await c.rpc('<nope/>');
    const all = Buffer.concat(c.raw);
    const eom = all.indexOf(']]>]]>');
    expect(all.subarray(eom - 12, eom).toString()).to.equal('</nc:hello>\n');
    // RFC 6242 4.2: chunked-message = 1*chunk end-of-chunks; chunk = LF HASH size LF data.
    let off = eom + 6;
    let messages = 0;
    while (off < all.length) {
      const header = /^\n#([1-9][0-9]*)\n/.exec(all.subarray(off, off + 16).toString('latin1'));
      expect(header, `chunk header at byte ${off}: ${JSON.stringify(all.subarray(off, off + 16).toString('latin1'))}`).to.not.equal(null);
      off += header![0].length + Number(header![1]);
      expect(all.subarray(off, off + 4).toString('latin1')).to.equal('\n##\n');
      off += 4;
      messages++;
    }
    expect(messages).to.equal(2);
  });

  it('keeps end-of-message framing for a client that offers only base:1.0', async () => {
    const c = await t.client({ offerBase11: false });
    expect(c.framing).to.equal('eom');
    expect(await c.rpc('<get/>')).to.include('<data>');
  });

  it('answers the RPCs received whole before a broken frame, then closes (found by the fuzzer)', async () => {
    const c = await t.client();
    const rpc = `<rpc xmlns="${NS}" message-id="before"><get-software-information/></rpc>`;
    c.sendRaw(`\n#${Buffer.byteLength(rpc)}\n${rpc}\n##\nXXX`);
    const reply = await c.next();
    expect(reply).to.include('message-id="before"').and.include('software-information');
    await c.waitClosed();
    expect(c.closed).to.equal(true);
  });

  it('ends the session on a bad chunk header', async () => {
    const c = await t.client();
    c.sendRaw('\n#abc\n');
    await c.waitClosed();
    expect(c.closed).to.equal(true);
    expect(c.messages).to.deep.equal([]);
  });
});

describe('netconf <lock> on a modified candidate', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator();
  });
  after(async () => t.stop());

  it('is refused while the candidate holds uncommitted changes (RFC 6241 7.5), and granted after discard', async () => {
    const a = await t.client();
    const b = await t.client();
    await a.rpc('<load-configuration action="set" format="text"><configuration-set>set system domain-name lab.example</configuration-set></load-configuration>');
    const denied = await b.rpc('<lock><target><candidate/></target></lock>');
    expect(denied).to.include('<error-tag>lock-denied</error-tag>');
    expect(denied).to.include('<error-message>configuration database modified</error-message>');
    await a.rpc('<discard-changes/>');
    expect(await b.rpc('<lock><target><candidate/></target></lock>')).to.include('<ok/>');
  });
});
