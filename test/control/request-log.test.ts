import { expect } from 'chai';
import { RequestLog } from '../../src/control/request-log.js';

describe('request log bounds', () => {
  const entry = (i: number, xml = `<rpc message-id="${i}"><get/></rpc>`) => ({ device: 'r1', session: 1, direction: 'in' as const, xml });

  it('keeps the newest entries, in order, when over capacity', () => {
    const log = new RequestLog({ capacity: 5, virtualNow: () => 0 });
    for (let i = 1; i <= 12; i++) log.add(entry(i));
    expect(log.query().map((e) => e.seq)).to.deep.equal([8, 9, 10, 11, 12]);
    expect(log.query({ since: 10 }).map((e) => e.seq)).to.deep.equal([11, 12]);
  });

  it('forgets the oldest entries when their messages exceed the byte budget', () => {
    const log = new RequestLog({ maxBytes: 50_000, virtualNow: () => 0 });
    for (let i = 1; i <= 10; i++) log.add(entry(i, 'x'.repeat(10_000)));
    const kept = log.query();
    expect(kept.length).to.be.within(1, 3);
    expect(kept[kept.length - 1]!.seq).to.equal(10);
  });

  it('stays correct across many compactions', () => {
    const log = new RequestLog({ capacity: 100, virtualNow: () => 0 });
    for (let i = 1; i <= 10_000; i++) log.add(entry(i));
    const seqs = log.query().map((e) => e.seq);
    expect(seqs).to.have.length(100);
    expect(seqs[0]).to.equal(9901);
    expect(seqs[99]).to.equal(10_000);
  });
});
