import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { popcount } from './bits';

describe('popcount', () => {
  it('counts the set bits of any 32-bit word (oracle: the binary string)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
      expect(popcount(v)).toBe([...v.toString(2)].filter((c) => c === '1').length);
    }));
  });
});
