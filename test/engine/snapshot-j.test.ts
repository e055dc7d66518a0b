/** request-snapshot on J Series: media, factory, as-primary, partition sizes. */
import { expect } from 'chai';
import { handler as snap } from '../../rpc/request-snapshot.js';
import { handler as info } from '../../rpc/get-snapshot-information.js';
import { jSeriesSizes } from '../../src/engine/j-layout.js';
import { fakeContext, fakeDevice, op } from '../support/fake-context.js';
import { rpcErrors } from '../support/expect-rpc-error.js';
import { outputText } from '../support/spec-samples.js';
import type { FakeDevice } from '../support/fake-context.js';

const text = (dev: FakeDevice, leaves: Record<string, string | true> = {}) =>
  Promise.resolve(snap.handle(op('request-snapshot', leaves), fakeContext(dev, { format: 'text' }))).then(outputText);
const show = (dev: FakeDevice, leaves: Record<string, string | true> = {}) =>
  Promise.resolve(info.handle(op('get-snapshot-information', leaves), fakeContext(dev, { format: 'text' }))).then(outputText);

const TABLE_HEAD = 'Partitions on snapshot:\n\n  Partition  Mountpoint  Size    Snapshot argument\n';
const COPIES = [
  "Copying '/dev/ad0s1a' to '/dev/da0s1a' .. (this may take a few minutes)",
  "Copying '/dev/ad0s2a' to '/dev/da0s2a' .. (this may take a few minutes)",
  "Copying '/dev/ad0s3e' to '/dev/da0s3e' .. (this may take a few minutes)",
  "Copying '/dev/ad0s3f' to '/dev/da0s3f' .. (this may take a few minutes)",
  'The following filesystems were archived: / /altroot /config /var',
  '',
].join('\n');

