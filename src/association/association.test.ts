import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frequentItemsets, itemsetTable, type Itemset } from './frequentItemsets';
import { associationRules } from './rules';
import { recommend } from './recommend';
import { TransactionLog } from '../core/TransactionLog';
import { parseFimiColumns } from '../core/baskets';
import { parseFimi } from '../core/formats';

/** Brute force: count every subset of the item universe against every basket. */
function bruteForce(baskets: string[][], minCount: number, maxLength = Infinity): Map<string, number> {
  const universe = [...new Set(baskets.flat())].sort();
  const sets = baskets.map((b) => new Set(b));
  const out = new Map<string, number>();
  for (let mask = 1; mask < 1 << universe.length; mask++) {
    const items = universe.filter((_, i) => mask & (1 << i));
    if (items.length > maxLength) continue;
    const count = sets.filter((s) => items.every((i) => s.has(i))).length;
    if (count >= minCount) out.set(items.join(' '), count);
  }
  return out;
}

function closedOf(all: Map<string, number>, maximal: boolean, maxLength = Infinity): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, count] of all) {
    const items = key.split(' ');
    const dominated = [...all].some(([other, c]) => {
      const o = other.split(' ');
      return o.length > items.length && o.length <= maxLength && items.every((i) => o.includes(i)) && (maximal || c === count);
    });
    if (!dominated) out.set(key, count);
  }
  return out;
}

const keyed = (list: Itemset[]) => new Map(list.map((s) => [s.items.join(' '), s.count]));
const basketsArb = fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 6 }), { minLength: 1, maxLength: 25 });
const withDuplicates = basketsArb.map((bs) => bs.map((b) => (b.length > 0 ? [...b, b[0] as string] : b)));

describe('frequent itemsets agree with brute-force enumeration', () => {
  for (const algorithm of ['fpgrowth', 'apriori', 'eclat'] as const) {
    it(`${algorithm}: all itemsets, counts and supports`, () => {
      fc.assert(fc.property(withDuplicates, fc.integer({ min: 1, max: 6 }), fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), (baskets, minCount, maxLength) => {
        const got = frequentItemsets(baskets, { minCount, algorithm, maxLength });
        expect(keyed(got)).toEqual(bruteForce(baskets, minCount, maxLength));
        for (const s of got) expect(s.support).toBe(s.count / baskets.length);
      }), { numRuns: 300 });
    });
  }

  it.each(['closed', 'maximal'] as const)('%s itemsets, with and without maxLength', (kind) => {
    fc.assert(fc.property(basketsArb, fc.integer({ min: 1, max: 5 }), fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), (baskets, minCount, maxLength) => {
      const all = bruteForce(baskets, minCount, maxLength);
      const got = frequentItemsets(baskets, { minCount, kind, maxLength });
      expect(keyed(got)).toEqual(closedOf(all, kind === 'maximal', maxLength));
    }), { numRuns: 300 });
  });

  it('applies minSupport as count >= ceil(minSupport · n)', () => {
    fc.assert(fc.property(basketsArb, fc.double({ min: 0.01, max: 1, noNaN: true }), (baskets, minSupport) => {
      const minCount = Math.max(1, Math.ceil(minSupport * baskets.length - 1e-9));
      expect(keyed(frequentItemsets(baskets, { minSupport }))).toEqual(bruteForce(baskets, minCount));
    }), { numRuns: 200 });
    // 0.07 · 100 = 7.000000000000001 in floating point; the threshold must still be 7.
    const baskets = Array.from({ length: 100 }, (_, i) => (i < 7 ? ['x'] : ['y']));
    expect(frequentItemsets(baskets, { minSupport: 0.07 }).map((s) => s.items[0])).toContain('x');
  });
});

