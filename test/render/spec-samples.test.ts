/**
 * The four samples of the product spec, byte for byte, through the handler
 * with format="text" (the <output> text) and through the text renderer.
 */
import { expect } from 'chai';
import { handler as requestSnapshot } from '../../rpc/request-snapshot.js';
import { fakeContext, fakeDevice, op } from '../support/fake-context.js';
import { SAMPLE_1, SAMPLE_2, SAMPLE_3, SAMPLE_4, outputText } from '../support/spec-samples.js';
import { rpcErrors } from '../support/expect-rpc-error.js';

describe('spec samples (request system snapshot, format text)', () => {
  it('sample 1: no option on mx960', async () => {
    const dev = fakeDevice('mx960');
    const reply = await requestSnapshot.handle(op('request-snapshot'), fakeContext(dev, { format: 'text' }));
    expect(outputText(reply)).to.equal(SAMPLE_1);
    // The archive is on the alternate media now (the dispatcher makes it durable: test/durability).
    expect(dev.model.routingEngine('re0')!.media[1]!.partitions![0]!.content!.version).to.equal(dev.model.settings.softwareVersion);
  });

  it('sample 2: partition when booted from the hard disk', async () => {
    const dev = fakeDevice('mx960', { bootMedia: 'disk' });
    const reply = await requestSnapshot.handle(op('request-snapshot', { partition: true }), fakeContext(dev, { format: 'text' }));
    expect(outputText(reply)).to.equal(SAMPLE_2);
  });

  it('sample 3: mirror-flash-on-disk refuses with exactly the spec text and changes nothing', async () => {
    const dev = fakeDevice('mx960', { mirrorFlashOnDisk: true });
    const before = JSON.stringify(dev.model.toJSON());
    const errors = await rpcErrors(requestSnapshot.handle(op('request-snapshot'), fakeContext(dev, { format: 'text' })));
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
