import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bitCounts16 } from './bits';

describe('bitCounts16', () => {
  it('counts the set bits of any 32-bit word in two lookups (oracle: the binary string)', () => {
    const bits = bitCounts16();
    expect(bits.length).toBe(65536);
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
      expect((bits[v & 0xffff] as number) + (bits[v >>> 16] as number)).toBe([...v.toString(2)].filter((c) => c === '1').length);
    }));
  });
});
