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
});
