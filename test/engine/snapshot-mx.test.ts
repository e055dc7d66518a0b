/** request-snapshot on M/MX and the routing matrix: options, errors, state. */
import { expect } from 'chai';
import { handler as snap } from '../../rpc/request-snapshot.js';
import { handler as info } from '../../rpc/get-snapshot-information.js';
import { planSnapshot, plannedDurationMs } from '../../src/engine/index.js';
import { snapshotOptions } from '../../src/grammar/request-snapshot.js';
import { fakeContext, fakeDevice, op } from '../support/fake-context.js';
import { rpcErrors } from '../support/expect-rpc-error.js';
import { SAMPLE_1, SAMPLE_2, outputText } from '../support/spec-samples.js';
import type { FakeDevice } from '../support/fake-context.js';

const body = (r: unknown): string => (r as { body: string }).body;
const text = (dev: FakeDevice, leaves: Record<string, string | true> = {}, re = 're0') =>
  Promise.resolve(snap.handle(op('request-snapshot', leaves), fakeContext(dev, { format: 'text', routingEngine: re }))).then(outputText);

describe('request-snapshot on mx960', () => {
  it('copies the primary to the alternate: version, configuration and creation date', async () => {
    const dev = fakeDevice('mx960');
    const re0 = dev.model.routingEngine('re0')!;
    const ad1 = () => re0.media.find((m) => m.device === 'ad1')!;
    expect(ad1().partitions![0]!.content!.version).to.equal('9.2R3.5');
    const before = dev.clock.now();
    await text(dev);
    const root = ad1().partitions!.find((p) => p.role === 'root')!;
    const config = ad1().partitions!.find((p) => p.role === 'config')!;
    expect(root.content!.version).to.equal('9.3R4.4');
    expect(root.content!.config).to.equal(re0.running.config);
    expect(config.content!.config).to.equal(re0.running.config);
    expect(root.content!.created).to.be.greaterThan(before);
    // The other RE is untouched.
    expect(dev.model.routingEngine('re1')!.media[1]!.partitions![0]!.content!.version).to.equal('9.2R3.5');
    const shown = outputText(await info.handle(op('get-snapshot-information'), fakeContext(dev, { format: 'text' })));
    expect(shown).to.include('Information for snapshot on      hard-disk (/dev/ad1s1a) (backup)\n');
    expect(shown).to.not.include('9.2R3.5');
  });

  it('derives the umount notices from the mount state of the alternates', async () => {
    const dev = fakeDevice('mx960');
    dev.model.setAlternateMounted('re0', '/altroot', true);
    expect(await text(dev)).to.equal(SAMPLE_1.replace('umount: /altroot: not currently mounted\n', ''));
    // The snapshot leaves the alternates unmounted, so the next run prints both notices.
    expect(await text(dev)).to.equal(SAMPLE_1);
  });

  it('runs on the RE the session is logged in to', async () => {
    const dev = fakeDevice('mx960');
    await text(dev, {}, 're1');
    expect(dev.model.routingEngine('re1')!.media[1]!.partitions![0]!.content!.version).to.equal('9.3R4.4');
    expect(dev.model.routingEngine('re0')!.media[1]!.partitions![0]!.content!.version).to.equal('9.2R3.5');
  });

  it('XML: flat siblings in CLI order inside <snapshot-information>, no namespace (as Junos shows data elements)', async () => {
    const dev = fakeDevice('mx960');
    const r = await snap.handle(op('request-snapshot'), fakeContext(dev));
    expect(body(r)).to.equal(
      [
        '<snapshot-information>',
        '<inform>',
        '<source-daemon>umount</source-daemon>',
        '<message>/altroot: not currently mounted</message>',
        '</inform>',
        '<snapshot-copy>',
        '<source-directory>/</source-directory>',
        '<destination-directory>/altroot</destination-directory>',
        '</snapshot-copy>',
        '<inform>',
        '<source-daemon>umount</source-daemon>',
        '<message>/altconfig: not currently mounted</message>',
        '</inform>',
        '<snapshot-copy>',
        '<source-directory>/config</source-directory>',
        '<destination-directory>/altconfig</destination-directory>',
        '</snapshot-copy>',
        '<archived-directory-list>',
        '<directory-name>/</directory-name>',
        '<directory-name>/config</directory-name>',
        '</archived-directory-list>',
        '</snapshot-information>',
        '',
      ].join('\n'),
    );
  });

  it('JSON: Junos style; consecutive siblings share a key, a name that comes back repeats the key', async () => {
    const dev = fakeDevice('mx960');
    const r = await snap.handle(op('request-snapshot'), fakeContext(dev, { format: 'json', minified: true }));
    const raw = body(r);
    // inform, snapshot-copy, inform, snapshot-copy: each key twice, in document order (ansible-junos-stdlib#401).
    expect([...raw.matchAll(/"(inform|snapshot-copy|archived-directory-list)":/g)].map((m) => m[1])).to.deep.equal([
      'inform',
      'snapshot-copy',
      'inform',
      'snapshot-copy',
      'archived-directory-list',
    ]);
    expect(raw).to.include('"inform":[{"source-daemon":[{"data":"umount"}],"message":[{"data":"/altroot: not currently mounted"}]}]');
    // A JSON parser keeps the last of repeated keys, as it does on a real box.
    const j = JSON.parse(raw) as Record<string, Array<Record<string, unknown>>>;
    const si = j['snapshot-information']![0]!;
    expect(si['inform']).to.deep.equal([{ 'source-daemon': [{ data: 'umount' }], message: [{ data: '/altconfig: not currently mounted' }] }]);
    expect(si['archived-directory-list']).to.deep.equal([{ 'directory-name': [{ data: '/' }, { data: '/config' }] }]);
  });

  it('partition when booted from flash is refused clearly, nothing changes', async () => {
    const dev = fakeDevice('mx960');
    const before = JSON.stringify(dev.model.toJSON());
    const errs = await rpcErrors(text(dev, { partition: true }));
    expect(errs[0]!.message).to.equal(
      'The partition option is only supported for restoring the software image from the hard drive to the flash drive; re0 booted from the flash drive.',
    );
    expect(JSON.stringify(dev.model.toJSON())).to.equal(before);
  });

  it('a corrupted partition table fails with errors; partition repartitions and succeeds', async () => {
    const dev = fakeDevice('mx960', { bootMedia: 'disk', corruptPartitionTable: ['ad0'] });
    const errs = await rpcErrors(text(dev));
    expect(errs.map((e) => e.message)).to.deep.equal([
      'Snapshot failed: the partition table on ad0 (flash drive) is corrupted.',
      "Use 'request system snapshot partition' to repartition ad0.",
    ]);
    expect(errs.every((e) => e.severity === 'error')).to.equal(true);
    expect(await text(dev, { partition: true })).to.equal(SAMPLE_2);
    const ad0 = dev.model.routingEngine('re0')!.media.find((m) => m.device === 'ad0')!;
    expect(ad0.corrupt).to.equal(false);
    expect(ad0.partitions![0]!.content!.version).to.equal('9.3R4.4');
    expect(await text(dev)).to.equal(SAMPLE_1);
  });

  it('a corrupted hard disk while booted from flash cannot be repaired with partition', async () => {
    const dev = fakeDevice('mx960', { corruptPartitionTable: ['hard-disk'] });
    const errs = await rpcErrors(text(dev));
    expect(errs[0]!.message).to.equal('Snapshot failed: the partition table on ad1 (hard disk) is corrupted.');
    expect(errs[1]!.message).to.match(/only supported for restoring the software image from the hard drive to the flash drive, so it cannot repair ad1/);
  });

  for (const [leaf, value] of [
    ['media', 'usb'],
    ['factory', true],
    ['as-primary', true],
    ['config-size', '10'],
    ['all-lcc', true],
    ['lcc', '0'],
    ['scc', true],
    ['sfc', '0'],
    ['bogus', true],
  ] as const) {
    it(`refuses ${leaf} on mx960 as a syntax error naming it`, async () => {
      const errs = await rpcErrors(text(fakeDevice('mx960'), { [leaf]: value }));
      expect(errs[0]!.message).to.equal('syntax error');
      expect(errs[0]!.info).to.deep.equal([['bad-element', leaf]]);
    });
  }

  it('a snapshot takes virtual time from data size and medium speed (~2 minutes to the hard disk)', () => {
    const dev = fakeDevice('mx960');
    const { plans } = planSnapshot(dev.model, 're0', snapshotOptions(new Map()));
    const ms = plannedDurationMs(plans);
    // 740 MB root + 8 MB config at 6 MB/s.
    expect(ms).to.equal(Math.ceil((740 / 6) * 1000) + Math.ceil((8 / 6) * 1000));
  });
});

