import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ItemsetCollector } from './collector';
import { mineEclat } from './eclat';
import { encodeBaskets } from './encode';
import { mineClosed } from './lcm';
import { resolveItemsetOptions } from './options';
import { rankBaskets } from './prepare';
import { frequentItemsets, tableToItemsets } from './frequentItemsets';

// Eclat and LCM switch between bitsets (dense data) and lists (sparse data) by density; both
// representations must give the same answer, so each is forced here against the public result.
function mine(baskets: string[][], minCount: number, layout: 'dense' | 'sparse', kind: 'all' | 'closed' | 'maximal') {
  const data = encodeBaskets(baskets);
  const o = { ...resolveItemsetOptions({ minCount, kind }, data.n), layout };
  const ranked = rankBaskets(data, minCount);
  const out = new ItemsetCollector(ranked.rankToItem, Infinity, Infinity, () => '', o.guard);
  if (kind === 'all') mineEclat(ranked, o, out);
  else mineClosed(ranked, o, out, kind === 'maximal');
  return tableToItemsets({ n: data.n, size: out.size, itemNames: data.itemNames, offsets: out.offsets.toArray(), items: out.items.toArray(), counts: out.counts.toArray(), minCount });
}

const basketsArb = fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 5 }), { minLength: 1, maxLength: 40 });

describe('dense and sparse representations agree', () => {
  it.each(['all', 'closed', 'maximal'] as const)('%s itemsets', (kind) => {
    fc.assert(fc.property(basketsArb, fc.integer({ min: 1, max: 5 }), (baskets, minCount) => {
      const expected = kind === 'all'
        ? frequentItemsets(baskets, { minCount, algorithm: 'apriori' })
        : frequentItemsets(baskets, { minCount, kind, maxLength: 100 }); // the filtering path
      expect(mine(baskets, minCount, 'dense', kind)).toEqual(expected);
      expect(mine(baskets, minCount, 'sparse', kind)).toEqual(expected);
    }), { numRuns: 200 });
  });

  it('dense baskets of 600 and more: bitset slabs that grow, and intersections given up early, find what the lists find (all, closed, maximal)', () => {
    // 20 items over 600–1,100 baskets: many extensions per search node (more than a slab's
    // first 8 sets), and 19–35 words per bitset. Half the items sit mostly in the last baskets,
    // so counts are decided by the last words, where giving up early is tight.
    fc.assert(fc.property(fc.integer({ min: 600, max: 1100 }), fc.integer({ min: 1, max: 2 ** 31 - 2 }), fc.double({ min: 0.12, max: 0.4, noNaN: true }), (n, seed, support) => {
      let state = seed;
      const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
      const p = Array.from({ length: 20 }, (_, j) => 0.35 + 0.6 * ((j * 0.618) % 1));
      const late = (t: number, j: number) => (j % 2 === 0 && t < 0.6 * n ? 0.05 : 1);
      const baskets = Array.from({ length: n }, (_, t) => p.flatMap((q, j) => (random() < q * late(t, j) ? [`i${j}`] : [])));
      const minCount = Math.ceil(support * n);
      const sparse = mine(baskets, minCount, 'sparse', 'all');
      expect(mine(baskets, minCount, 'dense', 'all')).toEqual(sparse);
      expect(sparse).toEqual(frequentItemsets(baskets, { minCount, algorithm: 'fpgrowth' }));
      // LCM: the children's live items, their slabs, and the prefix-preserving test without
      // counting the items up to the core, against closed and maximal sets filtered from all.
      for (const kind of ['closed', 'maximal'] as const) {
        const filtered = frequentItemsets(baskets, { minCount, kind, maxLength: 100 });
        expect(mine(baskets, minCount, 'dense', kind)).toEqual(filtered);
        expect(mine(baskets, minCount, 'sparse', kind)).toEqual(filtered);
      }
    }), { numRuns: 8 });
  });

  it('an intersection that reaches minCount only in its last 16 words is kept (the early exit at its bound)', () => {
    // 2,048 baskets (64 words, checked after words 16, 32, 48). a and b share the last 600
    // baskets, 88 of them before word 48: 88 + 16 · 32 = 600 = minCount exactly there. b's first
    // 10 baskets lack a, so {a, b} is an intersection, not a perfect extension.
    const baskets = Array.from({ length: 2048 }, (_, t) => (t < 10 ? ['b'] : t < 1448 ? ['a'] : ['a', 'b']));
    const found = mine(baskets, 600, 'dense', 'all');
    expect(found.map((s) => `${s.items.join('')}:${s.count}`)).toEqual(['a:2038', 'b:610', 'ab:600']);
    expect(found).toEqual(mine(baskets, 600, 'sparse', 'all'));
  });
});