describe('Han & Kamber (2006), table 6.1: nine transactions, min count 2', () => {
  const D = [['I1', 'I2', 'I5'], ['I2', 'I4'], ['I2', 'I3'], ['I1', 'I2', 'I4'], ['I1', 'I3'], ['I2', 'I3'], ['I1', 'I3'], ['I1', 'I2', 'I3', 'I5'], ['I1', 'I2', 'I3']];

  it('finds the 13 frequent itemsets of the book, L3 = {I1,I2,I3}:2 and {I1,I2,I5}:2', () => {
    const got = frequentItemsets(D, { minCount: 2 });
    expect(got).toHaveLength(13);
    expect(got.filter((s) => s.items.length === 3).map((s) => [s.items.join(','), s.count])).toEqual([['I1,I2,I3', 2], ['I1,I2,I5', 2]]);
    expect(got[0]).toEqual({ items: ['I2'], count: 7, support: 7 / 9 });
  });

  it('derives the book’s rules from {I1,I2,I5} with their confidences', () => {
    const rules = associationRules(D, { minCount: 2, minConfidence: 0 }).filter((r) => r.count === 2 && r.antecedent.length + r.consequent.length === 3 && [...r.antecedent, ...r.consequent].includes('I5'));
    const conf = new Map(rules.map((r) => [`${r.antecedent.join('^')}=>${r.consequent.join('^')}`, r.confidence]));
    expect(conf.get('I1^I2=>I5')).toBeCloseTo(2 / 4);
    expect(conf.get('I1^I5=>I2')).toBe(1);
    expect(conf.get('I2^I5=>I1')).toBe(1);
    expect(conf.get('I1=>I2^I5')).toBeCloseTo(2 / 6);
    expect(conf.get('I2=>I1^I5')).toBeCloseTo(2 / 7);
    expect(conf.get('I5=>I1^I2')).toBe(1);
  });
});