describe('request-snapshot on the routing matrix', () => {
  const DASHES = '-'.repeat(74);
  const section = (name: string): string =>
    `${name}:\n${DASHES}\nCopying '/' to '/altroot' .. (this may take a few minutes)\nCopying '/config' to '/altconfig' .. (this may take a few minutes)\nThe following filesystems were archived: / /config\n`;

  it('no option backs up every master RE of the matrix (switch chassis and connected LCCs)', async () => {
    const dev = fakeDevice('txmatrix');
    expect(await text(dev)).to.equal([section('scc-re0'), section('lcc0-re0'), section('lcc2-re0')].join('\n'));
  });

  it('issued on the backup RE, backs up the backup REs', async () => {
    const dev = fakeDevice('txmatrix');
    expect(await text(dev, { 'all-chassis': true }, 're1')).to.equal([section('scc-re1'), section('lcc0-re1'), section('lcc2-re1')].join('\n'));
    expect(dev.model.routingEngine('lcc0-re1')!.media[1]!.partitions![0]!.content!.version).to.equal('11.4R13.5');
    expect(dev.model.routingEngine('lcc0-re0')!.media[1]!.partitions![0]!.content!.version).to.equal('10.4R16.7');
  });

  it('scc alone is a plain single-target reply', async () => {
    expect(await text(fakeDevice('txmatrix'), { scc: true })).to.equal(section('x').split('\n').slice(2).join('\n'));
  });

  it('lcc N that is not connected gets a per-target xnm:error', async () => {
    const dev = fakeDevice('txmatrix');
    expect(await text(dev, { lcc: '1' })).to.equal(`lcc1-re0:\n${DASHES}\nerror: lcc1 is not connected to the routing matrix\n`);
    const r = await snap.handle(op('request-snapshot', { lcc: '1' }), fakeContext(dev));
    expect(body(r)).to.include(
      '<re-name>lcc1-re0</re-name>\n<xnm:error xmlns="http://xml.juniper.net/xnm/1.1/xnm" xmlns:xnm="http://xml.juniper.net/xnm/1.1/xnm">\n<message>lcc1 is not connected to the routing matrix</message>\n</xnm:error>',
    );
    expect(await text(dev, { lcc: '2' })).to.equal(section('lcc2-re0'));
  });

  it('a per-target failure leaves the other targets done', async () => {
    const dev = fakeDevice('txmatrix', { corruptPartitionTable: ['lcc2-re0:ad1'] });
    const out = await text(dev, { 'all-lcc': true });
    expect(out).to.equal(
      section('lcc0-re0') +
        `\nlcc2-re0:\n${DASHES}\nerror: Snapshot failed: the partition table on ad1 (hard disk) is corrupted.\n` +
        'error: The partition option is only supported for restoring the software image from the hard drive to the flash drive, so it cannot repair ad1.\n',
    );
    expect(dev.model.routingEngine('lcc0-re0')!.media[1]!.partitions![0]!.content!.version).to.equal('11.4R13.5');
    expect(dev.model.routingEngine('lcc2-re0')!.media[1]!.partitions![0]!.content!.version).to.equal('10.4R16.7');
  });

  it('XML multi-RE results name each target', async () => {
    const r = await snap.handle(op('request-snapshot', { 'all-lcc': true }), fakeContext(fakeDevice('txmatrix')));
    const b = body(r);
    expect(b.startsWith('<multi-routing-engine-results>\n<multi-routing-engine-item>\n<re-name>lcc0-re0</re-name>\n<snapshot-information>\n')).to.equal(true);
    expect(b.match(/<multi-routing-engine-item>/g)).to.have.length(2);
  });

  it('lcc must be 0 through 3; scc is TX Matrix only; sfc is TX Matrix Plus only and 0 only', async () => {
    expect((await rpcErrors(text(fakeDevice('txmatrix'), { lcc: '4' })))[0]!.message).to.equal('Value 4 is not within range (0..3)');
    expect((await rpcErrors(text(fakeDevice('txmatrix'), { sfc: '0' })))[0]!.info).to.deep.equal([['bad-element', 'sfc']]);
    expect((await rpcErrors(text(fakeDevice('txmatrix-plus'), { scc: true })))[0]!.info).to.deep.equal([['bad-element', 'scc']]);
    expect((await rpcErrors(text(fakeDevice('txmatrix-plus'), { sfc: '1' })))[0]!.message).to.equal('Value 1 is not within range (0..0)');
    expect((await rpcErrors(text(fakeDevice('txmatrix'), { 'all-lcc': true, scc: true })))[0]!.message).to.match(/conflicts/);
    expect((await rpcErrors(text(fakeDevice('txmatrix'), { media: 'usb' })))[0]!.info).to.deep.equal([['bad-element', 'media']]);
  });

  it('TX Matrix Plus: sfc 0 and all-lcc with T1600 LCC names', async () => {
    const dev = fakeDevice('txmatrix-plus');
    expect(await text(dev, { sfc: '0' })).to.equal(section('x').split('\n').slice(2).join('\n'));
    expect(await text(dev, { 'all-lcc': true })).to.equal([section('lcc0-re0'), section('lcc2-re0')].join('\n'));
    expect(dev.model.routingEngine('sfc0-re0')!.media[1]!.partitions![0]!.content!.version).to.equal('15.1R7.9');
  });

  it('no connected LCC: all-lcc is refused clearly', async () => {
    const errs = await rpcErrors(text(fakeDevice('txmatrix', { connectedLcc: [] }), { 'all-lcc': true }));
    expect(errs[0]!.message).to.equal('No line-card chassis is connected to the routing matrix.');
  });
});