describe('request-snapshot on j2350', () => {
  it('no option: the alternate root slice of the internal compact flash', async () => {
    const dev = fakeDevice('j2350');
    expect(await text(dev)).to.equal(
      "Formatting alternate root (/dev/ad0s2a)...\nCopying '/dev/ad0s1a' to '/dev/ad0s2a' .. (this may take a few minutes)\nThe following filesystems were archived: /\n",
    );
    const shown = await show(dev);
    expect(shown).to.match(/^Information for snapshot on       internal \(\/dev\/ad0s1a\) \(primary\)\nCreation date: .*\nJUNOS version on snapshot:\n  junos  : 12\.3R12\.4\n/);
    expect(shown).to.include('Information for snapshot on       internal (/dev/ad0s2a) (backup)\n');
    expect(shown).to.not.include('11.4R11.4');
    expect(await text(dev, { media: 'compact-flash', slice: 'alternate' })).to.include("to '/dev/ad0s2a'");
  });

  it('media usb with config-size: partitions, prints the table naming the option, copies, archives', async () => {
    const dev = fakeDevice('j2350', { insertedMedia: ['usb'] });
    const out = await text(dev, { media: 'usb', 'config-size': '64' });
    // 2048 MB medium, 512 MB memory: swap 170, config 64, root (2048-64-170)/3 = 604, var the rest.
    expect(out).to.equal(
      'Clearing current label...\nPartitioning usb media (/dev/da0) ...\n' +
        TABLE_HEAD +
        '      s1a    /           604M    none\n' +
        '      s1b    swap        170M    none\n' +
        '      s2a    /altroot    604M    none\n' +
        '      s3e    /config     64M     config-size\n' +
        '      s3f    /var        606M    none\n' +
        COPIES,
    );
    const usb = dev.model.routingEngine('re0')!.media.find((m) => m.kind === 'usb')!;
    expect(usb.partitions!.find((p) => p.slice === 's3e')!.sizeMb).to.equal(64);
    expect(usb.partitions!.find((p) => p.slice === 's1a')!.content!.version).to.equal('12.3R12.4');
    expect(await show(dev, { media: 'usb' })).to.include('Information for snapshot on            usb (/dev/da0s1a) (primary)\n');
  });

  it('every size option is named in the table; data-size adds /data', async () => {
    const dev = fakeDevice('j2350', { insertedMedia: ['removable-compact-flash'] });
    const out = await text(dev, { media: 'removable-compact-flash', 'root-size': '200', 'swap-size': '100', 'config-size': '40', 'data-size': '50' });
    expect(out).to.include(
      TABLE_HEAD +
        '      s1a    /           200M    root-size\n' +
        '      s1b    swap        100M    swap-size\n' +
        '      s2a    /altroot    200M    root-size\n' +
        '      s3e    /config     40M     config-size\n' +
        '      s3f    /var        434M    none\n' +
        '      s4d    /data       50M     data-size\n',
    );
    expect(out).to.include('Partitioning removable-compact-flash media (/dev/ad2) ...\n');
  });

  it('spec defaults from physical memory and medium size', () => {
    expect(jSeriesSizes(2048, 512, new Map())).to.deep.equal({ config: 51, data: 0, swap: 170, root: 609, var: 609 });
    expect(jSeriesSizes(2048, 1024, new Map())).to.deep.equal({ config: 102, data: 0, swap: 341, root: 535, var: 535 });
    // A boot medium of 128 MB or less gets no swap.
    expect(jSeriesSizes(128, 512, new Map()).swap).to.equal(0);
    // memory-mb drives the defaults.
    const dev = fakeDevice('j2350', { insertedMedia: ['usb'], memoryMb: 1024 });
    return text(dev, { media: 'usb', partition: true }).then((out) => {
      expect(out).to.include('      s3e    /config     102M    none\n');
      expect(out).to.include('      s1b    swap        341M    none\n');
    });
  });

  it('sizes that do not fit, or are too small for the software, are refused', async () => {
    const dev = fakeDevice('j2350', { insertedMedia: ['usb'] });
    const big = await rpcErrors(text(dev, { media: 'usb', 'data-size': '4000' }));
    expect(big[0]!.message).to.match(/^Snapshot not possible: partition sizes do not fit on usb media \(2048 MB\)/);
    expect(big[0]!.info).to.deep.equal([['bad-element', 'data-size']]);
    const small = await rpcErrors(text(dev, { media: 'usb', 'root-size': '100' }));
    expect(small[0]!.message).to.equal('Snapshot not possible: root-size 100 MB is too small for the software image (180 MB).');
    const nan = await rpcErrors(text(dev, { media: 'usb', 'swap-size': 'lots' }));
    expect(nan[0]!.message).to.equal("invalid value 'lots' for swap-size: expected a number");
    expect(dev.model.routingEngine('re0')!.media.find((m) => m.kind === 'usb')!.partitions).to.equal(null);
  });

  it('a medium that is not inserted is refused', async () => {
    const errs = await rpcErrors(text(fakeDevice('j2350'), { media: 'usb' }));
    expect(errs[0]!.message).to.equal('media usb is not present: no device is inserted in the USB port.');
    const errs2 = await rpcErrors(text(fakeDevice('j2350'), { 'as-primary': true }));
    expect(errs2[0]!.message).to.match(/^media removable-compact-flash is not present/);
  });

  it('other values of the Junos media enumeration are refused on J Series', async () => {
    for (const m of ['hard-disk', 'internal', 'external', 'usb0', 'usb1']) {
      const errs = await rpcErrors(text(fakeDevice('j2350'), { media: m }));
      expect(errs[0]!.info).to.deep.equal([['bad-element', m]]);
      expect(errs[0]!.message).to.include('not supported on this platform');
    }
    expect((await rpcErrors(text(fakeDevice('j2350'), { media: 'floppy' })))[0]!.message).to.equal('syntax error');
  });

  it('as-primary: removable compact flash only; factory files plus rescue configuration; primary-only medium', async () => {
    const dev = fakeDevice('j2350', { insertedMedia: ['removable-compact-flash', 'usb'] });
    const refused = await rpcErrors(text(dev, { media: 'usb', 'as-primary': true }));
    expect(refused[0]!.message).to.equal('as-primary can be used on the removable compact flash only (media removable-compact-flash)');
    const out = await text(dev, { 'as-primary': true });
    expect(out).to.include('Partitioning removable-compact-flash media (/dev/ad2) ...\n');
    expect(out).to.include(
      "Copying '/packages/factory' to '/dev/ad2s1a' .. (this may take a few minutes)\n" +
        "Copying '/config/rescue.conf.gz' to '/dev/ad2s3e' .. (this may take a few minutes)\n" +
        'removable-compact-flash media can now boot only from the primary compact flash slot\n' +
        'The following filesystems were archived: / /config\n',
    );
    const rcf = dev.model.routingEngine('re0')!.media.find((m) => m.kind === 'removable-compact-flash')!;
    expect(rcf.primaryOnly).to.equal(true);
    expect(rcf.partitions!.find((p) => p.slice === 's1a')!.content).to.include({ version: '10.4R3.4', factory: true, config: 're0-rescue-r1' });
  });

  it('factory without a rescue configuration copies the factory files only', async () => {
    const dev = fakeDevice('j2350', { insertedMedia: ['usb'] });
    dev.model.setRescueConfig('re0', null);
    const out = await text(dev, { media: 'usb', factory: true });
    expect(out).to.include("Copying '/packages/factory' to '/dev/da0s1a' ..");
    expect(out).to.not.include('rescue');
    expect(out).to.match(/The following filesystems were archived: \/\n$/);
  });

  it('options that partition cannot target the boot compact flash', async () => {
    for (const leaves of [{ partition: true }, { 'root-size': '300' }, { media: 'compact-flash', factory: true }] as Array<Record<string, string | true>>) {
      const errs = await rpcErrors(text(fakeDevice('j2350'), leaves));
      expect(errs[0]!.message).to.match(/partitions the target medium, and compact-flash is the boot medium in use/);
    }
  });

  it('a corrupted removable medium fails until repartitioned', async () => {
    const dev = fakeDevice('j2350', { insertedMedia: ['usb'] });
    await text(dev, { media: 'usb' }); // labels it
    dev.model.updateSettings({ corruptPartitionTable: ['usb'] });
    const errs = await rpcErrors(text(dev, { media: 'usb' }));
    expect(errs.map((e) => e.message)).to.deep.equal([
      'Snapshot failed: the partition table on usb media (/dev/da0) is corrupted.',
      "Use 'request system snapshot media usb partition' to repartition it.",
    ]);
    expect(await text(dev, { media: 'usb', partition: true })).to.match(/^Clearing current label\.\.\./);
    expect(await text(dev, { media: 'usb' })).to.equal(COPIES);
  });

  it('routing-matrix selectors are a syntax error on J Series', async () => {
    for (const leaf of ['all-lcc', 'all-chassis', 'scc']) {
      const errs = await rpcErrors(text(fakeDevice('j2350'), { [leaf]: true }));
      expect(errs[0]!.message).to.equal('syntax error');
      expect(errs[0]!.info).to.deep.equal([['bad-element', leaf]]);
    }
  });

  it('mirror-flash-on-disk refuses on every platform', async () => {
    const errs = await rpcErrors(text(fakeDevice('j2350', { mirrorFlashOnDisk: true })));
    expect(errs[0]!.message).to.equal('Snapshot is not possible since mirror-flash-on-disk is configured.');
  });
});
