import { expect } from 'chai';
import { checkMustCalls, mustCall } from './must-call.js';

describe('test support: mustCall', () => {
  it('fails a test whose expected callback never ran, or ran too often', () => {
    mustCall(() => undefined, 1, 'never');
    const twice = mustCall(() => undefined, 1, 'twice');
    twice();
    twice();
    expect(() => checkMustCalls()).to.throw('never: expected 1 call(s), got 0; twice: expected 1 call(s), got 2');
  });

  it('passes once every expectation is met', () => {
    const f = mustCall((x: number) => x + 1, 2);
    expect(f(1) + f(2)).to.equal(5);
  });
});
