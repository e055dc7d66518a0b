/**
 * EX4300 virtual chassis on 15.1R6.7: per-member output under `fpcN:`
 * headers (the EX2200 capture), `show system snapshot` wrapped in multi-RE
 * results with the padded medium (#922), the virtual-chassis facts.
 */
import { expect } from 'chai';
import { virtualChassis } from '../../rpc/chassis-cluster.js';
import { EX4300_MEDIUM_PRIMARY, EX_SLICE_ALTERNATE, SLICE_ALTERNATE, VC_MEMBER_ELEMENTS } from './captures.js';
import { bodyOf, call, childNames, device, refusal, showSnapshot, snapshot, textOf } from './support.js';

const DASHES = '-'.repeat(74);

describe('release: EX4300 virtual chassis', () => {
  it('slice alternate is the EX2200 capture: fpc0 header, then the branch text', async () => {
    expect(textOf(await snapshot(device('ex4300-vc'), { slice: 'alternate' }))).to.equal(EX_SLICE_ALTERNATE);
  });

  it('all-members and member 1 run on those members; the backup member answers for itself', async () => {
    const dev = device('ex4300-vc');
    expect(textOf(await snapshot(dev, { slice: 'alternate', 'all-members': true }))).to.equal(`${EX_SLICE_ALTERNATE}\nfpc1:\n${DASHES}\n${SLICE_ALTERNATE}`);
    expect(textOf(await snapshot(dev, { member: '1' }))).to.equal(`fpc1:\n${DASHES}\n${SLICE_ALTERNATE}`);
    expect(textOf(await snapshot(dev, {}, 'text', 're1'))).to.equal(`fpc1:\n${DASHES}\n${SLICE_ALTERNATE}`);
    expect((await refusal(snapshot(dev, { member: '5' }))).message).to.equal('member 5 is not present');
  });

  it('show system snapshot: multi-routing-engine results even without all-members, the medium padded as #922 shows it', async () => {
    const xml = bodyOf(await showSnapshot(device('ex4300-vc'), {}, 'xml'));
    expect(xml.startsWith('<multi-routing-engine-results>\n<multi-routing-engine-item>\n<re-name>fpc0</re-name>\n<snapshot-information>\n')).to.equal(true);
    expect(xml).to.include(`<snapshot-medium>${EX4300_MEDIUM_PRIMARY}</snapshot-medium>`);
    expect(xml).to.include('<package-name>junos</package-name>\n<package-version>ex-15.1R6.7</package-version>');
  });

  it('media internal|external; external is the USB stick, partitioned on first use', async () => {
    const dev = device('ex4300-vc', { insertedMedia: ['usb'] });
    const text = textOf(await snapshot(dev, { media: 'external' }));
    expect(text).to.include('Partitioning external media (/dev/da1) ...').and.include("Copying '/dev/da0s1a' to '/dev/da1s1a'");
    expect(await refusal(snapshot(device('ex4300-vc'), { media: 'usb' }))).to.deep.equal({ message: 'media usb is not supported on this platform: use internal or external', bad: 'usb' });
    expect(await refusal(snapshot(device('ex4300-vc'), { 'routing-engine': 'both' }))).to.deep.equal({ message: 'syntax error', bad: 'routing-engine' });
  });

  it('get-virtual-chassis-information: both members with the fixture\'s elements, member 0 master', async () => {
    const xml = bodyOf(await call(virtualChassis, device('ex4300-vc')));
    expect(childNames(xml, 'virtual-chassis-information')).to.deep.equal(['preprovisioned-virtual-chassis-information', 'member-list']);
    expect(childNames(xml, 'member')).to.deep.equal(VC_MEMBER_ELEMENTS);
    expect([...xml.matchAll(/<member-role>([^<]+)</g)].map((m) => m[1])).to.deep.equal(['Master*', 'Backup']);
  });
});
