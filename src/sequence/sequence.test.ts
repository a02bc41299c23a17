import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TransactionLog } from '../core/TransactionLog';
import { parseSpmfColumns } from '../core/sequenceColumns';
import { allPatterns } from './patterns.oracle';
import { sequentialPatterns, type SequentialPattern } from './sequentialPatterns';
import { sequentialRules } from './rules';

const ALPHABET = ['a', 'b', 'c'];

/** Oracle: containment by trying every choice of positions (no dynamic programming). */
function containsBrute(seq: string[][], pattern: string[][], minGap: number, maxGap: number, from = 0, prev = -1): boolean {
  if (pattern.length === 0) return true;
  const [first, ...rest] = pattern as [string[], ...string[][]];
  for (let i = from; i < seq.length; i++) {
    if (prev >= 0 && (i - prev < minGap || i - prev > maxGap)) continue;
    if (first.every((x) => (seq[i] as string[]).includes(x)) && containsBrute(seq, rest, minGap, maxGap, i + 1, i)) return true;
  }
  return false;
}

function bruteForce(db: string[][][], minCount: number, maxItems: number, minGap: number, maxGap: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of allPatterns(ALPHABET, maxItems)) {
    const count = db.filter((s) => containsBrute(s, p, minGap, maxGap)).length;
    if (count >= minCount) out.set(JSON.stringify(p), count);
  }
  return out;
}

const keyed = (list: SequentialPattern[]) => new Map(list.map((p) => [JSON.stringify(p.sequence), p.count]));
const itemset = fc.uniqueArray(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 3 }).map((s) => [...s].sort());
const dbArb = fc.array(fc.array(itemset, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 8 });

describe('sequential patterns agree with brute-force enumeration', () => {
  for (const algorithm of ['prefixspan', 'spade', 'gsp'] as const) {
    it(`${algorithm}: with and without maxLength, minGap and maxGap`, () => {
      fc.assert(fc.property(
        dbArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 2 }), fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        (db, minCount, maxLength, minGap, extraGap) => {
          const maxGap = extraGap === undefined ? Infinity : minGap + extraGap;
          const got = sequentialPatterns(db, { minCount, algorithm, maxLength, minGap, maxGap: extraGap === undefined ? undefined : maxGap });
          expect(keyed(got)).toEqual(bruteForce(db, minCount, maxLength, minGap, maxGap));
          for (const p of got) expect(p.support).toBe(p.count / db.length);
        },
      ), { numRuns: 150 });
    });
  }
});

describe('the three algorithms agree exactly on larger random databases', () => {
  // Too big for brute force; deep patterns exercise PrefixSpan's candidate pruning and itemset-extensions,
  // SPADE's pair counts. maxLength keeps GSP's candidate sets (tens of thousands of patterns) quick.
  const items = 'abcdefgh'.split('');
  const set = fc.uniqueArray(fc.constantFrom(...items), { minLength: 1, maxLength: 4 }).map((s) => [...s].sort());
  const bigDb = fc.array(fc.array(set, { minLength: 0, maxLength: 12 }), { minLength: 2, maxLength: 12 });
  it('prefixspan = spade = gsp, with and without maxLength, minGap and maxGap', () => {
    fc.assert(fc.property(
      bigDb, fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2 }), fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      (db, minCount, maxLength, minGap, extraGap) => {
        const options = { minCount, maxLength, minGap, maxGap: extraGap === undefined ? undefined : minGap + extraGap, maxPatterns: 200_000 };
        const prefixspan = keyed(sequentialPatterns(db, { ...options, algorithm: 'prefixspan' }));
        expect(keyed(sequentialPatterns(db, { ...options, algorithm: 'spade' }))).toEqual(prefixspan);
        expect(keyed(sequentialPatterns(db, { ...options, algorithm: 'gsp' }))).toEqual(prefixspan);
      },
    ), { numRuns: 150 });
  });
});

