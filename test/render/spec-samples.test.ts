/**
 * The four samples of the product spec, byte for byte, through the handler
 * with format="text" (the <output> text) and through the text renderer.
 */
import { expect } from 'chai';
import { handler as requestSnapshot } from '../../rpc/request-snapshot.js';
import { RpcError } from '../../src/xml/rpc-error.js';
import { fakeContext, fakeDevice, op } from '../support/fake-context.js';
import type { RpcReply } from '../../rpc/types.js';

export const SAMPLE_1 = [
  'umount: /altroot: not currently mounted',
  'Copying / to /altroot.. (this may take a few minutes)',
  'umount: /altconfig: not currently mounted',
  'Copying /config to /altconfig.. (this may take a few minutes)',
  'The following filesystems were archived: / /config',
  '',
].join('\n');

export const SAMPLE_2 = [
  'Performing preliminary partition checks ...',
  'Partitioning ad0 ...',
  'umount: /altroot: not currently mounted',
  'Copying / to /altroot.. (this may take a few minutes)',
  'The following filesystems were archived: / /config',
  '',
].join('\n');

export const SAMPLE_3 = 'Snapshot is not possible since mirror-flash-on-disk is configured.';

const DASHES = '-'.repeat(74);
export const SAMPLE_4 = [
  'lcc0-re0:',
  DASHES,
  "Copying '/' to '/altroot' .. (this may take a few minutes)",
  "Copying '/config' to '/altconfig' .. (this may take a few minutes)",
  'The following filesystems were archived: / /config',
  '',
  'lcc2-re0:',
  DASHES,
  "Copying '/' to '/altroot' .. (this may take a few minutes)",
  "Copying '/config' to '/altconfig' .. (this may take a few minutes)",
  'The following filesystems were archived: / /config',
  '',
].join('\n');

export function outputText(reply: RpcReply): string {
  expect(reply.kind).to.equal('body');
  const body = (reply as { body: string }).body;
  const m = /^<output>([\s\S]*)<\/output>\n$/.exec(body);
  expect(m, body).to.not.equal(null);
  return m![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('spec samples (request system snapshot, format text)', () => {
  it('sample 1: no option on mx960', async () => {
    const dev = fakeDevice('mx960');
    const reply = await requestSnapshot.handle(op('request-snapshot'), fakeContext(dev, { format: 'text' }));
    expect(outputText(reply)).to.equal(SAMPLE_1);
    expect(dev.persists).to.equal(1);
  });

  it('sample 2: partition when booted from the hard disk', async () => {
    const dev = fakeDevice('mx960', { bootMedia: 'disk' });
    const reply = await requestSnapshot.handle(op('request-snapshot', { partition: true }), fakeContext(dev, { format: 'text' }));
    expect(outputText(reply)).to.equal(SAMPLE_2);
  });

  it('sample 3: mirror-flash-on-disk refuses with exactly the spec text and changes nothing', async () => {
    const dev = fakeDevice('mx960', { mirrorFlashOnDisk: true });
    const before = JSON.stringify(dev.model.toJSON());
    let err: unknown;
    try {
      await requestSnapshot.handle(op('request-snapshot'), fakeContext(dev, { format: 'text' }));
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(RpcError);
    const errors = (err as RpcError).errors;
    expect(errors).to.have.length(1);
    expect(errors[0]!.message).to.equal(SAMPLE_3);
    expect(errors[0]!.severity).to.equal('error');
    expect(JSON.stringify(dev.model.toJSON())).to.equal(before);
    expect(dev.persists).to.equal(0);
  });

  it('sample 4: all-lcc on the TX Matrix', async () => {
    const dev = fakeDevice('txmatrix');
    const reply = await requestSnapshot.handle(op('request-snapshot', { 'all-lcc': true }), fakeContext(dev, { format: 'text' }));
    expect(outputText(reply)).to.equal(SAMPLE_4);
  });
});
