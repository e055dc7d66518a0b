import { expect } from 'chai';
import { loadConfig } from '../../src/options/load.js';
import { ConfigError } from '../../src/options/types.js';
import { ordinalOf, parseShardIndex, shardOf, shardRange } from '../../src/options/shard.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

describe('fleet shards', () => {
  it('every device is in exactly one shard, blocks differ by at most one device, for even and uneven counts', () => {
    for (const [total, shards] of [[10, 3], [10_000, 4], [7, 7], [5, 1], [1001, 16], [3, 2]] as const) {
      const owner = new Array<number>(total).fill(-1);
      const sizes: number[] = [];
      for (let k = 0; k < shards; k++) {
        const { start, end } = shardRange(total, shards, k);
        sizes.push(end - start);
        for (let i = start; i < end; i++) {
          expect(owner[i], `device ${i} of ${total} in shards ${owner[i]} and ${k}`).to.equal(-1);
          owner[i] = k;
          expect(shardOf(i, total, shards)).to.equal(k);
        }
      }
      expect(owner.every((k) => k >= 0), `${total}/${shards}: a device in no shard`).to.equal(true);
      expect(Math.max(...sizes) - Math.min(...sizes)).to.be.at.most(1);
    }
  });

  it('the same flags give the same devices on every start; names keep fleet numbers, ports count per shard', () => {
    const load = (): Array<[string, number]> =>
      loadConfig({ devices: 10, basePort: 20000, shardCount: 3, shardIndex: '1' }, TEST_KEYS_DIR).devices.map((d) => [d.name, d.port]);
    expect(load()).to.deep.equal([
      ['junos5', 20000],
      ['junos6', 20001],
      ['junos7', 20002],
    ]);
    expect(load()).to.deep.equal(load());
    const all = [0, 1, 2].flatMap((k) => loadConfig({ devices: 10, basePort: 20000, shardCount: 3, shardIndex: String(k) }, TEST_KEYS_DIR).devices.map((d) => d.name));
    expect(all).to.deep.equal(Array.from({ length: 10 }, (_, i) => `junos${i + 1}`));
  });

  it('shard-index hostname takes a StatefulSet pod ordinal', () => {
    expect(ordinalOf('junos-emulator-3')).to.equal(3);
    expect(ordinalOf('junos-emulator-12.junos-emulator.lab.svc.cluster.local')).to.equal(12);
    expect(ordinalOf('laptop')).to.equal(undefined);
    expect(parseShardIndex('hostname', '--shard-index', () => 'junos-emulator-2')).to.equal(2);
    expect(() => parseShardIndex('hostname', '--shard-index', () => 'laptop')).to.throw(ConfigError, /does not end in -N/);
  });

  it('refuses shard mistakes by name', () => {
    expect(() => loadConfig({ devices: 10, shardCount: 3, shardIndex: '3' }, TEST_KEYS_DIR)).to.throw(ConfigError, /--shard-index: 3 is not below the shard count 3/);
    expect(() => loadConfig({ devices: 2, shardCount: 3, shardIndex: '2' }, TEST_KEYS_DIR)).to.throw(ConfigError, /holds no device/);
    expect(() => loadConfig({ devices: 10, shardIndex: '1' }, TEST_KEYS_DIR)).to.throw(ConfigError, /needs shard-count/);
    expect(() => loadConfig({ devices: 10, shardCount: 2, shardIndex: 'x' }, TEST_KEYS_DIR)).to.throw(ConfigError, /--shard-index: expected an integer/);
    // A sharded fleet may be larger than one process holds; each shard may not.
    expect(loadConfig({ devices: 40_000, basePort: 20000, shardCount: 4, shardIndex: '3' }, TEST_KEYS_DIR).devices).to.have.length(10_000);
    expect(() => loadConfig({ devices: 50_000, basePort: 1024, shardCount: 2, shardIndex: '0' }, TEST_KEYS_DIR)).to.throw(ConfigError, /--devices: expected an integer from 1 to 40000/);
  });
});
