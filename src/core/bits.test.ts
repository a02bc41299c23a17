import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bitCounts16, popcount } from './bits';

describe('popcount', () => {
  it('counts the set bits of any 32-bit word (oracle: the binary string)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
      expect(popcount(v)).toBe([...v.toString(2)].filter((c) => c === '1').length);
    }));
  });
});

describe('bitCounts16', () => {
  it('counts a word in two lookups as popcount does (oracle: the binary string)', () => {
    const bits = bitCounts16();
    expect(bits.length).toBe(65536);
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
      expect((bits[v & 0xffff] as number) + (bits[v >>> 16] as number)).toBe([...v.toString(2)].filter((c) => c === '1').length);
    }));
  });
});