describe('association rules agree with brute force', () => {
  it('every rule A => C with A ∪ C frequent, and every metric', () => {
    fc.assert(fc.property(basketsArb, fc.integer({ min: 1, max: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (baskets, minCount, minConfidence, minLift) => {
      const n = baskets.length;
      const all = bruteForce(baskets, minCount);
      const expected = new Map<string, Record<string, number>>();
      for (const [key, count] of all) {
        const z = key.split(' ');
        if (z.length < 2) continue;
        for (let mask = 1; mask < (1 << z.length) - 1; mask++) {
          const a = z.filter((_, i) => mask & (1 << i));
          const c = z.filter((_, i) => !(mask & (1 << i)));
          const sA = (all.get(a.join(' ')) as number) / n;
          const sC = (all.get(c.join(' ')) as number) / n;
          const s = count / n;
          const confidence = s / sA;
          const lift = confidence / sC;
          if (confidence < minConfidence - 1e-12 || lift < minLift - 1e-12) continue;
          expected.set(`${a.join(' ')}=>${c.join(' ')}`, { support: s, confidence, lift, leverage: s - sA * sC, conviction: confidence >= 1 - 1e-12 ? Infinity : (1 - sC) / (1 - confidence), count });
        }
      }
      const got = associationRules(baskets, { minCount, minConfidence, minLift });
      const gotKeys = got.map((r) => `${r.antecedent.join(' ')}=>${r.consequent.join(' ')}`);
      // Thresholds sitting exactly on a value may differ by float rounding: compare away from them.
      const near = (r: Record<string, number>) => Math.abs((r.confidence as number) - minConfidence) < 1e-9 || Math.abs((r.lift as number) - minLift) < 1e-9;
      for (const [k, m] of expected) if (!near(m)) expect(gotKeys).toContain(k);
      for (const r of got) {
        const m = expected.get(`${r.antecedent.join(' ')}=>${r.consequent.join(' ')}`);
        if (m === undefined) {
          expect(Math.abs(r.confidence - minConfidence) < 1e-9 || Math.abs(r.lift - minLift) < 1e-9).toBe(true);
          continue;
        }
        for (const metric of ['support', 'confidence', 'lift', 'leverage'] as const) expect(r[metric]).toBeCloseTo(m[metric] as number, 12);
        expect(r.conviction === Infinity ? Infinity : r.conviction).toBeCloseTo(m.conviction as number, 9);
        expect(r.count).toBe(m.count);
      }
    }), { numRuns: 150 });
  });

  it('accepts the itemsets from frequentItemsets, and refuses closed ones', () => {
    const baskets = [['a', 'b'], ['a', 'b'], ['a', 'c'], ['b']];
    const itemsets = frequentItemsets(baskets, { minCount: 1 });
    expect(associationRules(itemsets, { minConfidence: 0.5 })).toEqual(associationRules(baskets, { minCount: 1, minConfidence: 0.5 }));
    expect(() => associationRules(frequentItemsets(baskets, { minCount: 1, kind: 'maximal' }), { minConfidence: 0.5 })).toThrow(/every frequent itemset/);
  });
});

describe('recommend', () => {
  const baskets = [['bread', 'butter'], ['bread', 'butter', 'jam'], ['bread', 'jam'], ['milk'], ['bread', 'butter', 'milk']];
  const rules = associationRules(baskets, { minCount: 1, minConfidence: 0.1 });

  it('scores items the basket lacks by the best firing rule', () => {
    const recs = recommend(rules, ['bread'], { topN: 3 });
    expect(recs.map((r) => r.item)).toEqual(['butter', 'jam', 'milk']);
    expect(recs[0]?.score).toBeCloseTo(3 / 4);
    for (const r of recs) {
      expect(r.rule.antecedent.every((i) => i === 'bread')).toBe(true);
      expect(r.rule.consequent).toContain(r.item);
    }
  });

  it('never suggests what is in the basket, and returns nothing when no rule fires', () => {
    expect(recommend(rules, ['bread', 'butter', 'jam', 'milk'])).toEqual([]);
    expect(recommend(rules, ['caviar'])).toEqual([]);
    expect(() => recommend(rules, ['bread'], { topN: 0 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
  });
});

describe('inputs, options and limits', () => {
  it('accepts a TransactionLog and gives the same itemsets as its baskets', () => {
    const log = TransactionLog.fromRecords(
      [{ c: 'a', t: 0, i: 'x' }, { c: 'a', t: 0, i: 'y' }, { c: 'b', t: 0, i: 'x' }, { c: 'b', t: 1, i: 'y' }, { c: 'b', t: 1, i: 'x' }],
      { customer: 'c', time: 't', item: 'i' },
    );
    expect(frequentItemsets(log, { minCount: 1 })).toEqual(frequentItemsets(log.baskets(), { minCount: 1 }));
  });

  it.each([
    [{ minSupport: 0 }, /minSupport must be a number in \(0, 1\]/],
    [{ minSupport: 1.5 }, /minSupport/],
    [{ minSupport: NaN }, /minSupport/],
    [{ minCount: -1 }, /minCount must be an integer >= 1/],
    [{ minCount: 2.5 }, /minCount/],
    [{ minSupport: 0.5, minCount: 2 }, /either minSupport or minCount/],
    [{ maxLength: 0 }, /maxLength/],
    [{ algorithm: 'magic' }, /algorithm/],
    [{ kind: 'open' }, /kind/],
  ])('rejects %o with an OptionError', (options, message) => {
    expect(() => frequentItemsets([['a']], options as never)).toThrow(message);
    expect(() => frequentItemsets([['a']], options as never)).toThrow(expect.objectContaining({ code: 'OPTION' }));
  });

  it('rejects baskets that are not arrays of strings, naming the basket', () => {
    expect(() => frequentItemsets([['a'], 'b' as never], { minCount: 1 })).toThrow(expect.objectContaining({ code: 'DATA', row: 2 }));
    expect(() => frequentItemsets([['a', 3 as never]], { minCount: 1 })).toThrow(/expected an item name/);
  });

  it('returns nothing for no baskets, and stops with a LimitError past maxPatterns', () => {
    expect(frequentItemsets([], { minSupport: 0.5 })).toEqual([]);
    const dense = Array.from({ length: 4 }, () => ['a', 'b', 'c', 'd', 'e', 'f']);
    for (const algorithm of ['fpgrowth', 'apriori', 'eclat'] as const) {
      expect(() => frequentItemsets(dense, { minCount: 1, maxPatterns: 10, algorithm })).toThrow(expect.objectContaining({ code: 'LIMIT' }));
    }
    expect(() => frequentItemsets(dense, { minCount: 1, maxPatterns: 10 })).toThrow(/more than 10 itemsets.*raise minSupport/);
  });

  it('stops when aborted and reports progress', () => {
    const baskets = Array.from({ length: 50 }, (_, i) => [`a${i % 7}`, `b${i % 5}`]);
    const controller = new AbortController();
    controller.abort();
    expect(() => frequentItemsets(baskets, { minCount: 1, signal: controller.signal })).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    const phases = new Set<string>();
    frequentItemsets(baskets, { minCount: 1, onProgress: (p) => phases.add(p.phase) });
    expect(phases.has('mine')).toBe(true);
  });

  it('offers a columnar table with the same content', () => {
    const baskets = [['a', 'b'], ['a'], ['b', 'c']];
    const t = itemsetTable(baskets, { minCount: 1 });
    expect(t.size).toBe(frequentItemsets(baskets, { minCount: 1 }).length);
    expect(t.offsets.length).toBe(t.size + 1);
  });
});

describe('a log without items', () => {
  it('is refused with the reason instead of mined into nothing', async () => {
    const { TransactionLog } = await import('../core/TransactionLog');
    const { sequentialPatterns } = await import('../sequence/index');
    const log = TransactionLog.fromRecords([{ c: 'a', t: 0 }, { c: 'a', t: 1 }], { customer: 'c', time: 't' });
    expect(() => associationRules(log, { minSupport: 0.5, minConfidence: 0.5 })).toThrow(expect.objectContaining({ code: 'OPTION', message: expect.stringMatching(/no item column/) }));
    expect(() => sequentialPatterns(log, { minSupport: 0.5 })).toThrow(expect.objectContaining({ code: 'OPTION', message: expect.stringMatching(/no item column/) }));
  });
});

describe('too many rules', () => {
  it('is a LimitError (exit code 4 on the command line), not an OptionError', () => {
    const baskets = Array.from({ length: 20 }, () => ['a', 'b', 'c', 'd', 'e']);
    expect(() => associationRules(baskets, { minSupport: 0.5, minConfidence: 0, maxPatterns: 40 })).toThrow(expect.objectContaining({ code: 'LIMIT', message: expect.stringMatching(/more than 40 rules: raise minSupport/) }));
  });
});

describe('Apriori holds a bounded number of candidates', () => {
  it('stops with a LimitError naming FP-Growth instead of building too many candidates', () => {
    // 12 items in most baskets: 78 frequent itemsets of size ≤ 2, then 220 candidate triples.
    const baskets = Array.from({ length: 30 }, (_, b) => Array.from({ length: 12 }, (_, i) => `i${i}`).filter((_, i) => (b + i) % 13 !== 0));
    expect(() => frequentItemsets(baskets, { minSupport: 0.5, algorithm: 'apriori', maxLength: 3, maxPatterns: 100 })).toThrow(expect.objectContaining({ code: 'LIMIT', message: expect.stringMatching(/Apriori would hold more than 100 candidate 3-itemsets at once \(from 66 frequent 2-itemsets; maxPatterns is 100\).*use algorithm 'fpgrowth'/) }));
    expect(frequentItemsets(baskets, { minSupport: 0.5, algorithm: 'apriori', maxLength: 3, maxPatterns: 1000 })).toEqual(frequentItemsets(baskets, { minSupport: 0.5, algorithm: 'fpgrowth', maxLength: 3, maxPatterns: 1000 }));
  });

  it('refuses 40 million candidate pairs before building one (9,000 frequent items, as retail at 0.01%)', () => {
    const all = Array.from({ length: 9000 }, (_, i) => `i${i}`);
    expect(() => frequentItemsets([all, all], { minSupport: 1, algorithm: 'apriori', maxLength: 2 })).toThrow(expect.objectContaining({ code: 'LIMIT', message: expect.stringMatching(/Apriori would hold 40,495,500 candidate 2-itemsets/) }));
  });
});

describe('basket columns (parseFimiColumns) mine exactly what the string baskets mine', () => {
  it('gives the same itemset table and rules as parseFimi for every algorithm (fast-check)', () => {
    fc.assert(fc.property(withDuplicates, fc.integer({ min: 1, max: 4 }), (baskets, minCount) => {
      const text = baskets.map((b) => b.join(' ')).join('\n');
      const columns = parseFimiColumns(text);
      const strings = parseFimi(text);
      for (const algorithm of ['fpgrowth', 'apriori', 'eclat'] as const) {
        expect(itemsetTable(columns, { minCount, algorithm })).toEqual(itemsetTable(strings, { minCount, algorithm }));
      }
      expect(associationRules(columns, { minCount, minConfidence: 0.3 })).toEqual(associationRules(strings, { minCount, minConfidence: 0.3 }));
    }));
  });

  it('refuses broken columns with the basket named', () => {
    const broken = { ...parseFimiColumns('a b\nb c\n'), items: Int32Array.from([0, 1, 2, 1]) };
    expect(() => frequentItemsets(broken, { minCount: 1 })).toThrow(expect.objectContaining({ code: 'DATA', row: 2, field: 'items' }));
  });
});
