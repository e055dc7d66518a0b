import { expect } from 'chai';
import { DeviceModel, PROFILE_NAMES, parseDeviceSettings, platformOf } from '../../src/engine/index.js';

describe('device settings', () => {
  it('reads every YAML key', () => {
    const s = parseDeviceSettings(
      {
        name: 'r1',
        port: 8830,
        'software-version': '21.4R3-S5.4',
        'memory-mb': 1024,
        'mirror-flash-on-disk': true,
        'boot-media': 'disk',
        'corrupt-partition-table': ['ad0', 're1:ad1'],
        'connected-lcc': [2, 0, 2],
        'inserted-media': ['usb'],
      },
      'devices[0]',
    );
    expect(s).to.deep.equal({
      softwareVersion: '21.4R3-S5.4',
      memoryMb: 1024,
      mirrorFlashOnDisk: true,
      bootMedia: 'disk',
      corruptPartitionTable: ['ad0', 're1:ad1'],
      connectedLcc: [0, 2],
      insertedMedia: ['usb'],
    });
  });

  for (const [key, value, msg] of [
    ['memory-mb', -5, 'devices[0].memory-mb: expected a positive integer'],
    ['memory-mb', '512', 'devices[0].memory-mb: expected a positive integer'],
    ['mirror-flash-on-disk', 'yes', 'devices[0].mirror-flash-on-disk: expected true or false'],
    ['boot-media', 'usb', 'devices[0].boot-media: expected flash or disk'],
    ['connected-lcc', [4], 'devices[0].connected-lcc[0]: expected an LCC slot from 0 through 3'],
    ['inserted-media', ['floppy'], 'devices[0].inserted-media[0]: expected one of usb, removable-compact-flash'],
    ['software-version', 'latest', 'devices[0].software-version: expected a Junos release such as 18.4R3.3'],
    ['corrupt-partition-table', 'ad0', 'devices[0].corrupt-partition-table: expected a list'],
  ] as const) {
    it(`refuses ${key}: ${JSON.stringify(value)} naming the key`, () => {
      expect(() => parseDeviceSettings({ [key]: value }, 'devices[0]')).to.throw(msg);
    });
  }

  it('maps profiles to platforms and builds each', () => {
    expect(PROFILE_NAMES.slice(0, 4).map(platformOf)).to.deep.equal(['mx', 'txmatrix', 'txmatrix-plus', 'j-series']);
    expect(PROFILE_NAMES.slice(4).map(platformOf)).to.deep.equal(['mx', 'mx', 'mx', 'mx', 'mx', 'ex', 'srx-branch', 'srx-branch']);
    expect(DeviceModel.create('ex4300-vc').routingEngines().map((r) => r.name)).to.deep.equal(['fpc0', 'fpc1']);
    expect(DeviceModel.create('srx300-cluster').routingEngines().map((r) => r.name)).to.deep.equal(['node0', 'node1']);
    expect(DeviceModel.create('mx80').routingEngines().map((r) => r.name)).to.deep.equal(['re0']);
    expect(DeviceModel.create('mx960').routingEngines().map((r) => r.name)).to.deep.equal(['re0', 're1']);
    expect(DeviceModel.create('txmatrix').routingEngines().map((r) => r.name)).to.include.members(['scc-re0', 'lcc3-re1']);
    expect(DeviceModel.create('txmatrix-plus').routingEngines().map((r) => r.name)).to.include.members(['sfc0-re0', 'lcc0-re1']);
    expect(DeviceModel.create('j2350').routingEngines().map((r) => r.name)).to.deep.equal(['re0']);
    expect(DeviceModel.create('txmatrix').settings.connectedLcc).to.deep.equal([0, 2]);
  });

  it('updateSettings changes live state; re-applying the same value has no side effect', () => {
    const m = DeviceModel.create('mx960');
    m.updateSettings({ corruptPartitionTable: ['hard-disk'] });
    expect(m.routingEngine('re0')!.media.find((x) => x.device === 'ad1')!.corrupt).to.equal(true);
    m.routingEngine('re0')!.media.find((x) => x.device === 'ad1')!.corrupt = false; // repaired
    m.updateSettings({ corruptPartitionTable: ['hard-disk'] });
    expect(m.routingEngine('re0')!.media.find((x) => x.device === 'ad1')!.corrupt).to.equal(false);
    m.updateSettings({ softwareVersion: '19.1R1.6' });
    expect(m.routingEngine('re1')!.running.version).to.equal('19.1R1.6');
  });

  it('corrupt-partition-table entries can name one RE', () => {
    const m = DeviceModel.create('mx960', { corruptPartitionTable: ['re1:ad1'] });
    expect(m.routingEngine('re0')!.media.find((x) => x.device === 'ad1')!.corrupt).to.equal(false);
    expect(m.routingEngine('re1')!.media.find((x) => x.device === 'ad1')!.corrupt).to.equal(true);
  });
});
