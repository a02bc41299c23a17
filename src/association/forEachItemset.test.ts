import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachItemset, frequentItemsets, itemsetTable } from './frequentItemsets';

/** Every visit as "names (count)", with the check that ids come ascending. */
function visited(baskets: string[][], options: Parameters<typeof forEachItemset>[1]): { lines: string[]; size: number } {
  const lines: string[] = [];
  const { size } = forEachItemset(baskets, options, (items, length, count, names) => {
    for (let i = 1; i < length; i++) expect(items[i] as number).toBeGreaterThan(items[i - 1] as number);
    lines.push(`${Array.from(items.subarray(0, length), (id) => names[id]).join(' ')} (${count})`);
  });
  return { lines: lines.sort(), size };
}

const asLines = (sets: ReturnType<typeof frequentItemsets>): string[] => sets.map((s) => `${s.items.join(' ')} (${s.count})`).sort();

const basketsArb = fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 6 }), { minLength: 1, maxLength: 30 });

describe('forEachItemset', () => {
  it('hands over exactly the itemsets and counts frequentItemsets returns, for every algorithm and kind (fast-check)', () => {
    fc.assert(fc.property(
      basketsArb, fc.integer({ min: 1, max: 4 }), fc.constantFrom('fpgrowth', 'eclat', 'apriori') as fc.Arbitrary<'fpgrowth' | 'eclat' | 'apriori'>,
      fc.constantFrom('all', 'closed', 'maximal') as fc.Arbitrary<'all' | 'closed' | 'maximal'>, fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      (baskets, minCount, algorithm, kind, maxLength) => {
        const options = { minCount, algorithm, kind, maxLength: kind === 'all' ? maxLength : undefined };
        const expected = asLines(frequentItemsets(baskets, options));
        const got = visited(baskets, options);
        expect(got.lines).toEqual(expected);
        expect(got.size).toBe(expected.length);
      },
    ), { numRuns: 300 });
  });

  it('holds none of them: a memory budget the table cannot keep to is enough for the visits', () => {
    // 18 items, each missing from 5 of the 200 baskets (never the same ones): k items are in
    // 200 - 5k baskets, so every itemset of up to 10 items is frequent at 150, about 9 MB as a table.
    const baskets = Array.from({ length: 200 }, (_, t) => Array.from({ length: 18 }, (_, i) => `i${i}`).filter((_, i) => (t + i) % 40 !== 0));
    const options = { minCount: 150, maxMemoryMB: 4 };
    const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n - 1, k - 1) * n) / k);
    const expected = Array.from({ length: 10 }, (_, k) => choose(18, k + 1)).reduce((a, b) => a + b, 0);
    expect(() => itemsetTable(baskets, options)).toThrow(expect.objectContaining({ code: 'LIMIT', message: expect.stringMatching(/the itemsets found/) }));
    let n = 0;
    const result = forEachItemset(baskets, options, () => { n++; });
    expect(expected).toBe(199_139);
    expect(n).toBe(expected);
    expect(result).toEqual(expect.objectContaining({ n: 200, size: expected, minCount: 150 }));
    expect(result.itemNames).toHaveLength(18);
  });

  it('stops past maxPatterns with the limit error, after handing over that many', () => {
    const baskets = [['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b']];
    let n = 0;
    expect(() => forEachItemset(baskets, { minCount: 1, maxPatterns: 4 }, () => { n++; })).toThrow(expect.objectContaining({ code: 'LIMIT', details: { maxPatterns: 4 } }));
    expect(n).toBe(4);
  });

  it('stops on an abort, and refuses what it cannot hand over as found', () => {
    const c = new AbortController();
    c.abort(new Error('enough'));
    expect(() => forEachItemset([['a']], { minCount: 1, signal: c.signal }, () => {})).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    expect(() => forEachItemset([['a']], { minCount: 1, kind: 'closed', maxLength: 2 }, () => {})).toThrow(expect.objectContaining({ code: 'OPTION', message: expect.stringMatching(/filtered after the search.*itemsetTable/) }));
    expect(() => forEachItemset([['a']], { minCount: 1 }, 'no' as never)).toThrow(expect.objectContaining({ code: 'OPTION', message: expect.stringMatching(/visit must be a function/) }));
  });
});
