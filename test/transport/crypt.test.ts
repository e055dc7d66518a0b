import { expect } from 'chai';
import { cryptMatches } from '../../src/transport/crypt.js';

// Vectors made with `openssl passwd -6 / -5` and Python's crypt module (glibc).
describe('crypt(3) password hashes (Junos encrypted-password)', () => {
  const vectors: Array<[string, string]> = [
    ['lab123', '$6$saltsalt$zkp70g3yJbFNLS1mvr6qzPqnY1uIvG3HQKmmCae5.fqzlEtUFKG37VXJJ1peew3cuiYOzvBluric6Lq2y1ENc0'],
    ['lab123', '$5$saltsalt$dvOzDQit5TkJMYXtiyMrHHIvrcG8wWbv2YvcZ8FY981'],
    ['x', '$6$rounds=1000$abc$zaWpAwySRl8PX4W2aEMJwxpN82bCKtDZP0RBdOD6W7BQlilBqAsWnAZuS10iUyJZneS8Ob1gxs1BZkqJi1nTi.'],
    ['lab123', '$6$rounds=1000$abcdefgh$PJGWmYJrmw8YOn12DMake25FkhJRI6d/PQj.C5JdyfOSd1oxcI22IRaT8Qyy/T94UZxrhUdTj0aBfAQB1uT0t/'],
  ];
  for (const [password, hash] of vectors) {
    it(`matches ${hash.slice(0, 22)}…`, () => {
      expect(cryptMatches(hash, password)).to.equal(true);
      expect(cryptMatches(hash, `${password}!`)).to.equal(false);
    });
  }

  it('never matches other schemes or garbage', () => {
    expect(cryptMatches('$1$abc$def', 'x')).to.equal(false);
    expect(cryptMatches('lab123', 'lab123')).to.equal(false);
    expect(cryptMatches('', '')).to.equal(false);
  });
});
