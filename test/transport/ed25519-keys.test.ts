import { expect } from 'chai';
import ssh2 from 'ssh2';
import { newEd25519KeyPair, parsedKey } from '../../src/transport/device-keys.js';

describe('new ed25519 key pairs', () => {
  it('always parse, and the public line belongs to the private key (ssh2 generateKeyPairSync fails ~1 in 200)', () => {
    for (let i = 0; i < 1000; i++) {
      const pair = newEd25519KeyPair(`k${i}`);
      const priv = parsedKey(Buffer.from(pair.private));
      const pub = ssh2.utils.parseKey(pair.public);
      expect(pub).to.not.be.instanceOf(Error);
      expect((pub as ssh2.ParsedKey).getPublicSSH().equals(priv.getPublicSSH())).to.equal(true);
      expect(pair.public.endsWith(` k${i}`)).to.equal(true);
    }
  });
});