describe('the PrefixSpan paper’s example (Pei et al. 2001, table 1), min support 2', () => {
  // <a(abc)(ac)d(cf)>, <(ad)c(bc)(ae)>, <(ef)(ab)(df)cb>, <eg(af)cbc>
  const db = [
    [['a'], ['a', 'b', 'c'], ['a', 'c'], ['d'], ['c', 'f']],
    [['a', 'd'], ['c'], ['b', 'c'], ['a', 'e']],
    [['e', 'f'], ['a', 'b'], ['d', 'f'], ['c'], ['b']],
    [['e'], ['g'], ['a', 'f'], ['c'], ['b'], ['c']],
  ];
  it('finds the paper’s patterns, e.g. <a(bc)a> and <(ab)dc>, and all algorithms agree', () => {
    const ps = sequentialPatterns(db, { minCount: 2 });
    const keys = new Set(ps.map((p) => JSON.stringify(p.sequence)));
    for (const expected of [[['a'], ['b', 'c'], ['a']], [['a', 'b'], ['d'], ['c']], [['e'], ['a'], ['c'], ['b']], [['a'], ['b', 'c']], [['f'], ['c'], ['b']]]) {
      expect(keys.has(JSON.stringify(expected)), JSON.stringify(expected)).toBe(true);
    }
    // The paper lists 53 patterns with a, 45 with b… all single items a–f are frequent, g is not.
    expect(ps.filter((p) => p.sequence.length === 1 && p.sequence[0]?.length === 1).map((p) => p.sequence[0]?.[0]).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(sequentialPatterns(db, { minCount: 2, algorithm: 'spade' })).toEqual(ps);
    expect(sequentialPatterns(db, { minCount: 2, algorithm: 'gsp' })).toEqual(ps);
  });
});

describe('inputs, rules and limits', () => {
  it('reads each customer’s baskets in time order from a log', () => {
    const log = TransactionLog.fromRecords([
      { c: 'x', t: 1, i: 'phone' }, { c: 'x', t: 2, i: 'case' }, { c: 'y', t: 1, i: 'phone' }, { c: 'y', t: 5, i: 'case' }, { c: 'y', t: 5, i: 'film' },
    ], { customer: 'c', time: 't', item: 'i' });
    const ps = sequentialPatterns(log, { minCount: 2 });
    expect(ps.map((p) => p.sequence)).toContainEqual([['phone'], ['case']]);
    const rules = sequentialRules(ps, { minConfidence: 0.5 });
    expect(rules[0]).toMatchObject({ prefix: [['phone']], next: ['case'], confidence: 1, count: 2 });
  });

  it('rejects bad options and data', () => {
    for (const bad of [{ minSupport: 0 }, { minCount: 0 }, { minGap: 0 }, { minGap: 3, maxGap: 2 }, { maxLength: 0 }, { algorithm: 'x' }]) {
      expect(() => sequentialPatterns([[['a']]], bad as never)).toThrow(expect.objectContaining({ code: 'OPTION' }));
    }
    expect(() => sequentialPatterns([[['a']], ['b' as never]], { minCount: 1 })).toThrow(expect.objectContaining({ code: 'DATA', row: 2 }));
  });

  it('stops with a LimitError past maxPatterns, for every algorithm', () => {
    const db = Array.from({ length: 3 }, () => [['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c']]);
    for (const algorithm of ['prefixspan', 'spade', 'gsp'] as const) {
      expect(() => sequentialPatterns(db, { minCount: 1, maxPatterns: 20, algorithm })).toThrow(expect.objectContaining({ code: 'LIMIT' }));
    }
  });
});

describe('sequence columns (parseSpmfColumns) mine exactly what the arrays mine', () => {
  it('every algorithm, with gaps and maxLength (fast-check)', () => {
    const item = fc.constantFrom('a', 'b', 'c', 'd', '10', '9');
    const db = fc.array(fc.array(fc.uniqueArray(item, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(db, fc.integer({ min: 1, max: 3 }), fc.constantFrom(undefined, 1, 2), (seqs, minCount, maxGap) => {
      const text = seqs.map((seq) => `${seq.map((set) => `${set.join(' ')} -1`).join(' ')} -2`).join('\n');
      const columns = parseSpmfColumns(text);
      for (const algorithm of ['prefixspan', 'spade', 'gsp'] as const) {
        const options = { minCount, algorithm, maxGap, maxLength: 4 };
        expect(sequentialPatterns(columns, options)).toEqual(sequentialPatterns(seqs, options));
      }
    }), { numRuns: 60 });
  });
});
