/**
 * Closed, maximal and top-k sequential patterns. Oracles: the complete pattern set (itself
 * checked against brute-force enumeration in sequence.test.ts), then the definitions applied directly (a closed pattern has no
 * super-pattern with the same count, a maximal one no frequent super-pattern; "super-pattern"
 * checked by subsequence containment); top-k equals the complete mining at the count of its
 * k-th pattern.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sequentialPatterns, type SequentialPattern } from './sequentialPatterns';

const ALPHABET = ['a', 'b', 'c'];
const itemset = fc.uniqueArray(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 3 }).map((s) => [...s].sort());
const dbArb = fc.array(fc.array(itemset, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 8 });

/** p ⊑ q: q's itemsets contain p's, in order. */
function within(p: string[][], q: string[][], i = 0, j = 0): boolean {
  if (i === p.length) return true;
  for (let t = j; t < q.length; t++) if ((p[i] as string[]).every((x) => (q[t] as string[]).includes(x)) && within(p, q, i + 1, t + 1)) return true;
  return false;
}
const size = (p: string[][]) => p.reduce((s, x) => s + x.length, 0);
const keyed = (list: SequentialPattern[]) => new Map(list.map((p) => [JSON.stringify(p.sequence), p.count]));

describe('closed and maximal sequential patterns equal the definitions applied to brute force', () => {
  for (const algorithm of ['prefixspan', 'spade', 'gsp'] as const) {
    it(algorithm, () => {
      fc.assert(fc.property(dbArb, fc.integer({ min: 1, max: 4 }), fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined }), (db, minCount, maxLength) => {
        const all = sequentialPatterns(db, { minCount, algorithm, ...(maxLength === undefined ? {} : { maxLength }) });
        const seqs = all.map((p) => p.sequence);
        const bigger = (p: SequentialPattern) => all.filter((q) => size(q.sequence) > size(p.sequence) && within(p.sequence, q.sequence));
        const closed = all.filter((p) => !bigger(p).some((q) => q.count === p.count));
        const maximal = all.filter((p) => bigger(p).length === 0);
        expect(keyed(sequentialPatterns(db, { minCount, algorithm, kind: 'closed', ...(maxLength === undefined ? {} : { maxLength }) }))).toEqual(keyed(closed));
        expect(keyed(sequentialPatterns(db, { minCount, algorithm, kind: 'maximal', ...(maxLength === undefined ? {} : { maxLength }) }))).toEqual(keyed(maximal));
        expect(seqs.length).toBeGreaterThanOrEqual(closed.length);
      }), { numRuns: algorithm === 'gsp' ? 50 : 120 });
    });
  }

  it('refuses gap constraints with a reason', () => {
    expect(() => sequentialPatterns([[['a'], ['b']]], { minCount: 1, kind: 'closed', maxGap: 1 })).toThrow(/cannot be combined with minGap, maxGap, minGapDays, maxGapDays or windowDays/);
    expect(() => sequentialPatterns([[['a'], ['b']]], { minCount: 1, kind: 'open' as never })).toThrow(/kind must be 'all', 'closed' or 'maximal'/);
  });
});

describe('top-k sequential patterns', () => {
  it('equal the complete mining at the count of the k-th pattern (ties included)', () => {
    fc.assert(fc.property(dbArb, fc.integer({ min: 1, max: 30 }), fc.constantFrom('prefixspan', 'spade', 'gsp'), (db, k, algorithm) => {
      const top = sequentialPatterns(db, { topK: k, algorithm });
      const all = sequentialPatterns(db, { minCount: 1 });
      if (all.length <= k) {
        expect(top).toEqual(all);
        return;
      }
      const kth = (all[k - 1] as SequentialPattern).count;
      expect(top).toEqual(all.filter((p) => p.count >= kth));
      expect(top.length).toBeGreaterThanOrEqual(k);
    }), { numRuns: 150 });
  });

  it('names bad combinations', () => {
    expect(() => sequentialPatterns([[['a']]], { topK: 0 })).toThrow(/topK must be an integer >= 1/);
    expect(() => sequentialPatterns([[['a']]], { topK: 3, minSupport: 0.5 })).toThrow(/give topK or minSupport\/minCount, not both/);
    expect(() => sequentialPatterns([[['a']]], { topK: 3, kind: 'closed' })).toThrow(/cannot be combined with kind 'closed'/);
  });
});
