/**
 * The report order of an itemset table: oracle, a plain sort of the entries with the
 * definition as comparator (count descending, then items element by element, shorter first).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ItemsetTable } from './frequentItemsets';
import { reportOrder } from './reportOrder';

/** A table of the given distinct itemsets (ascending ids) and counts. */
function table(sets: number[][], counts: number[]): ItemsetTable {
  const offsets = new Int32Array(sets.length + 1);
  sets.forEach((s, k) => { offsets[k + 1] = (offsets[k] as number) + s.length; });
  return { n: 100, size: sets.length, itemNames: Array.from({ length: 40 }, (_, i) => `i${i}`), offsets, items: Int32Array.from(sets.flat()), counts: Int32Array.from(counts), minCount: 1 };
}

const oracle = (sets: number[][], counts: number[]): number[] => sets.map((_, k) => k).sort((a, b) => {
  const byCount = (counts[b] as number) - (counts[a] as number);
  if (byCount !== 0) return byCount;
  const x = sets[a] as number[], y = sets[b] as number[];
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
});

describe('reportOrder', () => {
  it('sorts by count, then by items, as a comparator sort does (fast-check; groups past the insertion-sort size)', () => {
    const setsArb = fc.uniqueArray(fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { minLength: 1, maxLength: 6 }).map((s) => [...s].sort((a, b) => a - b)), { selector: (s) => s.join(','), maxLength: 400 });
    fc.assert(fc.property(setsArb, fc.integer({ min: 1, max: 5 }), fc.integer(), (sets, spread, seed) => {
      // Few distinct counts, so that the groups are large.
      const counts = sets.map((_, k) => 1 + (Math.abs(seed + k * 7919) % spread));
      expect(Array.from(reportOrder(table(sets, counts)))).toEqual(oracle(sets, counts));
    }));
  });

  it('sorts a group of 50,000 entries in already sorted, reversed and equal-prefix orders', () => {
    const sets = Array.from({ length: 50_000 }, (_, k) => [Math.floor(k / 1000), 100 + (k % 1000)]);
    for (const arranged of [sets, [...sets].reverse()]) {
      const counts = arranged.map(() => 3);
      expect(Array.from(reportOrder(table(arranged, counts)))).toEqual(oracle(arranged, counts));
    }
  });
});
