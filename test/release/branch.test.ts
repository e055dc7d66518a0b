/**
 * Branch SRX on 15.1X49 (standalone and chassis cluster) and J Series: the
 * slice alternate text, `show system snapshot` in text, XML and JSON against
 * the SRX captures, the partitioned USB medium, cluster nodes.
 */
import { expect } from 'chai';
import { chassisCluster } from '../../rpc/chassis-cluster.js';
import {
  CLUSTER_GROUP_ELEMENTS,
  SLICE_ALTERNATE,
  SRX100H2_DATES,
  SRX100H2_SHOW_SNAPSHOT,
  SRX300_JSON_KEYS,
  SRX550_USB_PARTITION,
} from './captures.js';
import { bodyOf, call, childNames, device, refusal, showSnapshot, snapshot, textOf } from './support.js';

const DASHES = '-'.repeat(74);

describe('release: branch SRX (15.1X49) and J Series', () => {
  it('srx300: slice alternate is the SRX100H2 capture, byte for byte', async () => {
    expect(textOf(await snapshot(device('srx300'), { slice: 'alternate' }))).to.equal(SLICE_ALTERNATE);
  });

  it('srx300 on 12.3X48: show system snapshot media internal is the SRX100H2 capture, byte for byte', async () => {
    const dev = device('srx300', { softwareVersion: '12.3X48-D105.4' });
    const cf = dev.model.routingEngine('re0')!.media[0]!.partitions!;
    cf.find((p) => p.slice === 's1a')!.content = { version: '12.3X48-D105.4', config: null, created: SRX100H2_DATES.primary, factory: false };
    cf.find((p) => p.slice === 's2a')!.content = { version: '12.3X48-D105.4', config: null, created: SRX100H2_DATES.backup, factory: false };
    expect(textOf(await showSnapshot(dev, { media: 'internal' }))).to.equal(SRX100H2_SHOW_SNAPSHOT);
  });

  it('srx300: XML and JSON as #401 shows them: padded medium and date with the line end kept, keys repeated per slice', async () => {
    const dev = device('srx300');
    const xml = bodyOf(await showSnapshot(dev, { media: 'internal' }, 'xml'));
    expect(xml).to.include('<snapshot-medium>      internal (/dev/da0s1a) (primary)\n  </snapshot-medium>\n<creation-date>');
    expect(xml).to.match(/<creation-date>[A-Z][a-z]{2} [1-9]\d? \d\d:\d\d:\d\d \d{4}\n {2}<\/creation-date>/);
    const json = bodyOf(await showSnapshot(dev, { media: 'internal' }, 'json'));
    const keys = [...json.matchAll(/^ {8}"([\w-]+)" : \[$/gm)].map((m) => m[1]);
    expect(keys).to.deep.equal(SRX300_JSON_KEYS);
    expect(json).to.match(/"data" : "      internal \(\/dev\/da0s2a\) \(backup\)\\n  "/);
    expect(json).to.include('"data" : "15.1X49-D70.3-domestic"').and.not.include('attributes');
  });

  it('srx300: media usb partition prints the SRX550 form, line for line', async () => {
    const dev = device('srx300', { insertedMedia: ['usb'] });
    const lines = textOf(await snapshot(dev, { media: 'usb', partition: true })).split('\n');
    expect(lines.pop()).to.equal('');
    expect(lines).to.have.length(SRX550_USB_PARTITION.length);
    lines.forEach((l, i) => expect(l).to.match(SRX550_USB_PARTITION[i]!));
  });

  it('srx300: internal and usb are its media; J Series names are a refusal', async () => {
    expect(await refusal(snapshot(device('srx300'), { media: 'compact-flash' }))).to.deep.equal({
      message: 'media compact-flash is not supported on this platform: use internal or usb',
      bad: 'compact-flash',
    });
    expect(await refusal(snapshot(device('srx300'), { factory: true }))).to.deep.equal({ message: 'syntax error', bad: 'factory' });
    expect((await refusal(snapshot(device('srx300'), { partition: true }))).message).to.equal(
      'partition partitions the target medium, and internal is the boot medium in use; use media usb',
    );
  });

  it('srx300-cluster: node all / node 1 answer per node under node0: / node1: headers', async () => {
    const dev = device('srx300-cluster');
    const all = textOf(await snapshot(dev, { node: 'all' }));
    expect(all).to.equal(`node0:\n${DASHES}\n${SLICE_ALTERNATE}\nnode1:\n${DASHES}\n${SLICE_ALTERNATE}`);
    expect(textOf(await snapshot(dev, { node: '1' }))).to.equal(`node1:\n${DASHES}\n${SLICE_ALTERNATE}`);
    const shown = bodyOf(await showSnapshot(dev, { node: 'all' }, 'xml'));
    expect([...shown.matchAll(/<re-name>([^<]+)<\/re-name>\n<snapshot-information>/g)].map((m) => m[1])).to.deep.equal(['node0', 'node1']);
  });

  it('get-chassis-cluster-status: cluster status on a cluster (PyEZ fixture elements), not enabled on a standalone SRX or a J Series', async () => {
    const cluster = bodyOf(await call(chassisCluster, device('srx300-cluster')));
    expect(childNames(cluster, 'chassis-cluster-status')).to.deep.equal(['cluster-id', 'redundancy-group', 'redundancy-group']);
    expect(childNames(cluster, 'redundancy-group')).to.deep.equal(CLUSTER_GROUP_ELEMENTS);
    for (const p of ['srx300', 'j2350'] as const) {
      expect(bodyOf(await call(chassisCluster, device(p)))).to.include('<message>error: Chassis cluster is not enabled</message>');
    }
  });
});
