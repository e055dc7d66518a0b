/**
 * `<command>` through a real session: the CLI parser maps words onto the same
 * RPC grammars, runs the same handlers, and fails the way Junos does.
 */
import { expect } from 'chai';
import { parseCommand } from '../../src/command/parse-command.js';
import { dialectOf } from '../../src/engine/releases/index.js';

/** What the shipped profiles accept: mx960 on its spec-era release, j2350 on 12.3. */
const MX960 = dialectOf('mx', '9.3R4.4');
const J2350 = dialectOf('j-series', '12.3R12.4');
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

function errorOf(reply: string): { message: string; bad: string | undefined } {
  const message = /<error-message>([\s\S]*?)<\/error-message>/.exec(reply)?.[1] ?? '';
  return { message: message.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), bad: /<bad-element>(.*?)<\/bad-element>/.exec(reply)?.[1] };
}

/** The reply minus its envelope, for comparing two replies' bodies. */
function body(reply: string): string {
  return reply.replace(/^<rpc-reply[^>]*>\n/, '').replace(/<\/rpc-reply>$/, '');
}

describe('command: CLI grammar over the RPC grammars', () => {
  it('maps words, unique prefixes and option values onto the RPC element', () => {
    const p = parseCommand('req sys snap partition', MX960);
    expect(p.rpc.name).to.equal('request-snapshot');
    expect(p.rpc.children.map((c) => c.name)).to.deep.equal(['partition']);
    const j = parseCommand('request system snapshot media usb config-size 50 slice alt', J2350);
    expect(j.rpc.children.map((c) => [c.name, c.text])).to.deep.equal([
      ['media', 'usb'],
      ['config-size', '50'],
      ['slice', 'alternate'],
    ]);
    const add = parseCommand('request system software add /var/tmp/jinstall64-19.4R3.3-domestic-signed.tgz reboot', 'mx');
    expect(add.rpc.name).to.equal('request-package-add');
    expect(add.rpc.children.map((c) => [c.name, c.text])).to.deep.equal([
      ['package-name', '/var/tmp/jinstall64-19.4R3.3-domestic-signed.tgz'],
      ['reboot', ''],
    ]);
    expect(parseCommand('show version invoke-on all-routing-engines| display xml rpc', 'mx').display).to.equal('rpc');
  });

  it('J Series options do not exist on an MX, as in the RPC grammar', () => {
    expect(() => parseCommand('request system snapshot media usb', MX960)).to.throw('syntax error, expecting <command>');
  });

  it('the running release decides the options: recovery and routing-engine on 18.4, delete and load from 22.1', () => {
    expect(() => parseCommand('request system snapshot recovery', MX960)).to.throw('syntax error, expecting <command>');
    const modern = parseCommand('request system snapshot recovery routing-engine both', dialectOf('mx', '18.4R3.3'));
    expect(modern.rpc.children.map((c) => [c.name, c.text])).to.deep.equal([
      ['recovery', ''],
      ['routing-engine', 'both'],
    ]);
    expect(() => parseCommand('request system snapshot delete snap.1', dialectOf('mx', '21.4R3.15'))).to.throw('syntax error, expecting <command>');
    expect(parseCommand('request system snapshot delete snap.1', dialectOf('mx', '22.1R1.10')).rpc.children[0]!.name).to.equal('delete');
    expect(() => parseCommand('request system snapshot snapshot-name x', dialectOf('mx', '22.2R3.15'))).to.throw('syntax error, expecting <command>');
    expect(parseCommand('request system snapshot snapshot-name x', dialectOf('mx', '23.4R2.13')).rpc.children[0]!.name).to.equal('snapshot-name');
  });
});

