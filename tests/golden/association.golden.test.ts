/**
 * Frequent itemset counts on real public datasets (../shared/data, provenance in its README).
 * Expected counts come from independent implementations run on the same files: node-fpgrowth,
 * SPMF FPGrowth (Java) and Borgelt's eclat (C) all report them (issue #3's reference table).
 * Our own algorithms must reproduce them, and agree with each other exactly.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { associationRules, frequentItemsets, itemsetTable, parseBasketLines, parseFimi, tableToItemsets } from '../../src/index';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const load = (file: string) => {
  const text = readFileSync(`${DATA}${file}`, 'utf8');
  return file.endsWith('.csv') ? parseBasketLines(text) : parseFimi(text);
};
const describeData = existsSync(DATA) ? describe : describe.skip;

describeData('published itemset counts on real data', () => {
  it.each([
    ['retail.dat', 0.0005, 19_242, ['fpgrowth', 'eclat', 'apriori']],
    ['retail.dat', 0.0002, 67_186, ['fpgrowth', 'eclat']],
    ['groceries.csv', 0.001, 13_492, ['fpgrowth', 'eclat', 'apriori']],
    ['chess.dat', 0.5, 1_272_932, ['fpgrowth', 'eclat']],
  ] as const)('%s @ %s: %i itemsets', (file, minSupport, expected, algorithms) => {
    const baskets = load(file);
    const tables = algorithms.map((algorithm) => itemsetTable(baskets, { minSupport, algorithm, maxPatterns: 2_000_000 }));
    for (const t of tables) expect(t.size).toBe(expected);
    if (expected < 100_000) {
      const [first, ...rest] = tables.map(tableToItemsets);
      for (const other of rest) expect(other).toEqual(first);
    }
  });

  it('matches the dataset descriptions in shared/data/README.md', () => {
    expect(load('retail.dat')).toHaveLength(88_162);
    expect(load('groceries.csv')).toHaveLength(9_835);
    expect(new Set(load('groceries.csv').flat()).size).toBe(169);
    expect(load('chess.dat')).toHaveLength(3_196);
  });

  it('closed and maximal itemsets by LCM equal those filtered from the complete list', () => {
    for (const [file, minSupport] of [['groceries.csv', 0.002], ['chess.dat', 0.8], ['mushroom.dat', 0.3]] as const) {
      const baskets = load(file);
      for (const kind of ['closed', 'maximal'] as const) {
        const direct = frequentItemsets(baskets, { minSupport, kind });
        // A finite maxLength longer than any basket takes the filtering path instead of LCM.
        const filtered = frequentItemsets(baskets, { minSupport, kind, maxLength: 1000 });
        expect(direct.length).toBeGreaterThan(0);
        expect(direct).toEqual(filtered);
      }
    }
  });
});

describeData('arules reference on Groceries (Hahsler et al.)', () => {
  // The arules documentation's running example: apriori(Groceries, support 0.01, confidence 0.5)
  // finds 15 rules, the strongest {citrus fruit, root vegetables} => {other vegetables} with
  // support 0.01037112, confidence 0.5862069 and lift 3.029608.
  it('finds the 15 rules at support 0.01 and confidence 0.5, with their published metrics', () => {
    const baskets = load('groceries.csv');
    const rules = associationRules(baskets, { minSupport: 0.01, minConfidence: 0.5 });
    expect(rules).toHaveLength(15);
    expect(rules[0]).toMatchObject({ antecedent: ['citrus fruit', 'root vegetables'], consequent: ['other vegetables'], count: 102 });
    expect(rules[0]?.support).toBeCloseTo(0.01037112, 8);
    expect(rules[0]?.confidence).toBeCloseTo(0.5862069, 7);
    expect(rules[0]?.lift).toBeCloseTo(3.029608, 6);
  });
});
