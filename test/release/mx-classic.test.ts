/**
 * MX80 / MX104 on FreeBSD-6 Junos (15.1): the snapshot text and the old
 * `show system snapshot` form byte for byte against the captures, the
 * show version package list element for element.
 */
import { expect } from 'chai';
import { handler as softwareInformation } from '../../rpc/get-software-information.js';
import { MX80_SHOW_SNAPSHOT, MX80_SNAPSHOT, MX80_SNAPSHOT_DATE, MX80_VERSION_COMMENTS } from './captures.js';
import { bodyOf, call, device, refusal, showSnapshot, snapshot, textOf } from './support.js';

describe('release: MX80/MX104 (FreeBSD-6 Junos on PowerPC)', () => {
  it('mx80 15.1R7.8: request system snapshot is the capture, byte for byte', async () => {
    expect(textOf(await snapshot(device('mx80')))).to.equal(MX80_SNAPSHOT);
  });

  it('mx80 15.1R6.7: show system snapshot is the README capture, byte for byte', async () => {
    const dev = device('mx80', { softwareVersion: '15.1R6.7' });
    const backup = dev.model.routingEngine('re0')!.media[1]!.partitions![0]!;
    backup.content = { version: '15.1R6.7', config: null, created: MX80_SNAPSHOT_DATE, factory: false };
    expect(textOf(await showSnapshot(dev))).to.equal(MX80_SHOW_SNAPSHOT);
    // XML: the flat slice elements, the medium as the text names it.
    const xml = bodyOf(await showSnapshot(dev, {}, 'xml'));
    expect(xml).to.match(/^<snapshot-information>\n<snapshot-medium>internal \(da1s1\)<\/snapshot-medium>\n<creation-date>Aug 8 09:58:12 2017<\/creation-date>\n<software-version>\n/);
  });

  it('show version: the capture\'s packages in its order, each with the release; Junos: line from 15.1', async () => {
    const text = textOf(await call(softwareInformation, device('mx80'), {}, 'text'));
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).to.deep.equal(['Hostname: r1', 'Model: mx80', 'Junos: 15.1R7.8']);
    expect(lines.slice(3, -1)).to.deep.equal(MX80_VERSION_COMMENTS.map((c) => `${c} [15.1R7.8]`));
    const mx104 = bodyOf(await call(softwareInformation, device('mx104'), {}));
    expect(mx104).to.include('<comment>JUNOS Packet Forwarding Engine Support (MX104) [15.1R7.8]</comment>');
    expect(mx104.startsWith('<software-information>\n')).to.equal(true);
  });

  it('config-partition / root-partition from 13.1: one file system archived; before 13.1 a syntax error', async () => {
    const text = textOf(await snapshot(device('mx80'), { 'config-partition': true }));
    expect(text).to.equal(
      [MX80_SNAPSHOT.split('\n')[0], MX80_SNAPSHOT.split('\n')[2], MX80_SNAPSHOT.split('\n')[4], 'The following filesystems were archived: /config', ''].join('\n'),
    );
    expect(await refusal(snapshot(device('mx80', { softwareVersion: '12.3R12.4' }), { 'config-partition': true }))).to.deep.equal({ message: 'syntax error', bad: 'config-partition' });
    expect(await refusal(snapshot(device('mx80'), { recovery: true }))).to.deep.equal({ message: 'syntax error', bad: 'recovery' });
  });

  it('mx104 has two REs: re1 and routing-engine both; mx80 has one', async () => {
    const both = textOf(await snapshot(device('mx104'), { 'routing-engine': 'both' }));
    expect(both.split('\n').filter((l) => /^re[01]:$/.test(l))).to.deep.equal(['re0:', 're1:']);
    expect(await refusal(snapshot(device('mx80'), { re1: true }))).to.deep.equal({ message: 're1 is not present in this chassis', bad: 're1' });
  });
});