describe('command: <command> over NETCONF', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({
      yaml: {
        users: [
          { name: TEST_USER.name, password: TEST_USER.password },
          { name: 'op', password: 'op123', class: 'operator' },
        ],
        speed: 'instant',
        devices: [{ name: 'r1', profile: 'mx960', port: 0 }],
      },
    });
  });
  after(async () => t?.stop());

  it('| display xml rpc answers the RPC, exactly as PyEZ sends it (no space before the pipe)', async () => {
    const c = await t.client();
    const r = await c.rpc('<command>request system snapshot| display xml rpc</command>');
    expect(body(r)).to.equal('<rpc>\n<request-snapshot/>\n</rpc>\n');
    const r2 = await c.rpc('<command>show system snapshot media hard-disk | display xml rpc</command>');
    expect(body(r2)).to.equal('<rpc>\n<get-snapshot-information>\n<media>hard-disk</media>\n</get-snapshot-information>\n</rpc>\n');
    const r3 = await c.rpc('<nc:command xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0">show ver invoke-on all| display xml rpc</nc:command>');
    expect(body(r3)).to.equal('<rpc>\n<get-software-information>\n<invoke-on>all-routing-engines</invoke-on>\n</get-software-information>\n</rpc>\n');
  });

  it('the command and its RPC give the same reply, in XML, text and JSON', async () => {
    const c = await t.client();
    for (const [cmd, rpc] of [
      ['show system storage detail', '<get-system-storage><detail/></get-system-storage>'],
      ['show system snapshot', '<get-snapshot-information/>'],
      ['show chassis hardware', '<get-chassis-inventory/>'],
      ['show version', '<get-software-information/>'],
    ] as const) {
      for (const fmt of ['xml', 'text', 'json']) {
        const viaCli = await c.rpc(`<command format="${fmt}">${cmd}</command>`);
        const viaRpc = await c.rpc(rpc.replace(/^<([\w-]+)/, `<$1 format="${fmt}"`));
        expect(body(viaCli), `${cmd} ${fmt}`).to.equal(body(viaRpc));
      }
    }
    const xmlPipe = await c.rpc('<command>show system storage | display xml</command>');
    const jsonPipe = await c.rpc('<command>show system storage | display json</command>');
    expect(body(xmlPipe)).to.equal(body(await c.rpc('<get-system-storage/>')));
    expect(JSON.parse(body(jsonPipe).replace(/&quot;/g, '"'))).to.have.key('system-storage-information');
  });

  it('unknown words, ambiguous prefixes and missing values fail the Junos way', async () => {
    const c = await t.client();
    expect(errorOf(await c.rpc('<command>show bogus</command>'))).to.deep.equal({ message: 'syntax error, expecting <command>', bad: 'bogus' });
    expect(errorOf(await c.rpc('<command>request system snapshot frobnicate</command>'))).to.deep.equal({ message: 'syntax error, expecting <command>', bad: 'frobnicate' });
    expect(errorOf(await c.rpc('<command>show system snapshot media</command>'))).to.deep.equal({ message: 'syntax error, expecting <type>', bad: 'media' });
    expect(errorOf(await c.rpc('<command>show c</command>'))).to.deep.equal({ message: "syntax error, 'c' is ambiguous: chassis, cli, configuration", bad: 'c' });
    expect(errorOf(await c.rpc('<command>show system snapshot media floppy</command>'))).to.include({ bad: 'floppy' });
  });

  it('show configuration in text is <configuration-information><configuration-output>, and follows a path', async () => {
    const c = await t.client();
    const r = await c.rpc('<command format="text">show configuration system login</command>');
    expect(r).to.match(/<configuration-information>\n<configuration-output>[\s\S]*user lab \{\n\s+class super-user;/);
    expect(r).to.not.include('host-name');
    // Issue 12: a path prints what is inside it, unwrapped and without the ## Last commit banner; an absent one prints nothing.
    const output = (reply: string): string | undefined => /<configuration-output>([\s\S]*?)<\/configuration-output>/.exec(reply)?.[1];
    expect(output(await c.rpc('<command format="text">show configuration system services</command>'))).to.equal('\nssh;\nnetconf {\n    ssh;\n}\n');
    expect(output(await c.rpc('<command format="text">show configuration system host-name</command>'))).to.equal('\nhost-name r1;\n');
    expect(output(await c.rpc('<command format="text">show configuration system ntp</command>'))).to.equal('\n');
    expect(output(await c.rpc('<command format="text">show configuration</command>'))).to.match(/^\n## Last commit: /);
    const x = await c.rpc('<command>show configuration system host-name</command>');
    expect(x).to.match(/<configuration[^>]*junos:commit-user="root">\n\s*<system>\n\s*<host-name>r1<\/host-name>\n\s*<\/system>\n<\/configuration>/);
  });

  it('the command path enforces the permission of the RPC it maps to', async () => {
    const op = await t.client({ username: 'op', password: 'op123' });
    expect(errorOf(await op.rpc('<command>request system snapshot</command>'))).to.deep.equal({ message: 'permission denied', bad: 'request-snapshot' });
    expect(errorOf(await op.rpc('<command>request system reboot</command>'))).to.deep.equal({ message: 'permission denied', bad: 'request-reboot' });
    expect(await op.rpc('<command>show system snapshot</command>')).to.include('<snapshot-information');
    // Showing the RPC is not running it.
    expect(body(await op.rpc('<command>request system snapshot| display xml rpc</command>'))).to.equal('<rpc>\n<request-snapshot/>\n</rpc>\n');
  });
});
