/** The routing matrices keep the spec's text; TX Matrix Plus on 15.1 gains config-partition and root-partition (13.1+). */
import { expect } from 'chai';
import { handler as softwareInformation } from '../../rpc/get-software-information.js';
import { TXP_INVOKE_ON_ALL } from './captures.js';
import { bodyOf, call, device, refusal, snapshot, textOf } from './support.js';

const DASHES = '-'.repeat(74);

describe('release: TX Matrix and TX Matrix Plus', () => {
  it('txmatrix-plus 15.1: root-partition and config-partition archive one file system on each chassis', async () => {
    const dev = device('txmatrix-plus');
    const root = textOf(await snapshot(dev, { 'root-partition': true, 'all-lcc': true }));
    const section = (n: string, copy: string, fs: string) => `${n}:\n${DASHES}\n${copy}\nThe following filesystems were archived: ${fs}\n`;
    expect(root).to.equal(
      [section('lcc0-re0', "Copying '/' to '/altroot' .. (this may take a few minutes)", '/'), section('lcc2-re0', "Copying '/' to '/altroot' .. (this may take a few minutes)", '/')].join('\n'),
    );
    const config = textOf(await snapshot(dev, { 'config-partition': true, sfc: '0' }));
    expect(config).to.equal("Copying '/config' to '/altconfig' .. (this may take a few minutes)\nThe following filesystems were archived: /config\n");
    expect((await refusal(snapshot(dev, { 'config-partition': true, 'root-partition': true }))).message).to.match(/conflicts/);
  });

  it('txmatrix 11.4 has neither option; from 13.1 it does', async () => {
    expect(await refusal(snapshot(device('txmatrix'), { 'config-partition': true }))).to.deep.equal({ message: 'syntax error', bad: 'config-partition' });
    expect(textOf(await snapshot(device('txmatrix', { softwareVersion: '13.3R9.13' }), { 'config-partition': true, scc: true }))).to.include('archived: /config');
  });

  it('show version invoke-on all-routing-engines: one item per chassis, its master RE, as the TXP fixture', async () => {
    for (const [profile, want] of [
      ['txmatrix-plus', TXP_INVOKE_ON_ALL],
      // The TX Matrix the same way, with its own chassis names and LCC model.
      ['txmatrix', TXP_INVOKE_ON_ALL.map(([re, m]) => [re.replace('sfc0', 'scc'), m.replace('t1600', 't640')] as const)],
    ] as const) {
      const xml = bodyOf(await call(softwareInformation, device(profile), { 'invoke-on': 'all-routing-engines' }));
      const items = [...xml.matchAll(/<re-name>([^<]+)<\/re-name>\n<software-information>\n<host-name>[^<]*<\/host-name>\n<product-model>([^<]+)<\/product-model>/g)];
      expect(items.map((m) => [m[1], m[2]]), profile).to.deep.equal(want.map(([re, m]) => [re, m]));
    }
  });
});
