/**
 * Sizes as FreeBSD's df -h / du -h print them (libutil humanize_number, a
 * 5-byte buffer, HN_B | HN_NOSPACE | HN_DECIMAL): Junos's `show system
 * storage`, `junos:format` and the snapshot partition table use them.
 */
import { expect } from 'chai';
import { humanBytes, humanKb } from '../../src/render/text.js';

describe('render: df -h sizes', () => {
  it('one decimal below 10, whole numbers from 10 to 999, the next prefix from 1000', () => {
    const cases: Array<[number, string]> = [
      [0, '0B'],
      [1, '1.0K'],
      [11, '11K'],
      [270, '270K'],
      [999, '999K'],
      [1000, '1.0M'],
      [363 * 1024, '363M'],
      [885 * 1024, '885M'],
      [4.7 * 1024 * 1024, '4.7G'],
      [4 * 1024 * 1024, '4.0G'],
      [18 * 1024 * 1024, '18G'],
    ];
    for (const [kb, text] of cases) expect(humanKb(kb), `${kb} KB`).to.equal(text);
  });

  it('bytes stay whole, and rounding that would reach 10 prints 10', () => {
    expect(humanBytes(512)).to.equal('512B');
    expect(humanBytes(10198)).to.equal('10K');
    expect(humanBytes(9 * 1024 + 900)).to.equal('9.9K');
  });
});
