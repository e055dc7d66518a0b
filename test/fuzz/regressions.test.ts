import { expect } from 'chai';
import { NetconfDecoder } from '../../src/framing/decoder.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { checkXml } from './xml-check.js';

/**
 * Small reproducers of what the fuzzer found (docs/fuzzing.md), each reduced
 * from a fuzz stream seed, so that the cause stays covered by a quick test.
 */
describe('fuzz findings, reduced', () => {
  function decode(writes: string[]): string[] {
    const out: string[] = [];
    const d = new NetconfDecoder({ maxMessageBytes: 1 << 20, onMessage: (m) => out.push(m), onError: (e) => out.push(`error: ${e.message}`) });
    for (const w of writes) d.push(Buffer.from(w));
    return out;
  }

  // Stream seed 848975574: a chunk-framed hello (ncclient #524) written in small pieces
  // was never delivered: once its first chunk was read, the rest looked like base:1.0.
  it('a chunk-framed hello whose end marker comes in a later write is delivered', () => {
    expect(decode(['\n#3\nabc', '\n##\n'])).to.deep.equal(['abc']);
    expect(decode(['\n', '#', '3', '\n', 'abc', '\n', '#', '#', '\n'])).to.deep.equal(['abc']);
    expect(decode(['\n#2\nab', '\n#1\nc\n##\n'])).to.deep.equal(['abc']);
  });

  describe('on a device', () => {
    let t: TestEmulator;
    before(async () => {
      t = await startTestEmulator();
    });
    after(async () => t.stop());

    // Stream seeds 1245695940, 411942598 (run seed 11): a mutated text or set load stored statement
    // names that are not XML names, and every later get-config of the candidate was not well-formed.
    it('a text or set load with a statement name that is no XML name is a syntax error, and get-config stays well-formed', async () => {
      const c = await t.client();
      const loads = [
        ['3escription', '<load-configuration format="text"><configuration-text>interfaces { ge-0/0/0 { 3escription "a"; } }</configuration-text></load-configuration>'],
        ['a&lt;b', '<load-configuration action="set" format="text"><configuration-set>set interfaces ge-0/0/0 a&lt;b c</configuration-set></load-configuration>'],
        ['x&gt;&lt;injected/&gt;&lt;y', '<load-configuration action="set" format="text"><configuration-set>set system x&gt;&lt;injected/&gt;&lt;y z</configuration-set></load-configuration>'],
      ] as const;
      for (const [bad, load] of loads) {
        const reply = await c.rpc(load);
        expect(reply, bad).to.include('<error-message>syntax error</error-message>');
        expect(reply, bad).to.include(`<bad-element>${bad}</bad-element>`);
      }
      const config = await c.rpc('<get-config><source><candidate/></source></get-config>');
      expect(checkXml(config).ok, config).to.equal(true);
      expect(config).not.to.include('injected');
    });

    // Stream seed 3935788402 (run seed 424242, concurrency 4): after an XML load with <toString> under
    // <interfaces>, every get-configuration format="json" of the candidate was an "internal error".
    it('statements named after Object.prototype members render as JSON', async () => {
      const c = await t.client();
      const load = await c.rpc(
        '<load-configuration format="xml"><configuration><interfaces><toString><name>a</name></toString><constructor><name>b</name></constructor><__proto__><description>c</description></__proto__></interfaces></configuration></load-configuration>',
      );
      expect(load).to.include('<ok/>');
      const reply = await c.rpc('<get-configuration database="candidate" format="json"/>');
      expect(reply).not.to.include('rpc-error');
      const text = /<rpc-reply[^>]*>([\s\S]*)<\/rpc-reply>/.exec(reply)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      const interfaces = (JSON.parse(text) as { configuration: { interfaces: Record<string, unknown> } }).configuration.interfaces;
      expect(Object.keys(interfaces)).to.include.members(['toString', 'constructor', '__proto__']);
      expect(interfaces['toString']).to.deep.equal([{ name: 'a' }]);
    });

    it('a text or set load of statements named after Object.prototype members loads them as statements', async () => {
      const c = await t.client();
      for (const load of [
        '<load-configuration format="text"><configuration-text>toString { x; }</configuration-text></load-configuration>',
        '<load-configuration action="set" format="text"><configuration-set>set constructor y z</configuration-set></load-configuration>',
      ]) {
        const reply = await c.rpc(load);
        expect(reply, load).to.include('<ok/>');
        expect(reply, load).not.to.include('native code');
      }
      const set = await c.rpc('<get-configuration database="candidate" format="set"/>');
      expect(set).to.include('set toString x').and.to.include('set constructor y z');
    });
  });
});
