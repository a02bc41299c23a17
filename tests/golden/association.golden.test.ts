/**
 * Frequent itemsets and rules on the arules "Groceries" data (examples/data/groceries, public
 * domain; provenance in examples/data/README.md). The itemset count comes from independent
 * implementations run on the same file: node-fpgrowth, SPMF FPGrowth (Java) and Borgelt's
 * eclat (C) all report it (issue #3's reference table); the rules are arules' documented
 * example. Our algorithms must reproduce them and agree with each other exactly. The counts
 * on the datasets without stated terms (retail, chess, mushroom) are checked by
 * benchmarks/published/, which reads them from ../shared/data when it is there.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { associationRules, frequentItemsets, itemsetTable, parseBasketLines, tableToItemsets } from '../../src/index';

const FILE = fileURLToPath(new URL('../../examples/data/groceries/groceries.csv', import.meta.url));
const groceries = () => parseBasketLines(readFileSync(FILE, 'utf8'));

describe('published itemset counts on Groceries', () => {
  it('finds the 13,492 itemsets at support 0.001 with every algorithm, identically', () => {
    const baskets = groceries();
    const tables = (['fpgrowth', 'eclat', 'apriori'] as const).map((algorithm) => itemsetTable(baskets, { minSupport: 0.001, algorithm }));
    for (const t of tables) expect(t.size).toBe(13_492);
    const [first, ...rest] = tables.map(tableToItemsets);
    for (const other of rest) expect(other).toEqual(first);
  });

  it('matches the dataset description in examples/data/README.md', () => {
    expect(groceries()).toHaveLength(9_835);
    expect(new Set(groceries().flat()).size).toBe(169);
  });

  it('closed and maximal itemsets by LCM equal those filtered from the complete list', () => {
    const baskets = groceries();
    for (const kind of ['closed', 'maximal'] as const) {
      const direct = frequentItemsets(baskets, { minSupport: 0.002, kind });
      // A finite maxLength longer than any basket takes the filtering path instead of LCM.
      const filtered = frequentItemsets(baskets, { minSupport: 0.002, kind, maxLength: 1000 });
      expect(direct.length).toBeGreaterThan(0);
      expect(direct).toEqual(filtered);
    }
  });
});

describe('arules reference on Groceries (Hahsler et al.)', () => {
  // The arules documentation's running example: apriori(Groceries, support 0.01, confidence 0.5)
  // finds 15 rules, the strongest {citrus fruit, root vegetables} => {other vegetables} with
  // support 0.01037112, confidence 0.5862069 and lift 3.029608.
  it('finds the 15 rules at support 0.01 and confidence 0.5, with their published metrics', () => {
    const rules = associationRules(groceries(), { minSupport: 0.01, minConfidence: 0.5 });
    expect(rules).toHaveLength(15);
    expect(rules[0]).toMatchObject({ antecedent: ['citrus fruit', 'root vegetables'], consequent: ['other vegetables'], count: 102 });
    expect(rules[0]?.support).toBeCloseTo(0.01037112, 8);
    expect(rules[0]?.confidence).toBeCloseTo(0.5862069, 7);
    expect(rules[0]?.lift).toBeCloseTo(3.029608, 6);
  });
});
