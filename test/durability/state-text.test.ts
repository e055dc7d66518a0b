/**
 * A device's state file is made in slices: the text is JSON.stringify's, and
 * other callbacks run while a large configuration's history becomes text
 * (order, not time: the slice length is 0).
 */
import { expect } from 'chai';
import { jsonTextWork } from '../../src/device/json-text-work.js';
import { runNow, runSliced, setSliceMs } from '../../src/junos-config/slices.js';
import { ConfigurationStore } from '../../src/junos-config/store.js';
import { parseText } from '../../src/junos-config/text-format.js';
import { VirtualClock } from '../../src/engine/index.js';

const ifname = (i: number): string => `ge-${Math.floor(i / 4000)}/${Math.floor(i / 40) % 100}/${i % 40}`;

describe('state file text in slices', function () {
  let slice: number;
  before(() => {
    slice = setSliceMs(0);
  });
  after(() => {
    setSliceMs(slice);
  });

  it('writes what JSON.stringify(value, null, 2) writes', () => {
    const when = new Date(0);
    const values: unknown[] = [
      { a: 1, b: [1, 'two', null, undefined, () => 1, { c: {} }, []], d: undefined, e: { toJSON: (k: string) => `key ${k}` }, f: when, g: NaN, h: -0, i: 'q"\\\n' },
      [],
      {},
      'text',
      42,
      null,
      [[[]], [{}], { x: [{ y: [] }] }],
    ];
    for (const v of values) expect(runNow(jsonTextWork(v, 2))).to.equal(JSON.stringify(v, null, 2));
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(() => runNow(jsonTextWork(circular, 2))).to.throw(TypeError);
  });

  it('a 16,000-interface configuration with its history: the same text, with other callbacks run meanwhile', async () => {
    const clock = new VirtualClock({ speed: 'instant' });
    const store = new ConfigurationStore(clock, { name: 'configuration', children: [] });
    const owner = {};
    for (const tag of ['a', 'b']) {
      const text = `interfaces {\n${Array.from({ length: 16_000 }, (_, i) => `    ${ifname(i)} { description "${tag} ${i}"; unit 0 { family inet { address 10.${(i >> 8) & 255}.${i & 255}.1/31; } } }`).join('\n')}\n}`;
      store.load(owner, parseText(text), 'merge');
      store.commit(owner, 'lab');
    }
    const doc = { format: 1, configuration: store.toJSON() };
    let turns = 0;
    let done = false;
    const ticker = (): void => {
      if (done) return;
      turns++;
      setImmediate(ticker);
    };
    setImmediate(ticker);
    const text = await runSliced(jsonTextWork(doc, 2));
    done = true;
    expect(text).to.equal(JSON.stringify(doc, null, 2));
    expect(turns, 'event-loop turns while the state became text').to.be.greaterThan(100);
    clock.shutdown();
  });
});
