/**
 * What the parser's verdicts look like on the wire (issue 8, items 5 and 7):
 * every request gets exactly one reply, Junos-shaped, that lxml can read,
 * whatever names the client chose, and the session keeps working.
 */
import { expect } from 'chai';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { LxmlOracle } from '../support/lxml-oracle.js';

const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';
/** Every Object.prototype member: names a plain-object lookup would find without the client sending them. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

let nextId = 1000;
/** Sends one rpc and waits a bounded time for its reply: a request that gets none fails here, not at mocha's timeout. */
async function ask(c: NetconfClient, body: string, attrs = ''): Promise<{ id: string; reply: string }> {
  const id = String(nextId++);
  c.send(`<rpc xmlns="${NS}" message-id="${id}"${attrs}>${body}</rpc>`);
  const reply = await c.next(5000);
  expect(reply, `the reply to ${body}`).to.match(new RegExp(`^<rpc-reply [^>]*message-id="${id}"`));
  return { id, reply };
}

function expectSyntaxError(reply: string, message: string, badElement: string): void {
  expect(reply).to.include(`<error-message>${message}</error-message>`);
  expect(reply).to.include(`<bad-element>${badElement}</bad-element>`);
}

describe('wire: names the client chose, and what the parser refuses', function () {
  let t: TestEmulator;
  let c: NetconfClient;
  before(async () => {
    t = await startTestEmulator({
      yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], devices: [{ name: 'r1', port: 0, profile: 'mx960' }] },
    });
  });
  // A session of its own for each test, so a request left unanswered fails that test alone.
  beforeEach(async () => {
    c = await t.client();
  });
  afterEach(() => c.close());
  after(async () => t.stop());

  async function stillAnswers(): Promise<void> {
    expect((await ask(c, '<get-software-information/>')).reply, 'the session still answers').to.include('<software-information');
  }

  it('an Object.prototype name as format (attribute, child, on <command>) gets `invalid value for format`', async () => {
    for (const name of PROTOTYPE_NAMES) {
      expectSyntaxError((await ask(c, `<get-software-information format="${name}"/>`)).reply, 'invalid value for format', name);
      expectSyntaxError((await ask(c, `<get-software-information><format>${name}</format></get-software-information>`)).reply, 'invalid value for format', name);
      expectSyntaxError((await ask(c, `<command format="${name}">show version</command>`)).reply, 'invalid value for format', name);
    }
    await stillAnswers();
  });

  it('as an attribute or element name: echoed on the rpc, a syntax error on the operation', async () => {
    for (const name of PROTOTYPE_NAMES) {
      const echoed = await ask(c, '<get-software-information/>', ` ${name}="x"`);
      expect(echoed.reply).to.match(new RegExp(`^<rpc-reply [^>]* ${name}="x">`));
      expect(echoed.reply).to.include('<software-information');
      expectSyntaxError((await ask(c, `<get-software-information ${name}="x"/>`)).reply, 'syntax error', name);
      expectSyntaxError((await ask(c, `<get-software-information><${name}/></get-software-information>`)).reply, 'syntax error', name);
      expectSyntaxError((await ask(c, `<${name}/>`)).reply, 'syntax error', name);
    }
    await stillAnswers();
  });

  it('as configuration statements in text, set and XML: refused by the schema as unknown, naming the statement', async () => {
    // No Junos statement has these names; the schema's lookups are Maps, so none of them finds Object.prototype.
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const loads = [
        `<load-configuration format="text"><configuration-text>${name} { x; }</configuration-text></load-configuration>`,
        `<load-configuration format="set"><configuration-set>set system ${name} y</configuration-set></load-configuration>`,
        `<load-configuration><configuration><routing-options><${name}><name>a</name></${name}></routing-options></configuration></load-configuration>`,
      ];
      for (const load of loads) {
        const { reply } = await ask(c, load);
        expect(reply, load).to.include('<error-message>syntax error</error-message>').and.include(`<bad-element>${name}</bad-element>`);
      }
    }
    expect((await ask(c, '<commit-configuration/>')).reply).to.include('<commit-success/>');
    await stillAnswers();
  });

  it('echoes the attributes that follow a value holding >', async () => {
    const { id, reply } = await ask(c, '<get-software-information/>', ' a="x>y" b="2"');
    expect(reply).to.match(new RegExp(`^<rpc-reply [^\\n]* message-id="${id}" a="x>y" b="2">`));
    await stillAnswers();
  });

  it('close-session with a child or text answers syntax error and keeps the session; without, <ok/> and the end', async () => {
    expectSyntaxError((await ask(c, '<close-session><foo/></close-session>')).reply, 'syntax error', 'foo');
    expectSyntaxError((await ask(c, '<close-session>now</close-session>')).reply, 'syntax error', 'now');
    expect((await ask(c, '<get-software-information/>')).reply).to.include('<software-information');
    const other = await t.client();
    expect((await ask(other, '<close-session/>')).reply).to.include('<ok/>');
    await other.waitClosed();
  });
});

describe('wire: replies lxml can read, whatever the request held', function () {
  let t: TestEmulator;
  let c: NetconfClient;
  let oracle: LxmlOracle;
  before(async function () {
    oracle = LxmlOracle.startOrSkip(this);
    t = await startTestEmulator({
      yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], devices: [{ name: 'r1', port: 0, profile: 'mx960' }] },
    });
    c = await t.client();
  });
  after(async () => {
    oracle?.close();
    await t?.stop();
  });

  const REQUESTS: Array<[string, string, string]> = [
    ['a reference to U+0001 in an rpc attribute', '<get-software-information/>', ' x="&#1;"'],
    ['a reference to U+0001 in a command', '<command>show &#1;</command>', ''],
    ['a raw U+0001 in text', '<command>show \x01</command>', ''],
    ['a reference to U+FFFE in an operation attribute', '<get-software-information level="&#xFFFE;"/>', ''],
    ['an undeclared prefix on an rpc attribute', '<get-software-information/>', ' p:x="1"'],
    ['a namespace that is not a URI', '<get-software-information/>', ' xmlns:q="a b"'],
    ['a repeated rpc attribute', '<get-software-information/>', ' x="1" x="2"'],
  ];
  for (const [what, body, attrs] of REQUESTS) {
    it(`${what}: malformed-message, the message-id echoed, and a reply libxml2 accepts`, async () => {
      const { reply } = await ask(c, body, attrs);
      expect(reply).to.include('<error-tag>malformed-message</error-tag>');
      const [verdict] = await oracle.check([reply]);
      expect(verdict!.ok, verdict!.ok ? '' : `${verdict!.error}\n${reply}`).to.equal(true);
    });
  }
});
