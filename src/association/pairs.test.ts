import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pairCounts } from './pairs';
import type { RankedBaskets } from './prepare';

/** Ranked baskets from lists of ranks (ascending, distinct). */
function ranked(baskets: number[][], n: number): RankedBaskets {
  const offsets = [0];
  const ranks: number[] = [];
  for (const b of baskets) {
    ranks.push(...[...new Set(b)].sort((x, y) => x - y));
    offsets.push(ranks.length);
  }
  const rankCount = new Int32Array(n);
  for (const r of ranks) rankCount[r] = (rankCount[r] as number) + 1;
  return { n: baskets.length, rankToItem: Int32Array.from({ length: n }, (_, i) => i), rankCount, offsets: Int32Array.from(offsets), ranks: Int32Array.from(ranks) };
}

describe('pairCounts', () => {
  it('counts every frequent pair exactly, the matrix way and the row way alike (fast-check against brute force)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 12 }), fc.array(fc.array(fc.nat(11), { maxLength: 9 }), { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (n, raw, minCount) => {
      const baskets = raw.map((b) => b.map((r) => r % n));
      const data = ranked(baskets, n);
      const dense = pairCounts(data, n, minCount);
      const sparse = pairCounts(data, n, minCount, 0);
      expect({ ...sparse }).toEqual({ ...dense });
      for (let a = 0; a < n; a++) {
        const row: number[] = [];
        for (let b = 0; b < n; b++) {
          const count = a === b ? 0 : baskets.filter((s) => s.includes(a) && s.includes(b)).length;
          expect(dense.at(a, b)).toBe(count >= minCount ? count : 0);
          if (count >= minCount) row.push(b);
        }
        expect(Array.from(dense.partner.subarray(dense.start[a], dense.start[a + 1]))).toEqual(row);
      }
    }));
  });
});
