/**
 * Frequent itemset counts on the real datasets without stated terms (retail, chess, mushroom in
 * ../shared/data, provenance in its README), which stay out of the repository. Expected counts
 * come from independent implementations run on the same files: node-fpgrowth, SPMF FPGrowth
 * (Java) and Borgelt's eclat (C) all report them (issue #3's reference table). Our algorithms
 * must reproduce them and agree with each other exactly. A missing file skips its case with one
 * line naming it (`npm run bench:published`).
 */
import { describe, expect, it } from 'vitest';
import { frequentItemsets, itemsetTable, tableToItemsets } from '../../src/index';
import { basketDataset, hasDataset } from '../datasets';

describe('published itemset counts on real data', () => {
  it.each([
    ['retail', 0.0005, 19_242, ['fpgrowth', 'eclat', 'apriori']],
    ['retail', 0.0002, 67_186, ['fpgrowth', 'eclat']],
    ['chess', 0.5, 1_272_932, ['fpgrowth', 'eclat']],
  ] as const)('%s @ %s: %i itemsets', (name, minSupport, expected, algorithms) => {
    if (!hasDataset(`${name}.dat`)) return;
    const baskets = basketDataset(name);
    const tables = algorithms.map((algorithm) => itemsetTable(baskets, { minSupport, algorithm, maxPatterns: 2_000_000 }));
    for (const t of tables) expect(t.size).toBe(expected);
    if (expected < 100_000) {
      const [first, ...rest] = tables.map(tableToItemsets);
      for (const other of rest) expect(other).toEqual(first);
    }
  });

  it('matches the dataset descriptions in shared/data/README.md', () => {
    if (hasDataset('retail.dat')) expect(basketDataset('retail')).toHaveLength(88_162);
    if (hasDataset('chess.dat')) expect(basketDataset('chess')).toHaveLength(3_196);
  });

  it.each([['chess', 0.8], ['mushroom', 0.3]] as const)('closed and maximal itemsets by LCM on %s equal those filtered from the complete list', (name, minSupport) => {
    if (!hasDataset(`${name}.dat`)) return;
    const baskets = basketDataset(name);
    for (const kind of ['closed', 'maximal'] as const) {
      const direct = frequentItemsets(baskets, { minSupport, kind });
      // A finite maxLength longer than any basket takes the filtering path instead of LCM.
      const filtered = frequentItemsets(baskets, { minSupport, kind, maxLength: 1000 });
      expect(direct.length).toBeGreaterThan(0);
      expect(direct).toEqual(filtered);
    }
  });
});
