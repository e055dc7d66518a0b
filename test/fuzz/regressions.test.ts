import { expect } from 'chai';
import { NetconfDecoder } from '../../src/framing/decoder.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { checkXml } from './xml-check.js';
import { renderConfiguration } from '../../src/junos-config/render.js';
import type { ConfigNode } from '../../src/junos-config/tree.js';

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
    it('statements named after Object.prototype members render as JSON (a tree saved before schemas held them)', () => {
      const leaf = (name: string, value?: string): ConfigNode => ({ name, ...(value !== undefined ? { value } : {}), children: [] });
      const tree: ConfigNode = {
        name: 'configuration',
        children: [{ name: 'interfaces', children: [{ name: 'toString', children: [leaf('name', 'a')] }, { name: 'constructor', children: [leaf('name', 'b')] }, { name: '__proto__', children: [leaf('description', 'c')] }] }],
      };
      const text = renderConfiguration(tree, 'json', undefined);
      const interfaces = (JSON.parse(text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as { configuration: { interfaces: Record<string, unknown> } }).configuration.interfaces;
      expect(Object.keys(interfaces)).to.include.members(['toString', 'constructor', '__proto__']);
      expect(interfaces['toString']).to.deep.equal([{ name: 'a' }]);
    });

    it('statements named after Object.prototype members are refused by the schema as unknown, in XML, text and set loads', async () => {
      const c = await t.client();
      for (const [load, bad] of [
        ['<load-configuration format="xml"><configuration><interfaces><toString><name>a</name></toString></interfaces></configuration></load-configuration>', 'toString'],
        ['<load-configuration format="xml"><configuration><__proto__><description>c</description></__proto__></configuration></load-configuration>', '__proto__'],
        ['<load-configuration format="text"><configuration-text>toString { x; }</configuration-text></load-configuration>', 'toString'],
        ['<load-configuration action="set" format="text"><configuration-set>set constructor y z</configuration-set></load-configuration>', 'constructor'],
        ['<load-configuration action="set" format="text"><configuration-set>set system hasOwnProperty</configuration-set></load-configuration>', 'hasOwnProperty'],
      ] as const) {
        const reply = await c.rpc(load);
        expect(reply, load).to.include('<error-message>syntax error</error-message>').and.include(`<bad-element>${bad}</bad-element>`);
        expect(reply, load).not.to.include('native code');
      }
    });
  });
});
